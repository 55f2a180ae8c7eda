/**
 * Every test that starts the site's dev server (`astro dev`) lives in this file, and they
 * run one after another: Astro 7 allows one dev server per project at a time (it records it
 * in site/.astro/dev.json, and a second `astro dev` exits with "Another astro dev server is
 * already running"), while Vitest runs files in parallel.
 */
import {join} from 'node:path'

import {load, type CheerioAPI} from 'cheerio'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {readBundledDocuments} from '../support/dataset-files'
import {repoRoot} from '../support/paths'
import {cleanEnv, freePort, startCommand, type RunningCommand} from '../support/processes'
import {startQueryServer, type QueryServer} from '../support/query-server'

const siteDir = join(repoRoot, 'site')
/** What `astro dev` prints once it listens: "┃ Local    http://localhost:4321/". */
const ASTRO_READY = /Local\s+(http:\/\/[^\s/]+)\//
/** What `sanity dev` prints once it listens: "… running at http://localhost:3333/". */
const STUDIO_READY = /Sanity Studio using .* running at (http:\/\/[^\s/]+)\//
const STARTUP_MS = 90_000

/** `pnpm <script>` at the repository root, as a developer types it. */
const pnpmAtRoot = (script: string, settings: Record<string, string>) =>
  startCommand('pnpm', [script], {cwd: repoRoot, env: cleanEnv(settings)})

async function get(url: string) {
  const response = await fetch(url)
  return {
    status: response.status,
    type: response.headers.get('content-type') ?? '',
    body: Buffer.from(await response.arrayBuffer()),
  }
}

/** The site's home page, not some other server's: the featured list and its cities. */
function expectSiteHome(html: string): void {
  const $ = load(html)
  expect($('h1').first().text().trim()).toBe('The Top Smart Cities in the World')
  expect($('a[href="/cities/vienna/"]').length).toBeGreaterThan(0)
}

/** Every image and stylesheet a page makes the browser fetch, as absolute URLs. */
function assetsOf($: CheerioAPI, page: URL) {
  const absolute = (href: string) => new URL(href, page).href
  const images = new Set<string>()
  $('img[src]').each((_, element) => void images.add(absolute($(element).attr('src')!)))
  $('img[srcset], source[srcset]').each((_, element) => {
    for (const candidate of $(element).attr('srcset')!.split(','))
      images.add(absolute(candidate.trim().split(/\s+/)[0]!))
  })
  const stylesheets = $('link[rel~="stylesheet"][href]')
    .map((_, element) => absolute($(element).attr('href')!))
    .get()
  const icons = $('link[rel~="icon"][href]')
    .map((_, element) => absolute($(element).attr('href')!))
    .get()
  return {images: [...images], stylesheets, icons}
}

/** The first bytes of a WebP or PNG file: a browser shows the image only if they are right. */
const isWebp = (body: Buffer) =>
  body.subarray(0, 4).toString('latin1') === 'RIFF' &&
  body.subarray(8, 12).toString('latin1') === 'WEBP'
const isPng = (body: Buffer) =>
  body.subarray(0, 8).equals(Buffer.from('\x89PNG\r\n\x1a\n', 'latin1'))

describe('`pnpm dev` without a studio project: the site alone', () => {
  let dev: RunningCommand
  let origin: string
  const pages = new Map<string, ReturnType<typeof get>>()
  /** Each page fetched once, shared by the tests below. */
  const page = (path: string) => {
    if (!pages.has(path)) pages.set(path, get(origin + path))
    return pages.get(path)!
  }

  beforeAll(async () => {
    const port = await freePort()
    dev = pnpmAtRoot('dev', {SITE_PORT: String(port)})
    origin = (await dev.waitForLog(ASTRO_READY, STARTUP_MS))[1]!
    expect(new URL(origin).port).toBe(String(port))
    await dev.waitForHttp(`${origin}/`, STARTUP_MS)
  }, 2 * STARTUP_MS)

  afterAll(() => dev?.stop())

  /** The home page, Vienna, and the newest article the home page links to. */
  async function pagePaths(): Promise<string[]> {
    const home = load((await page('/')).body.toString('utf8'))
    const article = home('main a[href^="/articles/"]').first().attr('href')
    expect(article, 'the home page links to an article').toMatch(/^\/articles\/[a-z0-9-]+\/$/)
    return ['/', '/cities/vienna/', article!]
  }

  test('serves the home page, a city and an article, and only the site', async () => {
    const paths = await pagePaths()
    for (const path of paths) {
      const {status, type, body} = await page(path)
      expect({path, status, type}).toEqual({path, status: 200, type: 'text/html'})
      expect(load(body.toString('utf8'))('h1').text().trim(), path).not.toBe('')
    }
    expectSiteHome((await page('/')).body.toString('utf8'))
    expect(load((await page('/cities/vienna/')).body.toString('utf8'))('h1').text()).toContain(
      'Vienna',
    )
    expect(dev.log()).not.toContain('Sanity Studio')
  })

  test('every image, srcset candidate, stylesheet and icon of those pages answers', async () => {
    const images = new Set<string>()
    const others = new Map<string, RegExp>()
    for (const path of await pagePaths()) {
      const html = (await page(path)).body.toString('utf8')
      const $ = load(html)
      const assets = assetsOf($, new URL(path, origin))
      expect(assets.images.length, `${path} shows images`).toBeGreaterThan(0)
      // Styles come inline (<style>) or as stylesheets; either way the page is not bare.
      const inlineCss = $('style')
        .map((_, element) => $(element).text())
        .get()
        .join('')
      expect(inlineCss.length + assets.stylesheets.length, `${path} is styled`).toBeGreaterThan(0)
      for (const image of assets.images) images.add(image)
      for (const sheet of assets.stylesheets) others.set(sheet, /^text\/css\b/)
      for (const icon of assets.icons) others.set(icon, /^image\//)
    }

    const failures: string[] = []
    const queue = [...images]
    // A few at a time: the dev server resizes each WebP variant on request.
    await Promise.all(
      Array.from({length: 6}, async () => {
        for (let url = queue.shift(); url; url = queue.shift()) {
          const {status, type, body} = await get(url)
          const valid =
            status === 200 &&
            ((type === 'image/webp' && isWebp(body)) || (type === 'image/png' && isPng(body)))
          if (!valid) failures.push(`${url}: ${status} ${type} (${body.length} bytes)`)
        }
      }),
    )
    for (const [url, expected] of others) {
      const {status, type} = await get(url)
      if (status !== 200 || !expected.test(type)) failures.push(`${url}: ${status} ${type}`)
    }
    expect(failures).toEqual([])
    // The pages use the WebP variants at every srcset width, not only the originals.
    expect([...images].filter((url) => /-w\d+\.webp$/.test(url)).length).toBeGreaterThan(8)
  }, 120_000)

  test('serves the feed', async () => {
    const {status, type, body} = await get(`${origin}/rss.xml`)
    expect(status).toBe(200)
    expect(type).toMatch(/^application\/(rss\+)?xml\b/)
    const xml = body.toString('utf8')
    expect(xml).toMatch(/^<\?xml /)
    expect(load(xml, {xml: true})('rss > channel > item').length).toBeGreaterThan(0)
  })
})

describe('draft preview: `astro dev` with a token and SANITY_PREVIEW_DRAFTS=true', () => {
  const TOKEN = 'sk-preview-token-for-tests'
  let server: QueryServer
  let dev: RunningCommand
  let origin: string

  beforeAll(async () => {
    server = await startQueryServer({documents: await readBundledDocuments(), token: TOKEN})
    const port = await freePort()
    origin = `http://127.0.0.1:${port}`
    // Astro's own entry, run by this Node, so that the test controls the host and port.
    const astro = join(siteDir, 'node_modules', 'astro', 'bin', 'astro.mjs')
    dev = startCommand(
      process.execPath,
      [astro, 'dev', '--port', String(port), '--host', '127.0.0.1'],
      {
        cwd: siteDir,
        env: cleanEnv({
          SANITY_PROJECT_ID: 'test1234',
          SANITY_API_HOST: server.url,
          SANITY_API_READ_TOKEN: TOKEN,
          SANITY_PREVIEW_DRAFTS: 'true',
        }),
      },
    )
    await dev.waitForHttp(`${origin}/latest/`, STARTUP_MS)
  }, 2 * STARTUP_MS)

  afterAll(async () => {
    await dev?.stop()
    await server?.close()
  })

  test('shows unpublished changes', async () => {
    const vienna = await (await fetch(`${origin}/cities/vienna/`)).text()
    expect(vienna).toContain('Vienna (DRAFT EDIT)')
    const latest = await (await fetch(`${origin}/latest/`)).text()
    expect(latest).toContain('DRAFT: Smart streetlights, unpublished')
    expect(server.requests.some((request) => request.perspective === 'drafts')).toBe(true)
  })
})

describe('`pnpm dev` with SANITY_STUDIO_PROJECT_ID: the site and the studio together', () => {
  let dev: RunningCommand
  let site: string
  let studio: string
  let sitePort: number
  let studioPort: number

  beforeAll(async () => {
    sitePort = await freePort()
    do studioPort = await freePort()
    while (studioPort === sitePort)
    dev = pnpmAtRoot('dev', {
      // A placeholder: `sanity dev` serves the studio without reaching the project.
      SANITY_STUDIO_PROJECT_ID: 'test1234',
      // A studio for a project shows its preview server in Presentation; it need not run here.
      SANITY_STUDIO_PREVIEW_URL: 'http://localhost:4322',
      SITE_PORT: String(sitePort),
      SANITY_STUDIO_PORT: String(studioPort),
    })
    site = (await dev.waitForLog(ASTRO_READY, STARTUP_MS))[1]!
    studio = (await dev.waitForLog(STUDIO_READY, STARTUP_MS))[1]!
    await dev.waitForHttp(`${site}/`, STARTUP_MS)
    await dev.waitForHttp(`${studio}/`, STARTUP_MS)
  }, 2 * STARTUP_MS)

  afterAll(() => dev?.stop())

  test('each listens on the port it was given (SITE_PORT, SANITY_STUDIO_PORT)', () => {
    expect(new URL(site).port).toBe(String(sitePort))
    expect(new URL(studio).port).toBe(String(studioPort))
  })

  test("the site's port serves the site", async () => {
    const {status, type, body} = await get(`${site}/`)
    expect({status, type}).toEqual({status: 200, type: 'text/html'})
    expectSiteHome(body.toString('utf8'))
  })

  test("the studio's port serves the studio, and its configuration compiles", async () => {
    const {status, type, body} = await get(`${studio}/`)
    expect({status, type}).toEqual({status: 200, type: 'text/html'})
    const $ = load(body.toString('utf8'))
    expect($('title').text()).toBe('Sanity Studio')
    expect($('div#sanity').length).toBe(1)
    // The page's entry module, and the studio configuration it imports, as the browser gets them.
    const entry = $('script[type="module"][src*="/.sanity/runtime/"]').attr('src')
    expect(entry).toBeDefined()
    for (const path of [entry!, '/sanity.config.ts']) {
      const module = await get(new URL(path, studio).href)
      expect({path, status: module.status, type: module.type}).toEqual({
        path,
        status: 200,
        type: 'text/javascript',
      })
    }
  })
})
