/**
 * One hostile but buildable dataset, built once: the bundled content with HTML
 * and <script> in titles, excerpts, alt text, captions, link text, names and
 * settings; javascript:/data:/vbscript: URLs (however spelled) in Portable Text
 * links, city links, social embeds and the settings' profiles and subscribe
 * link; unknown block types and marks; control characters, noncharacters and
 * lone surrogates in text; a 1 MB article body. Every case builds: text comes
 * out escaped, unsafe URLs are dropped (their text kept, unlinked), pages are
 * valid HTML, RSS feeds well-formed XML and JSON Feeds JSON with the same HTML. (Cases the dataset checks reject before
 * rendering are tested with the dataset; the renderers are also safe by
 * themselves, see tests/unit/*-properties.test.ts.)
 */
import {execFile} from 'node:child_process'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'
import {gunzipSync} from 'node:zlib'

import {load, type CheerioAPI} from 'cheerio'
import {XMLValidator} from 'fast-xml-parser'
import {parseJsonFeed, parseRssFeed} from 'feedsmith'
import type {Browser} from 'playwright-core'
import vnuJar from 'vnu-jar'
import {afterAll, beforeAll, describe, expect, test} from 'vitest'

import {launchChromium} from '../support/browser'
import {buildSite, type BuildResult} from '../support/build-site'
import {htmlFiles, listFiles, loadPage} from '../support/built-site'
import {readBundledDocuments, toNdjson, writeTempDataset} from '../support/dataset-files'
import {HOSTILE_URLS} from '../fixtures/hostile/strings'
import {forbiddenCharsIn} from '../support/forbidden-chars'
import {isHostileUrl, normalizeScheme} from '../support/safe-output'
import {startStaticServer} from '../support/static-server'

const run = promisify(execFile)

const SCRIPT = '<script>alert("xss")</script>'
const IMG = '<img src=x onerror=alert(1)>'
const CONTROLS = '\u0000\u0001\u0008\u000b\u000c\u001f\u007f\ufffe\uffff\ud800'
const CANARY_TOKEN = 'skHostileCanary-token-never-in-output-5d2e1b'

const ARTICLE_ID = 'article-craftsmanship-and-the-soul-of-cities-with-mike-ablon'
const ARTICLE_PATH = '/articles/craftsmanship-and-the-soul-of-cities-with-mike-ablon/'
const BIG_ARTICLE_PATH = '/articles/a-very-long-article/'

type Doc = {_id: string; _type: string; [field: string]: unknown}

const span = (text: string, marks: string[] = []) => ({
  _type: 'span',
  _key: `s${Math.abs(hash(text + marks.join()))}`,
  text,
  marks,
})
function hash(text: string) {
  let value = 7
  for (const char of text) value = (value * 31 + char.charCodeAt(0)) | 0
  return value
}

function hostileBody() {
  return [
    {
      _type: 'block',
      _key: 'links',
      style: 'normal',
      markDefs: [
        ...HOSTILE_URLS.map((href, index) => ({_type: 'link', _key: `bad${index}`, href})),
        {_type: 'link', _key: 'good', href: 'https://example.org/safe'},
        {_type: 'link', _key: 'local', href: '/latest/'},
      ],
      children: [
        ...HOSTILE_URLS.map((_, index) => span(`unsafe link ${index} ${SCRIPT} `, [`bad${index}`])),
        span('a safe link', ['good']),
        span(' and '),
        span('a site link', ['local']),
      ],
    },
    {
      _type: 'block',
      _key: 'marks',
      style: 'blink',
      markDefs: [],
      children: [
        span(`unknown mark ${IMG}`, ['sparkle', 'constructor']),
        span(` controls:${CONTROLS}:end`),
      ],
    },
    {_type: 'table', _key: 'table', rows: [{cells: [SCRIPT]}], html: SCRIPT},
    {
      _type: 'block',
      _key: 'proto',
      style: '__proto__',
      markDefs: [],
      children: [span('proto style')],
    },
  ]
}

async function writeHostileDataset(): Promise<string> {
  const docs: Doc[] = await readBundledDocuments()
  const byId = (id: string) => docs.find((doc) => doc._id === id)!
  const article = byId(ARTICLE_ID)
  Object.assign(article, {
    title: `Hostile title ${SCRIPT}${CONTROLS}`,
    excerpt: `Hostile excerpt ${IMG} "quoted" & 'single' ${CONTROLS}`,
    heroImage: {
      ...(article.heroImage as object),
      alt: `Hostile alt "><script>alert(1)</script>${CONTROLS}`,
      caption: `Hostile caption ${SCRIPT}`,
    },
    body: [
      ...hostileBody(),
      {
        _type: 'accessibleImage',
        _key: 'img',
        asset: (article.heroImage as {asset: unknown}).asset,
        alt: `inline alt ${SCRIPT}`,
        caption: `inline caption ${IMG}`,
      },
    ],
  })
  const vienna = byId('city-vienna')
  Object.assign(vienna, {
    summary: hostileBody(),
    socialEmbed: {
      ...(vienna.socialEmbed as object),
      url: 'javascript:alert("embed")',
      text: SCRIPT,
    },
    links: [
      ...HOSTILE_URLS.map((url, index) => ({
        _type: 'externalLink',
        _key: `l${index}`,
        title: `city link ${index} ${SCRIPT}`,
        url,
      })),
      {_type: 'externalLink', _key: 'ok', title: 'City hall', url: 'https://www.wien.gv.at/'},
    ],
  })
  const amsterdam = byId('city-amsterdam')
  Object.assign(amsterdam, {
    socialEmbed: {
      ...(amsterdam.socialEmbed as object),
      text: `embed text ${SCRIPT}`,
      authorName: IMG,
    },
  })
  const settings = byId('siteSettings')
  Object.assign(settings, {
    tagline: `Tagline ${SCRIPT}`,
    socialProfiles: (settings.socialProfiles as Array<Record<string, unknown>>).map(
      (profile, index) => ({
        ...profile,
        handle: `${profile.handle as string} ${IMG}`,
        url:
          index === 0
            ? 'javascript:alert("profile")'
            : index === 1
              ? 'data:text/html,x'
              : profile.url,
      }),
    ),
    subscribe: {
      ...(settings.subscribe as object),
      url: 'vbscript:msgbox("subscribe")',
      label: `Subscribe ${SCRIPT}`,
    },
  })
  // A 1 MB body: a thousand paragraphs of a kilobyte.
  const paragraph = 'A long article, with <b>markup</b> & entities &amp; to escape. '.repeat(16)
  docs.push({
    ...article,
    _id: 'article-a-very-long-article',
    title: 'A very long article',
    slug: {_type: 'slug', current: 'a-very-long-article'},
    body: Array.from({length: Math.ceil(1_048_576 / paragraph.length)}, (_, index) => ({
      _type: 'block',
      _key: `p${index}`,
      style: 'normal',
      markDefs: [],
      children: [{_type: 'span', _key: `s${index}`, text: paragraph, marks: []}],
    })),
  })
  return writeTempDataset(toNdjson(docs))
}

let site: BuildResult
let pages: string[]

beforeAll(async () => {
  site = await buildSite({
    DATASET_FILE: await writeHostileDataset(),
    SANITY_API_READ_TOKEN: CANARY_TOKEN,
  })
  expect(site.ok, site.output).toBe(true)
  pages = await htmlFiles(site.outDir)
}, 300_000)

const page = (path: string) => loadPage(site.outDir, path)
/** Lone surrogates may reach the renderers as U+FFFD (a legal character): left out of comparisons. */
const visible = (text: string | undefined) => text?.replace(/\ufffd/g, '')
const allPages = async () =>
  Promise.all(
    pages.map(async (file) => ({file, $: load(await readFile(join(site.outDir, file), 'utf8'))})),
  )

describe('a hostile dataset builds into a safe site', () => {
  test('no page has a script element other than JSON-LD data (but search, with its own module)', async () => {
    for (const {file, $} of await allPages()) {
      const scripts = $('script')
        .map((_, element) => `${$(element).attr('type')} ${$(element).attr('src') ?? ''}`)
        .get()
        .filter((script) => script !== 'application/ld+json ')
      if (file === 'search/index.html')
        expect(scripts, file).toEqual([expect.stringMatching(/^module \/_astro\/[\w.-]+\.js$/)])
      else expect(scripts, file).toEqual([])
      expect($('iframe, object, embed, base').length, file).toBe(0)
      // The only forms: the site's search box, a GET to its own search page.
      $('form').each((_, form) => {
        expect([$(form).attr('action'), $(form).attr('method')], file).toEqual(['/search/', 'get'])
      })
    }
  })

  test('no page has an event-handler attribute or a javascript:, data: or vbscript: URL', async () => {
    for (const {file, $} of await allPages()) {
      $('*').each((_, element) => {
        if (!('attribs' in element)) return
        for (const [name, value] of Object.entries(element.attribs)) {
          expect(name, `${file}: <${element.tagName} ${name}>`).not.toMatch(/^on/i)
          if (['href', 'src', 'srcset', 'cite', 'action', 'content'].includes(name))
            for (const candidate of value.split(','))
              expect(isHostileUrl(candidate.trim()), `${file}: ${name}="${value}"`).toBe(false)
        }
      })
    }
  })

  test('no built file holds the raw markup, a hostile URL or a forbidden character', async () => {
    for (const file of (await listFiles(site.outDir)).filter((name) =>
      /\.(html|xml|txt)$/.test(name),
    )) {
      const text = await readFile(join(site.outDir, file), 'utf8')
      // Inside a quoted attribute value (where Astro escapes quotes and &) markup is inert.
      const outsideAttributes = text.replace(/="[^"]*"/g, '=""')
      expect(outsideAttributes.includes(SCRIPT), file).toBe(false)
      expect(outsideAttributes.includes(IMG), file).toBe(false)
      expect(normalizeScheme(text)).not.toMatch(/(?:href|src)="(?:javascript|vbscript|data):/)
      expect(forbiddenCharsIn(text), `${file} has a forbidden character`).toEqual([])
    }
  })

  test('the search index holds the markup escaped, as Pagefind holds the text of HTML pages', async () => {
    const fragments = (await listFiles(site.outDir)).filter((file) =>
      file.startsWith('pagefind/fragment/'),
    )
    const texts = await Promise.all(
      fragments.map(async (file) => gunzipSync(await readFile(join(site.outDir, file))).toString()),
    )
    const hostile = texts.filter((text) => text.includes('Hostile title'))
    expect(hostile.length).toBeGreaterThan(0)
    for (const text of texts) {
      expect(text.includes(SCRIPT)).toBe(false)
      expect(text.includes(IMG)).toBe(false)
    }
    expect(hostile.join('')).toContain('&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;')
  })

  test('titles, excerpts, alt text and captions show the markup as text', async () => {
    const $ = await page(ARTICLE_PATH)
    expect(visible($('h1').text())).toBe(`Hostile title ${SCRIPT}`)
    expect($('title').text()).toContain(`Hostile title ${SCRIPT}`)
    expect(visible($('meta[name="description"]').attr('content'))).toBe(
      `Hostile excerpt ${IMG} "quoted" & 'single' `,
    )
    expect(visible($('img').first().attr('alt'))).toBe('Hostile alt "><script>alert(1)</script>')
    expect($('figcaption').first().text()).toContain(`Hostile caption ${SCRIPT}`)
    expect($('main').text()).toContain(`inline caption ${IMG}`)
    expect($('main img[alt^="inline alt"]').attr('alt')).toBe(`inline alt ${SCRIPT}`)
    const jsonLd = $('script[type="application/ld+json"]')
      .map((_, element) => $(element).html())
      .get()
    expect(jsonLd.join('')).not.toContain('</script')
    expect(jsonLd.map((text) => JSON.parse(text) as unknown)).toContainEqual(
      expect.objectContaining({headline: expect.stringContaining(`Hostile title ${SCRIPT}`)}),
    )
  })

  test('Portable Text: unsafe links lose their href and keep their text; safe links stay', async () => {
    for (const path of [ARTICLE_PATH, '/cities/vienna/']) {
      const $ = await page(path)
      const body = $('main')
      for (const index of HOSTILE_URLS.keys()) {
        expect(body.text(), path).toContain(`unsafe link ${index} ${SCRIPT}`)
        const linked = body
          .find('a')
          .filter((_, a) => $(a).text().startsWith(`unsafe link ${index} `))
        expect(linked.length, `${path} link ${index}`).toBe(0)
      }
      expect(body.find('a[href="https://example.org/safe"]').attr('rel')).toBe(
        'noopener noreferrer',
      )
      expect(body.find('a[href="/latest/"]').text()).toBe('a site link')
    }
  })

  test('unknown block types are dropped; unknown marks and styles keep their text', async () => {
    const $ = await page(ARTICLE_PATH)
    expect($('main').text()).toContain(`unknown mark ${IMG}`)
    expect($('main').text()).toContain('proto style')
    expect($('main').text()).not.toContain('rows')
    expect($('main').text()).not.toContain('[object Object]')
    expect(visible($('main').text())).toContain(' controls::end')
  })

  test('city links, social embeds and the settings links: unsafe URLs leave plain text', async () => {
    const $ = await page('/cities/vienna/')
    const elsewhere = $('#links-heading').parent()
    expect(elsewhere.find('li').length).toBe(HOSTILE_URLS.length + 1)
    expect(
      elsewhere
        .find('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['https://www.wien.gv.at/'])
    expect(elsewhere.find('a').attr('rel')).toBe('noopener noreferrer')
    expect(elsewhere.text()).toContain(`city link 0 ${SCRIPT}`)
    // An embed whose post URL is unsafe is not shown at all.
    expect($('.social-card').length).toBe(0)
    const amsterdam = await page('/cities/amsterdam/')
    expect(amsterdam('.social-card blockquote').text()).toBe(`embed text ${SCRIPT}`)
    expect(amsterdam('.social-card figcaption').text()).toContain(IMG)

    const footer = $('footer')
    expect(footer.find('.social li').length).toBe(3)
    expect(
      footer
        .find('.social a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['https://www.linkedin.com/company/marketscale'])
    expect(footer.find('.social li').first().text()).toContain(`X (Twitter): @IOTMKSL ${IMG}`)
    expect(footer.find('.subscribe a').length).toBe(0)
    expect(footer.find('.subscribe').text()).toContain(`Subscribe ${SCRIPT}`)
    expect(footer.find('.tagline').text()).toBe(`Tagline ${SCRIPT}`)
  })

  test('a 1 MB body is built in full', async () => {
    const html = await readFile(join(site.outDir, BIG_ARTICLE_PATH, 'index.html'), 'utf8')
    expect(html.length).toBeGreaterThan(1_048_576)
    const $ = load(html)
    expect($('main p').length).toBeGreaterThan(1000)
    expect($('main b').length).toBe(0)
  })

  test('every external link on every page has rel="noopener noreferrer"', async () => {
    for (const {file, $} of await allPages()) {
      $('a[href^="http"]').each((_, a) => {
        const rel = ($(a).attr('rel') ?? '').split(/\s+/)
        expect(rel, `${file}: ${$(a).attr('href')}`).toEqual(
          expect.arrayContaining(['noopener', 'noreferrer']),
        )
      })
    }
  })

  test('the RSS feeds are well-formed XML with the markup as text', async () => {
    const feeds = (await listFiles(site.outDir)).filter((file) => file.endsWith('rss.xml'))
    expect(feeds.length).toBeGreaterThan(1)
    for (const file of feeds) {
      const xml = await readFile(join(site.outDir, file), 'utf8')
      expect(XMLValidator.validate(xml), file).toBe(true)
      parseRssFeed(xml)
    }
    const feed = parseRssFeed(await readFile(join(site.outDir, 'rss.xml'), 'utf8'))
    const item = feed.items!.find((entry) => entry.title?.startsWith('Hostile title'))!
    expect(visible(item.title)).toBe(`Hostile title ${SCRIPT}`)
    const $: CheerioAPI = load(item.content!.encoded!, null, false)
    expect($('script').length).toBe(0)
    expect(
      $('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['https://example.org/safe', 'https://smartcities.example/latest/'])
    expect($.root().text()).toContain(`unsafe link 0 ${SCRIPT}`)
    // The hero comes first, its hostile alt text an attribute value and nothing more.
    const hero = $.root().children().first()
    expect(hero.is('figure')).toBe(true)
    expect(visible(hero.children('img').attr('alt'))).toBe(
      'Hostile alt "><script>alert(1)</script>',
    )
  })

  test('the JSON Feeds parse, with the markup as text and the same safe HTML as RSS', async () => {
    const feeds = (await listFiles(site.outDir)).filter((file) => file.endsWith('feed.json'))
    expect(feeds.length).toBeGreaterThan(1)
    for (const file of feeds) {
      const text = await readFile(join(site.outDir, file), 'utf8')
      expect(forbiddenCharsIn(text), file).toEqual([])
      JSON.parse(text)
      parseJsonFeed(text)
    }
    const rss = parseRssFeed(await readFile(join(site.outDir, 'rss.xml'), 'utf8'))
    const json = parseJsonFeed(await readFile(join(site.outDir, 'feed.json'), 'utf8'))
    const item = json.items!.find((entry) => entry.title?.startsWith('Hostile title'))!
    expect(visible(item.title)).toBe(`Hostile title ${SCRIPT}`)
    expect(visible(item.summary)).toBe(`Hostile excerpt ${IMG} "quoted" & 'single' `)
    const twin = rss.items!.find((entry) => entry.guid?.value === item.id)!
    // The same HTML (XML readers, as HTML parsers do, read CR and CRLF as LF).
    expect(item.content_html!.replace(/\r\n?/g, '\n')).toBe(twin.content!.encoded)
    const $: CheerioAPI = load(item.content_html!, null, false)
    expect($('script').length).toBe(0)
    expect($('[onerror]').length).toBe(0)
  })

  test('the hostile pages pass the Nu HTML Checker', async () => {
    const files = [
      ARTICLE_PATH,
      '/cities/vienna/',
      '/cities/amsterdam/',
      '/',
      '/latest/',
      BIG_ARTICLE_PATH,
    ].map((path) => join(site.outDir, path, 'index.html'))
    const result = await run(
      'java',
      ['-jar', vnuJar, '--format', 'json', '--errors-only', ...files],
      {
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((error: {stdout: string; stderr: string}) => error)
    const report = JSON.parse(result.stderr) as {
      messages: Array<{type: string; url: string; message: string}>
    }
    expect(report.messages.map((message) => `${message.url}: ${message.message}`)).toEqual([])
  }, 240_000)

  test('never contains the API token, in any file', async () => {
    for (const file of await listFiles(site.outDir)) {
      const bytes = await readFile(join(site.outDir, file))
      expect(bytes.includes(CANARY_TOKEN), file).toBe(false)
      expect(bytes.includes(Buffer.from(CANARY_TOKEN).toString('base64')), file).toBe(false)
    }
  })
})

describe('the hostile pages in a browser', () => {
  let browser: Browser
  afterAll(() => browser?.close())

  test('run no script, open no dialog and break no Content-Security-Policy rule', async () => {
    browser = await launchChromium()
    const server = await startStaticServer(site.outDir)
    try {
      const context = await browser.newContext()
      const dialogs: string[] = []
      const violations: string[] = []
      for (const path of [ARTICLE_PATH, '/cities/vienna/', '/cities/amsterdam/', '/']) {
        const browserPage = await context.newPage()
        browserPage.on('dialog', (dialog) => {
          dialogs.push(`${path}: ${dialog.message()}`)
          void dialog.dismiss()
        })
        browserPage.on('console', (message) => {
          if (/Content.Security.Policy|Refused to/i.test(message.text()))
            violations.push(`${path}: ${message.text()}`)
        })
        await browserPage.addInitScript(() => {
          document.addEventListener('securitypolicyviolation', (event) => {
            ;(window as unknown as {violations: string[]}).violations ??= []
            ;(window as unknown as {violations: string[]}).violations.push(
              `${event.violatedDirective} ${event.blockedURI}`,
            )
          })
        })
        await browserPage.goto(`${server.url}${path}`, {waitUntil: 'load'})
        // Hovering and clicking what is left must not run anything either.
        for (const link of await browserPage.locator('main a').all()) await link.hover()
        violations.push(
          ...(
            await browserPage.evaluate(
              () => (window as unknown as {violations?: string[]}).violations ?? [],
            )
          ).map((violation) => `${path}: ${violation}`),
        )
        await browserPage.close()
      }
      expect(dialogs).toEqual([])
      expect(violations).toEqual([])
    } finally {
      await server.close()
    }
  }, 120_000)

  test('search finds the hostile article and shows its markup as text, running nothing', async () => {
    browser ??= await launchChromium()
    const server = await startStaticServer(site.outDir)
    try {
      const context = await browser.newContext()
      const browserPage = await context.newPage()
      const dialogs: string[] = []
      browserPage.on('dialog', (dialog) => {
        dialogs.push(dialog.message())
        void dialog.dismiss()
      })
      await browserPage.addInitScript(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          ;(window as unknown as {violations: string[]}).violations ??= []
          ;(window as unknown as {violations: string[]}).violations.push(
            `${event.violatedDirective} ${event.blockedURI}`,
          )
        })
      })
      // "xss" is in the title only as markup; "onerror" only in the excerpt's markup.
      for (const term of ['hostile', 'xss', 'onerror']) {
        await browserPage.goto(`${server.url}/search/?q=${term}`)
        await browserPage.locator('.result-link').first().waitFor()
        const found = await browserPage.evaluate(() => {
          const item = [...document.querySelectorAll('.result')].find(
            (result) =>
              result.querySelector('.result-link')?.getAttribute('href') ===
              '/articles/craftsmanship-and-the-soul-of-cities-with-mike-ablon/',
          )
          return {
            title: item?.querySelector('.result-link')?.textContent,
            excerpt: item?.querySelector('.result-excerpt')?.textContent,
            // Only text and <mark> inside an excerpt; no element came from content.
            excerptTags: [...(item?.querySelectorAll('.result-excerpt *') ?? [])].map(
              (element) => element.tagName,
            ),
            injected: document.querySelectorAll('.result-list script, .result-list img[src="x"]')
              .length,
            violations: (window as unknown as {violations?: string[]}).violations ?? [],
          }
        })
        expect(visible(found.title ?? undefined), term).toBe(`Hostile title ${SCRIPT}`)
        expect(
          found.excerptTags.every((tag) => tag === 'MARK'),
          term,
        ).toBe(true)
        expect(found.injected, term).toBe(0)
        expect(found.violations, term).toEqual([])
        if (term === 'onerror') expect(found.excerpt).toContain(IMG)
      }
      expect(dialogs).toEqual([])
    } finally {
      await server.close()
    }
  }, 120_000)
})
