/**
 * Old addresses, built from a dataset made for them: the bundled one, with an
 * article whose slug changed twice, editors' redirects that work (one of them
 * through an old address), and those that must be dropped with a warning: a
 * source that is a live page, a loop, targets that do not exist. Each host's
 * file is read with the host's own parser (Netlify's, Vercel's routing), and a
 * browser opens old addresses on a plain static host and on one that answers
 * the _redirects rules.
 */
import {readFile, stat} from 'node:fs/promises'
import {join} from 'node:path'

import {parseAllRedirects} from '@netlify/redirect-parser'
import {getTransformedRoutes, type Route} from '@vercel/routing-utils'
import {load} from 'cheerio'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {launchChromium} from '../support/browser'
import {buildSite} from '../support/build-site'
import {readBundledDocuments, toNdjson, writeTempDataset, type Doc} from '../support/dataset-files'
import {startStaticServer, type HostRedirect} from '../support/static-server'

const SITE = 'https://smartcities.example'
const ARTICLE_ID = 'article-when-building-beats-buying-salesforce-decisions-at-cg-infinity'
const ARTICLE_TITLE =
  'When Building Beats Buying: A Smarter Approach to Salesforce Decisions at CG Infinity'
const CURRENT = '/articles/when-building-beats-buying-salesforce-decisions-at-cg-infinity/'
const FIRST = '/articles/salesforce-build-or-buy/'
const SECOND = '/articles/when-building-beats-buying/'
const LIVE_ARTICLE = 'when-client-engagement-becomes-true-partnership'
const CONFLICTING_ID = 'article-how-cg-infinity-brings-cross-functional-teams-together'

/** Every redirect the build must write, old address → page, each one hop. */
const EXPECTED: Record<string, string> = {
  [FIRST]: CURRENT,
  [SECOND]: CURRENT,
  // An editor's redirect to an old address goes straight to where that one goes.
  '/2019/05/build-or-buy/': CURRENT,
  '/feed/': '/rss.xml',
  // The bundled dataset's own two.
  '/articles/craftsmanship-and-the-soul-of-cities/':
    '/articles/craftsmanship-and-the-soul-of-cities-with-mike-ablon/',
  '/industries/industrial-iot/top-smart-cities/': '/lists/top-smart-cities-in-the-world/',
}
/** Old addresses that cannot redirect and are dropped. */
const DROPPED = ['/loop-a/', '/loop-b/', '/gone/', '/gone-too/']
/** Old addresses that are live pages: they stay the pages they are. */
const LIVE_SOURCES = [`/articles/${LIVE_ARTICLE}/`, '/latest/']

type VercelConfig = Parameters<typeof getTransformedRoutes>[0] & {headers: unknown}

const redirect = (id: string, from: string, target: object): Doc => ({
  _id: id,
  _type: 'redirect',
  from,
  ...target,
})

async function writeRedirectDataset(): Promise<string> {
  const docs = (await readBundledDocuments()).map((doc) => {
    if (doc._id === ARTICLE_ID) {
      return {...doc, previousSlugs: ['salesforce-build-or-buy', 'when-building-beats-buying']}
    }
    // Another article's live address is not this one's to redirect.
    if (doc._id === CONFLICTING_ID) return {...doc, previousSlugs: [LIVE_ARTICLE]}
    return doc
  })
  return writeTempDataset(
    toNdjson([
      ...docs,
      redirect('redirect-old-post', '/2019/05/build-or-buy/', {toPath: FIRST}),
      redirect('redirect-old-feed', '/feed/', {toPath: '/rss.xml'}),
      redirect('redirect-live-page', '/latest/', {toPath: CURRENT}),
      redirect('redirect-loop-a', '/loop-a/', {toPath: '/loop-b/'}),
      redirect('redirect-loop-b', '/loop-b/', {toPath: '/loop-a/'}),
      redirect('redirect-nowhere', '/gone/', {toPath: '/articles/never-written/'}),
      redirect('redirect-deleted-page', '/gone-too/', {
        toDocument: {_type: 'reference', _ref: 'article-deleted', _weak: true},
      }),
    ]),
  )
}

let outDir: string
let output: string

beforeAll(async () => {
  const built = await buildSite({DATASET_FILE: await writeRedirectDataset()})
  ;({outDir, output} = built)
  if (!built.ok) throw new Error(`The build failed:\n${output}`)
}, 240_000)

const exists = (path: string) =>
  stat(join(outDir, path)).then(
    () => true,
    () => false,
  )
const page = async (path: string) => load(await readFile(join(outDir, path, 'index.html'), 'utf8'))

describe('the build log', () => {
  const warning = (documentId: string, field: string) =>
    output.split('\n').find((line) => line.includes(`document "${documentId}", field "${field}"`))

  test.each([
    [
      CONFLICTING_ID,
      'previousSlugs[0]',
      /the page of "article-when-client-engagement.*cannot redirect/,
    ],
    ['redirect-live-page', 'from', /\/latest\/ is the address of a page of the site/],
    ['redirect-loop-a', 'toPath', /\/loop-a\/ → \/loop-b\/ → \/loop-a\/ goes round in a loop/],
    ['redirect-loop-b', 'toPath', /\/loop-b\/ → \/loop-a\/ → \/loop-b\/ goes round in a loop/],
    ['redirect-nowhere', 'toPath', /\/articles\/never-written\/, which the site does not build/],
  ])('warns that %s (%s) is dropped, and why', (documentId, field, why) => {
    const line = warning(documentId, field)
    expect(line, output).toMatch(/^\s*warning: /)
    expect(line).toMatch(why)
    expect(line).toMatch(/the redirect is dropped$/)
  })

  test('warns, with file and line, about a redirect whose page no longer exists', () => {
    const line = warning('redirect-deleted-page', 'toDocument')
    expect(line, output).toMatch(/^\s*warning: \S+dataset\.ndjson:\d+, document/)
    expect(line).toContain('"article-deleted", which is not a published document')
    expect(line).toMatch(/the redirect is left out$/)
  })

  test('the build still succeeds, and warns about nothing else', () => {
    expect(output.split('\n').filter((line) => line.includes('warning:'))).toHaveLength(6)
  })
})

describe('the pages at old addresses', () => {
  test.each(Object.entries(EXPECTED))(
    '%s sends the browser on to %s, with a canonical link and a visible one',
    async (from, to) => {
      const $ = await page(from)
      expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${to}`)
      expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}${to}`)
      expect($('main a').attr('href')).toBe(to)
      expect($('main a').text()).toBe(`${SITE}${to}`)
    },
  )

  test('a dropped old address gets no page', async () => {
    for (const path of DROPPED) expect(await exists(join(path, 'index.html')), path).toBe(false)
  })

  test('a live page stays the page it is', async () => {
    for (const path of LIVE_SOURCES) {
      const $ = await page(path)
      expect($('meta[http-equiv="refresh"]'), path).toHaveLength(0)
      expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}${path}`)
    }
  })
})

describe('the host files', () => {
  const every = [...Object.keys(EXPECTED), ...DROPPED, ...LIVE_SOURCES]

  test('Netlify reads one forced 301 per old address, straight to the page', async () => {
    const {redirects, errors} = (await parseAllRedirects({
      redirectsFiles: [join(outDir, '_redirects')],
      configRedirects: [],
      minimal: true,
    })) as {
      redirects: Array<{from: string; to: string; status: number; force: boolean}>
      errors: unknown[]
    }
    expect(errors).toEqual([])
    // Netlify applies the first rule that matches.
    const first = new Map<string, {to: string; status: number; force: boolean}>()
    for (const {from, to, status, force} of redirects)
      if (!first.has(from)) first.set(from, {to, status, force})
    expect(Object.fromEntries(first)).toEqual(
      Object.fromEntries(
        Object.entries(EXPECTED).map(([from, to]) => [from, {to, status: 301, force: true}]),
      ),
    )
    for (const path of every) expect(first.has(path) === path in EXPECTED, path).toBe(true)
  })

  test('Cloudflare Pages reads one plain 301 per old address (it skips "301!" lines)', async () => {
    // Cloudflare's documented format: "source destination [status]", the status a number.
    const rules = new Map<string, {to: string; status: number}>()
    for (const line of (await readFile(join(outDir, '_redirects'), 'utf8')).split('\n')) {
      const tokens = line.trim().split(/\s+/)
      if (line.trim().startsWith('#') || tokens.length < 2 || tokens.length > 3) continue
      const status = Number(tokens[2] ?? '302')
      if (!Number.isInteger(status) || rules.has(tokens[0]!)) continue
      rules.set(tokens[0]!, {to: tokens[1]!, status})
    }
    expect(Object.fromEntries(rules)).toEqual(
      Object.fromEntries(Object.entries(EXPECTED).map(([from, to]) => [from, {to, status: 301}])),
    )
  })

  test('Vercel routes every old address, with or without its slash, to the page', async () => {
    const config = JSON.parse(await readFile(join(outDir, 'vercel.json'), 'utf8')) as VercelConfig
    const {routes, error} = getTransformedRoutes(config)
    expect(error).toBeNull()
    // Vercel answers with the first route that matches and has a status.
    type Answering = Route & {src: string; status: number; headers: {Location: string}}
    const answering = (routes ?? []).filter(
      (route): route is Answering => 'src' in route && 'status' in route && !!route.status,
    )
    const answer = (path: string) => {
      const route = answering.find((candidate) => new RegExp(candidate.src).test(path))
      if (!route) return undefined
      return {status: route.status, to: path.replace(new RegExp(route.src), route.headers.Location)}
    }
    for (const [from, to] of Object.entries(EXPECTED)) {
      expect(answer(from), from).toEqual({status: 301, to})
      // Without the slash: Vercel's own 308 adds it first.
      expect(answer(from.slice(0, -1)), from).toEqual({status: 308, to: from})
    }
    for (const path of [...DROPPED, ...LIVE_SOURCES]) expect(answer(path), path).toBeUndefined()
    const committed = JSON.parse(
      await readFile(join(import.meta.dirname, '../../site/vercel.json'), 'utf8'),
    ) as {headers: unknown}
    expect(config.headers).toEqual(committed.headers)
  })
})

describe('sitemap and feeds', () => {
  const oldAddresses = Object.keys(EXPECTED).map((path) => `${SITE}${path}`)

  test('the sitemap lists the current address and no old one', async () => {
    const sitemap = await readFile(join(outDir, 'sitemap-0.xml'), 'utf8')
    const listed = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])
    expect(listed).toContain(`${SITE}${CURRENT}`)
    expect(listed.filter((url) => oldAddresses.includes(url!))).toEqual([])
  })

  test.each([
    'rss.xml',
    'feed.json',
    'categories/salesforce/rss.xml',
    'categories/salesforce/feed.json',
  ])('%s links the current address and no old one', async (feed) => {
    const text = await readFile(join(outDir, feed), 'utf8')
    expect(text).toContain(`${SITE}${CURRENT}`)
    for (const url of oldAddresses) expect(text, url).not.toContain(`${url}"`)
    for (const url of oldAddresses) expect(text, url).not.toContain(`${url}<`)
  })
})

describe('in Chromium', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
  })

  async function open(hostRedirects: ReadonlyMap<string, HostRedirect> | undefined, path: string) {
    const server = await startStaticServer(outDir, {redirects: hostRedirects})
    const context = await browser.newContext()
    try {
      const tab = await context.newPage()
      const response = await tab.goto(`${server.url}${path}`)
      await tab.waitForURL(`${server.url}${CURRENT}`)
      return {
        heading: await tab.locator('h1').textContent(),
        firstStatus: response?.request().redirectedFrom()?.redirectedFrom()
          ? 'more than one hop'
          : ((await response?.request().redirectedFrom()?.response())?.status() ??
            response?.status()),
      }
    } finally {
      await context.close()
      await server.close()
    }
  }

  test.each([FIRST, SECOND, '/2019/05/build-or-buy/'])(
    'opening %s on a host without redirect rules lands on the current page',
    async (path) => {
      expect(await open(undefined, path)).toEqual({heading: ARTICLE_TITLE, firstStatus: 200})
    },
  )

  test.each([FIRST, SECOND, '/2019/05/build-or-buy/'])(
    'opening %s on a host that reads _redirects lands on the current page after one 301',
    async (path) => {
      const {redirects} = (await parseAllRedirects({
        redirectsFiles: [join(outDir, '_redirects')],
        configRedirects: [],
        minimal: true,
      })) as {redirects: Array<{from: string; to: string; status: number}>}
      const rules = new Map<string, HostRedirect>()
      for (const {from, to, status} of redirects)
        if (!rules.has(from)) rules.set(from, {to, status})
      expect(await open(rules, path)).toEqual({heading: ARTICLE_TITLE, firstStatus: 301})
    },
  )
})
