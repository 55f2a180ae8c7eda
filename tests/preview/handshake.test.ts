/**
 * The preview server's gate, end to end: the studio's side of the handshake is
 * @sanity/preview-url-secret's own createPreviewSecret writing to the local
 * query server; the server checks the secret there with its token. Drafts show
 * only with the session it hands out; everything else is a 401 with a page that
 * says what to do, and no response carries the token.
 */
import {readdir} from 'node:fs/promises'
import {join} from 'node:path'

import {load} from 'cheerio'
import {afterAll, beforeAll, describe, expect, inject, test} from 'vitest'

import {
  createSecret,
  enableUrl,
  getPage,
  openSession,
  PREVIEW_TOKEN,
  startPreviewServer,
  STUDIO_URL,
  type PreviewServer,
} from '../support/preview-server'

/** The characters stega is written in (the list): text as a reader sees it without them. */
const STEGA = /[\u200B-\u200D\u2060-\u2064\uFEFF]/g
const visibleText = (html: string, selector: string) =>
  load(html)(selector).first().text().replace(STEGA, '').trim()

const DRAFT_TITLE = 'DRAFT: Smart streetlights, unpublished'
const DRAFT_PATH = '/articles/draft-smart-streetlights/'

/** A path of every route the site has, to knock on without a session. */
const EVERY_ROUTE = [
  '/',
  '/cities/vienna/',
  '/cities/',
  '/articles/when-client-engagement-becomes-true-partnership/',
  DRAFT_PATH,
  '/latest/',
  '/categories/',
  '/categories/cities/',
  '/lists/',
  '/lists/top-smart-cities-in-the-world/',
  '/rss.xml',
  '/feed.json',
  '/categories/cities/rss.xml',
  '/categories/cities/feed.json',
  '/robots.txt',
  '/images/anything-w320.webp',
  '/no-such-page/',
]

let server: PreviewServer
/** Every response this file saw, to search for the token at the end. */
const seen: Array<{what: string; text: string}> = []
const remember = (what: string, response: Response, body: string) =>
  void seen.push({what, text: `${[...response.headers].join('\n')}\n${body}`})

beforeAll(async () => {
  server = await startPreviewServer(inject('previewBuild'))
})
afterAll(() => server?.stop())

describe('the handshake', () => {
  test('a valid secret sets a session cookie that works in the studio frame, and leads to the page', async () => {
    const secret = await createSecret(server.lake)
    const response = await fetch(enableUrl(server.origin, secret, DRAFT_PATH), {
      redirect: 'manual',
    })
    remember('handshake', response, await response.text())
    expect(response.status).toBe(307)
    expect(response.headers.get('location')).toBe(DRAFT_PATH)
    const session = response.headers
      .getSetCookie()
      .find((cookie) => cookie.startsWith('__Host-preview-session='))
    expect(session, 'the session cookie').toBeDefined()
    const attributes = session!
      .split(/;\s*/)
      .slice(1)
      .map((part) => part.toLowerCase())
    expect(attributes).toEqual(
      expect.arrayContaining(['httponly', 'secure', 'samesite=none', 'path=/', 'partitioned']),
    )
  })

  test('with the session, a draft-only title shows on the article page and on /latest/', async () => {
    const cookie = await openSession(server, DRAFT_PATH)
    for (const [path, selector] of [
      [DRAFT_PATH, 'main h1'],
      ['/latest/', `main .card-title a[href="${DRAFT_PATH}"]`],
    ] as const) {
      const {response, body} = await getPage(server, path, cookie)
      remember(path, response, body)
      expect({path, status: response.status}).toEqual({path, status: 200})
      expect(visibleText(body, selector), path).toBe(DRAFT_TITLE)
    }
    // The published site has neither: the draft is in the dataset, unpublished.
    const published = await openSession(server, '/latest/', 'published')
    const latest = await getPage(server, '/latest/', published)
    expect(latest.body.replace(STEGA, '')).not.toContain(DRAFT_TITLE)
    expect((await getPage(server, DRAFT_PATH, published)).response.status).toBe(404)
  })

  test.each([
    ['an unknown secret', async () => 'not-a-secret-the-studio-made'],
    [
      'an expired secret',
      async () => {
        // Stored by a studio two hours ago: secrets live for one.
        const stale = new Date(Date.now() - 2 * 60 * 60 * 1000).toISOString()
        server.lake.put({
          _id: 'drafts.old-secret',
          _type: 'sanity.previewUrlSecret',
          _updatedAt: stale,
          secret: 'an-old-secret',
          studioUrl: STUDIO_URL,
        })
        return 'an-old-secret'
      },
    ],
    ['no secret', async () => ''],
  ])('%s gets a 401 and no session', async (_, secretFor) => {
    const secret = await secretFor()
    const response = await fetch(enableUrl(server.origin, secret, DRAFT_PATH), {
      redirect: 'manual',
    })
    const body = await response.text()
    remember('refused handshake', response, body)
    expect(response.status).toBe(401)
    expect(response.headers.getSetCookie()).toEqual([])
    expect(load(body)('h1').text()).toBe('Open the preview from the studio')
  })
})

describe('the studio’s perspective', () => {
  test('a Content Release shows its versions over the drafts', async () => {
    const vienna = server.lake.documents().find((doc) => doc._id === 'city-vienna')!
    server.lake.put({
      ...vienna,
      _id: 'versions.rSummer.city-vienna',
      name: 'Vienna (SUMMER RELEASE)',
    })
    const path = '/cities/vienna/'
    const heading = async (perspective: string) => {
      const {response, body} = await getPage(
        server,
        path,
        await openSession(server, path, perspective),
      )
      remember(`${path} in ${perspective}`, response, body)
      return visibleText(body, 'main h1')
    }
    expect(await heading('rSummer,drafts')).toBe('Vienna (SUMMER RELEASE)')
    expect(await heading('drafts')).toBe('Vienna (DRAFT EDIT)')
    expect(await heading('published')).toBe('Vienna')
    // What is not a perspective (here the whole API, every version at once) reads drafts.
    expect(await heading('raw')).toBe('Vienna (DRAFT EDIT)')
  })
})

describe('when the Content Lake does not answer the check', () => {
  test('the handshake says so, with no session and no token', async () => {
    const secret = await createSecret(server.lake)
    server.lake.failAlways({kind: 'status', status: 503})
    try {
      const response = await fetch(enableUrl(server.origin, secret, '/'), {redirect: 'manual'})
      const body = await response.text()
      remember('handshake, Content Lake down', response, body)
      expect(response.status).toBe(502)
      expect(body).toContain("could not check the studio's secret with the Content Lake (HTTP 503)")
      expect(response.headers.getSetCookie()).toEqual([])
    } finally {
      server.lake.failAlways(undefined)
    }
  })
})

describe('without a session', () => {
  test.each(EVERY_ROUTE)(
    '%s answers 401 with a page that says how to open the preview',
    async (path) => {
      const {response, body} = await getPage(server, path)
      remember(path, response, body)
      expect(response.status).toBe(401)
      expect(response.headers.get('www-authenticate')).toBeTruthy()
      const $ = load(body)
      expect($('h1').text()).toBe('Open the preview from the studio')
      expect($(`a[href="${STUDIO_URL}/presentation"][target="_top"]`).length).toBe(1)
      expect(body).not.toContain('Smart streetlights')
    },
  )

  test('a forged or altered session cookie is refused', async () => {
    const cookie = await openSession(server, '/')
    const [session] = cookie.split('; ')
    const forged = [
      // A later expiry with the old signature.
      session!.replace(/v1\.(\d+)\./, (_, ms: string) => `v1.${Number(ms) + 3_600_000}.`),
      // Another signature.
      session!.replace(/\.[\w-]{43}$/, `.${'A'.repeat(43)}`),
      '__Host-preview-session=v1.9999999999999.x',
    ]
    for (const value of forged) {
      const {response} = await getPage(server, '/', value)
      expect({value, status: response.status}).toEqual({value, status: 401})
    }
  })
})

describe('every response', () => {
  test('is private, not for search engines, and framed by the studio only', async () => {
    const cookie = await openSession(server, '/')
    const clientDir = join(inject('previewBuild'), 'client', '_astro')
    const script = (await readdir(clientDir)).find((file) => file.endsWith('.js'))!
    const cases: Array<[string, string | undefined]> = [
      ['/', cookie],
      ['/cities/vienna/', cookie],
      ['/rss.xml', cookie],
      ['/no-such-page/', cookie],
      ['/', undefined],
      ['/favicon.svg', undefined],
      [`/_astro/${script}`, undefined],
      ['/latest', undefined],
    ]
    for (const [path, withCookie] of cases) {
      const {response, body} = await getPage(server, path, withCookie)
      remember(path, response, body)
      const what = `${path} ${withCookie ? 'with' : 'without'} a session (${response.status})`
      expect(response.headers.get('x-robots-tag'), what).toBe('noindex')
      expect(response.headers.get('cache-control'), what).toBe('private, no-store')
      const policy = response.headers.get('content-security-policy') ?? ''
      const ancestors = policy
        .split(';')
        .map((directive) => directive.trim())
        .filter((directive) => directive.startsWith('frame-ancestors'))
      expect(ancestors, what).toEqual([`frame-ancestors ${new URL(STUDIO_URL).origin}`])
      expect(response.headers.get('x-frame-options'), what).toBeNull()
    }
  })
})

describe('the token', () => {
  test('appears in no response: not in a page, a header, an error or a feed', () => {
    expect(seen.length).toBeGreaterThan(EVERY_ROUTE.length)
    const forms = [PREVIEW_TOKEN, Buffer.from(PREVIEW_TOKEN).toString('base64')]
    const leaks = seen.filter(({text}) => forms.some((form) => text.includes(form)))
    expect(leaks.map(({what}) => what)).toEqual([])
  })
})
