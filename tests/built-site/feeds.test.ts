/**
 * Feeds as feed readers get them: parsed by a real feed parser (feedsmith), RSS
 * well-formed XML by a strict validator, JSON Feed checked against the JSON Feed
 * 1.1 specification as written out here; each JSON Feed holds its RSS feed's items.
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {load} from 'cheerio'
import {XMLValidator} from 'fast-xml-parser'
import {parseJsonFeed, parseRssFeed} from 'feedsmith'
import {describe, expect, inject, test} from 'vitest'

import {listFiles, pageFiles} from '../support/built-site'
import {readBundledDocuments, type Doc} from '../support/dataset-files'
import {pagedDocuments} from '../support/fixtures'
import {SEED_LATEST_TITLES} from '../support/seed'

const bundled = inject('bundledSite')
const paged = inject('pagedSite')
const SITE = 'https://smartcities.example'
/** Feeds carry the newest 50 items (README, "The reader's site"). */
const FEED_ITEM_LIMIT = 50
// RFC 822 as RSS 2.0 uses it: "Mon, 02 Feb 2026 15:00:00 GMT".
const RFC_822 =
  /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/

async function readFeed(root: string, path: string) {
  const xml = await readFile(join(root, path), 'utf8')
  const validation = XMLValidator.validate(xml)
  expect(validation, `${path} is not well-formed XML`).toBe(true)
  return {xml, feed: parseRssFeed(xml)}
}

/** An RSS feed's JSON Feed twin: categories/x/rss.xml → categories/x/feed.json. */
const jsonFeedPath = (rssPath: string) => rssPath.replace(/rss\.xml$/, 'feed.json')

// RFC 3339 (section 5.6): "2026-02-02T15:00:00Z", "2026-02-02T10:00:00.5-08:00".
const RFC_3339 =
  /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:([0-5]\d|60)(\.\d+)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/i

/** The members JSON Feed 1.1 defines; others must start with "_" (extensions). */
const JSON_FEED_MEMBERS = new Set([
  'version',
  'title',
  'home_page_url',
  'feed_url',
  'description',
  'user_comment',
  'next_url',
  'icon',
  'favicon',
  'authors',
  'author',
  'language',
  'expired',
  'hubs',
  'items',
])
const JSON_FEED_ITEM_MEMBERS = new Set([
  'id',
  'url',
  'external_url',
  'title',
  'content_html',
  'content_text',
  'summary',
  'image',
  'banner_image',
  'date_published',
  'date_modified',
  'authors',
  'author',
  'tags',
  'language',
  'attachments',
])

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

function expectAbsoluteUrl(value: unknown, where: string): void {
  expect(typeof value, where).toBe('string')
  expect(() => new URL(value as string), `${where}: ${String(value)}`).not.toThrow()
  expect(new URL(value as string).protocol, where).toMatch(/^https?:$/)
}

function expectAuthors(value: unknown, where: string): void {
  expect(Array.isArray(value), `${where}: authors is an array`).toBe(true)
  for (const author of value as unknown[]) {
    expect(isObject(author), where).toBe(true)
    const {name, url, avatar} = author as Json
    // "at least one [of name, url, avatar] must be present"
    expect(
      [name, url, avatar].some((member) => typeof member === 'string' && member),
      where,
    ).toBe(true)
    if (url !== undefined) expectAbsoluteUrl(url, `${where}: author url`)
    if (avatar !== undefined) expectAbsoluteUrl(avatar, `${where}: author avatar`)
  }
}

/**
 * A JSON Feed 1.1 document as https://www.jsonfeed.org/version/1.1/ describes it,
 * checked member by member here (npm has no maintained JSON Feed validator): the
 * required version, title and items; every item with an id and content_html or
 * content_text; URLs absolute; dates RFC 3339; nothing the specification does not
 * define unless it is an extension ("_…").
 */
function expectValidJsonFeed(feed: unknown, where: string): asserts feed is Json {
  expect(isObject(feed), `${where}: a JSON object`).toBe(true)
  const document = feed as Json
  for (const key of Object.keys(document))
    expect(JSON_FEED_MEMBERS.has(key) || key.startsWith('_'), `${where}: member ${key}`).toBe(true)
  expect(document.version, where).toBe('https://jsonfeed.org/version/1.1')
  expect(typeof document.title === 'string' && document.title.trim() !== '', where).toBe(true)
  for (const key of ['home_page_url', 'feed_url', 'next_url', 'icon', 'favicon'])
    if (document[key] !== undefined) expectAbsoluteUrl(document[key], `${where}: ${key}`)
  for (const key of ['description', 'user_comment', 'language'])
    if (document[key] !== undefined) expect(typeof document[key], `${where}: ${key}`).toBe('string')
  if (document.authors !== undefined) expectAuthors(document.authors, where)
  expect(Array.isArray(document.items), `${where}: items is an array`).toBe(true)
  for (const item of document.items as unknown[]) {
    expect(isObject(item), `${where}: an item is an object`).toBe(true)
    const entry = item as Json
    const at = `${where}: item ${String(entry.id)}`
    for (const key of Object.keys(entry))
      expect(JSON_FEED_ITEM_MEMBERS.has(key) || key.startsWith('_'), `${at}: member ${key}`).toBe(
        true,
      )
    expect(typeof entry.id === 'string' && entry.id !== '', at).toBe(true)
    expect(
      typeof entry.content_html === 'string' || typeof entry.content_text === 'string',
      `${at}: content_html or content_text`,
    ).toBe(true)
    for (const key of ['url', 'external_url', 'image', 'banner_image'])
      if (entry[key] !== undefined) expectAbsoluteUrl(entry[key], `${at}: ${key}`)
    for (const key of ['title', 'content_html', 'content_text', 'summary', 'language'])
      if (entry[key] !== undefined) expect(typeof entry[key], `${at}: ${key}`).toBe('string')
    for (const key of ['date_published', 'date_modified']) {
      if (entry[key] === undefined) continue
      expect(entry[key], `${at}: ${key}`).toMatch(RFC_3339)
      expect(Number.isNaN(Date.parse(entry[key] as string)), `${at}: ${key}`).toBe(false)
    }
    if (entry.tags !== undefined) {
      expect(Array.isArray(entry.tags), `${at}: tags`).toBe(true)
      for (const tag of entry.tags as unknown[]) expect(typeof tag, `${at}: tag`).toBe('string')
    }
    if (entry.authors !== undefined) expectAuthors(entry.authors, at)
  }
}

async function readJsonFeed(root: string, path: string) {
  const text = await readFile(join(root, path), 'utf8')
  const document: unknown = JSON.parse(text)
  expectValidJsonFeed(document, path)
  return {document, items: document.items as Json[], feed: parseJsonFeed(text)}
}

/** HTML with its line breaks as an HTML (or XML) parser reads them: CR and CRLF are LF. */
const lineBreaks = (html: string | undefined) => html?.replace(/\r\n?/g, '\n')

/** The built file a site URL points at, if any. */
async function pageExists(root: string, url: string, files: Set<string>): Promise<boolean> {
  const path = new URL(url).pathname.replace(/^\//, '')
  return files.has(path.endsWith('/') || path === '' ? `${path}index.html` : path)
}

const feedPaths = async (root: string) =>
  (await listFiles(root)).filter((file) => file.endsWith('rss.xml')).sort()

/**
 * What a build's raw dataset documents say, worked out here from the documents
 * themselves (ids, references, slugs and dates), not by the site's queries: the
 * published documents (no drafts.* or versions.*) and, for articles, only those
 * already dated (a future-dated article is held back).
 */
function published(docs: Doc[]) {
  const now = Date.now()
  const live = docs.filter(
    (doc) => !doc._id.startsWith('drafts.') && !doc._id.startsWith('versions.'),
  )
  const ofType = (type: string) => live.filter((doc) => doc._type === type)
  return {
    settings: live.find((doc) => doc._id === 'siteSettings')!,
    categories: ofType('category'),
    articles: ofType('article').filter((doc) => Date.parse(String(doc.publishedAt)) <= now),
    listicles: ofType('listicle'),
    assets: new Map(ofType('sanity.imageAsset').map((doc) => [doc._id, doc])),
  }
}
const slugOf = (doc: Doc) => (doc.slug as {current: string}).current
const refOf = (value: unknown) => (value as {_ref?: string} | undefined)?._ref

/**
 * A hero as the dataset gives it: its alt text, and its original file as the site
 * serves it (/images/<asset id>-<width>x<height>.<extension>), with its dimensions.
 */
function heroOf(doc: Doc, assets: Map<string, Doc>) {
  const hero = doc.heroImage as {alt: string; asset: {_ref: string}}
  const asset = assets.get(hero.asset._ref)!
  const {width, height} = (asset.metadata as {dimensions: {width: number; height: number}})
    .dimensions
  return {
    alt: hero.alt,
    url: `${SITE}/images/${String(asset.assetId)}-${width}x${height}.${String(asset.extension)}`,
    width,
    height,
  }
}

const hiddenFromSearch = (doc: Doc) =>
  (doc.seo as {noIndex?: boolean} | undefined)?.noIndex === true

/** A category feed's item links, as the documents say: newest first, at most 50, none hidden from search. */
function expectedCategoryFeedLinks(docs: Doc[], categoryId: string): string[] {
  const {articles, listicles} = published(docs)
  const items = [
    ...articles
      .filter((article) => refOf(article.category) === categoryId && !hiddenFromSearch(article))
      .map((article) => ({doc: article, link: `${SITE}/articles/${slugOf(article)}/`})),
    ...listicles
      .filter(
        (listicle) =>
          !hiddenFromSearch(listicle) &&
          ((listicle.categories ?? []) as unknown[]).some((ref) => refOf(ref) === categoryId),
      )
      .map((listicle) => ({doc: listicle, link: `${SITE}/lists/${slugOf(listicle)}/`})),
  ]
  return items
    .sort((a, b) => Date.parse(String(b.doc.publishedAt)) - Date.parse(String(a.doc.publishedAt)))
    .slice(0, FEED_ITEM_LIMIT)
    .map((item) => item.link)
}

const builds = [
  ['bundled', bundled, readBundledDocuments],
  ['paged', paged, pagedDocuments],
] as const

describe('the site feed /rss.xml', () => {
  test('lists every article and listicle, newest first, with RFC 822 dates', async () => {
    const {feed} = await readFeed(bundled, 'rss.xml')
    expect(feed.items?.map((item) => item.title)).toEqual([
      ...SEED_LATEST_TITLES,
      'The Top Smart Cities in the World',
    ])
    const dates = feed.items!.map((item) => item.pubDate!)
    for (const date of dates) expect(date).toMatch(RFC_822)
    const times = dates.map((date) => Date.parse(date))
    expect([...times].sort((a, b) => b - a)).toEqual(times)
  })

  test('declares itself with atom:link rel="self", and its channel links to the site', async () => {
    const {feed} = await readFeed(bundled, 'rss.xml')
    expect(feed.atom?.links).toContainEqual(
      expect.objectContaining({href: `${SITE}/rss.xml`, rel: 'self'}),
    )
    expect(feed.link).toBe(`${SITE}/`)
  })

  test('items carry full HTML with absolute URLs, categories, an author and the hero image', async () => {
    const {feed} = await readFeed(bundled, 'rss.xml')
    for (const item of feed.items!) {
      const html = item.content?.encoded ?? ''
      expect(html.length, item.title).toBeGreaterThan(100)
      expect(html, item.title).not.toMatch(/(href|src)="\/(?!\/)/)
      expect(item.categories?.length, item.title).toBeGreaterThan(0)
      expect(item.dc?.creators, item.title).toEqual(['IoT Desk'])
      const [enclosure] = item.enclosures ?? []
      expect(enclosure?.url, item.title).toMatch(new RegExp(`^${SITE}/images/`))
      expect(enclosure?.length, item.title).toBeGreaterThan(0)
      expect(enclosure?.type, item.title).toBe('image/png')
      expect(item.media?.contents?.[0]).toMatchObject({width: 1600, height: 900, medium: 'image'})
    }
    const listicle = feed.items!.at(-1)!
    expect(listicle.content?.encoded).toContain(`<a href="${SITE}/cities/vienna/">Vienna</a>`)
    const first = feed.items![0]!
    expect(first.content?.encoded).toContain(
      'href="https://population.un.org/wup/" rel="noopener noreferrer"',
    )
  })
})

describe.each(builds)('every feed of the %s site', (_name, root, documentsOf) => {
  test('parses, has unique guids, and every item and enclosure links to a file that exists', async () => {
    const files = new Set(await listFiles(root))
    const guids = new Set<string>()
    const paths = await feedPaths(root)
    expect(paths.length).toBeGreaterThan(10)
    for (const path of paths) {
      const {feed} = await readFeed(root, path)
      expect(feed.title, path).toBeTruthy()
      for (const item of feed.items ?? []) {
        expect(await pageExists(root, item.link!, files), `${path}: ${item.link}`).toBe(true)
        for (const enclosure of item.enclosures ?? []) {
          expect(
            await pageExists(root, enclosure.url ?? '', files),
            `${path}: ${enclosure.url}`,
          ).toBe(true)
        }
        expect(item.pubDate, path).toMatch(RFC_822)
        if (path === 'rss.xml') {
          const guid = item.guid?.value ?? ''
          expect(guids.has(guid), `duplicate guid ${guid}`).toBe(false)
          guids.add(guid)
        }
      }
    }
  })

  test('a category feed holds exactly that category’s articles', async () => {
    const docs = await documentsOf()
    const {categories} = published(docs)
    const paths = (await feedPaths(root)).filter((path) => path.startsWith('categories/'))
    expect(paths).toEqual(
      categories.map((category) => `categories/${slugOf(category)}/rss.xml`).sort(),
    )
    let items = 0
    for (const category of categories) {
      const path = `categories/${slugOf(category)}/rss.xml`
      const {feed} = await readFeed(root, path)
      const expected = expectedCategoryFeedLinks(docs, category._id)
      // Every item, in order: none missing, none extra, none from another category.
      expect(feed.items?.map((item) => item.link) ?? [], path).toEqual(expected)
      for (const item of feed.items ?? [])
        expect(
          item.categories?.map((named) => named.name),
          `${path}: ${item.link}`,
        ).toContain(category.title)
      expect(feed.atom?.links?.[0]?.href, path).toBe(`${SITE}/${path}`)
      items += expected.length
    }
    // Not vacuous: the categories hold the four seed articles and the ranked list (twice).
    expect(items).toBeGreaterThanOrEqual(6)
  })

  test('a channel shows the featured list’s hero and, as lastBuildDate, its newest item’s date', async () => {
    const {settings, listicles, assets} = published(await documentsOf())
    const featured = listicles.find(
      (listicle) => listicle._id === refOf(settings.featuredListicle),
    )!
    const image = heroOf(featured, assets).url
    let dated = 0
    for (const path of await feedPaths(root)) {
      const {feed} = await readFeed(root, path)
      expect(feed.image, path).toEqual({url: image, title: feed.title, link: `${SITE}/`})
      const dates = (feed.items ?? []).map((item) => item.pubDate!)
      if (dates.length === 0) {
        expect(feed.lastBuildDate, path).toBeUndefined()
        continue
      }
      expect(feed.lastBuildDate, path).toMatch(RFC_822)
      expect(feed.lastBuildDate, path).toBe(dates[0])
      expect(Date.parse(feed.lastBuildDate!), path).toBe(Math.max(...dates.map(Date.parse)))
      dated += 1
    }
    // The site feed and the categories with items (four seed categories and the list's two).
    expect(dated).toBeGreaterThanOrEqual(5)
  })

  test('an item’s HTML starts with its hero: the enclosure’s file, with the alt text the dataset gives', async () => {
    const {articles, listicles, assets} = published(await documentsOf())
    const documentAt = new Map<string, Doc>([
      ...articles.map((doc) => [`${SITE}/articles/${slugOf(doc)}/`, doc] as const),
      ...listicles.map((doc) => [`${SITE}/lists/${slugOf(doc)}/`, doc] as const),
    ])
    let checked = 0
    for (const path of await feedPaths(root)) {
      const {feed} = await readFeed(root, path)
      for (const item of feed.items ?? []) {
        const where = `${path}: ${item.link}`
        const hero = heroOf(documentAt.get(item.link!)!, assets)
        const html = item.content?.encoded ?? ''
        expect(html.startsWith('<figure><img '), where).toBe(true)
        const $ = load(html, null, false)
        const figure = $.root().children().first()
        expect(figure.is('figure'), where).toBe(true)
        const img = figure.children('img')
        expect(img.attr('src'), where).toBe(item.enclosures?.[0]?.url)
        expect(img.attr('src'), where).toBe(hero.url)
        expect(img.attr('alt'), where).toBe(hero.alt)
        expect([img.attr('width'), img.attr('height')], where).toEqual([
          String(hero.width),
          String(hero.height),
        ])
        checked += 1
      }
    }
    expect(checked).toBeGreaterThanOrEqual(10)
  })

  test('every JSON Feed is JSON Feed 1.1 and holds its RSS feed’s items, in the same order', async () => {
    const files = await listFiles(root)
    const rssPaths = await feedPaths(root)
    // One JSON Feed beside every RSS feed, and none without one.
    expect(files.filter((file) => file.endsWith('feed.json')).sort()).toEqual(
      rssPaths.map(jsonFeedPath),
    )
    let items = 0
    for (const path of rssPaths) {
      const {feed: rss} = await readFeed(root, path)
      const json = await readJsonFeed(root, jsonFeedPath(path))
      const where = jsonFeedPath(path)
      expect(json.document, where).toMatchObject({
        title: rss.title,
        description: rss.description,
        home_page_url: rss.link,
        feed_url: `${SITE}/${where}`,
      })
      const rssItems = rss.items ?? []
      expect(
        json.items.map((item) => item.id),
        where,
      ).toEqual(rssItems.map((item) => item.guid?.value))
      json.items.forEach((item, index) => {
        const twin = rssItems[index]!
        const at = `${where}: ${String(item.id)}`
        expect(item.url, at).toBe(twin.link)
        expect(item.title, at).toBe(twin.title)
        expect(Date.parse(String(item.date_published)), at).toBe(Date.parse(twin.pubDate!))
        expect(item.summary, at).toBe(twin.description)
        expect(lineBreaks(item.content_html as string), at).toBe(lineBreaks(twin.content?.encoded))
        expect(item.image, at).toBe(twin.enclosures?.[0]?.url)
        expect(item.tags, at).toEqual(twin.categories?.map((category) => category.name))
        expect(item.authors, at).toEqual(twin.dc?.creators?.map((name) => ({name})))
      })
      // A JSON Feed reader reads the same items.
      expect(json.feed.items?.map((item) => item.id) ?? [], where).toEqual(
        json.items.map((item) => item.id),
      )
      items += json.items.length
    }
    expect(items).toBeGreaterThanOrEqual(10)
  })
})

test('guids are stable across rebuilds: the same permalinks in both builds', async () => {
  const guidsOf = async (root: string) =>
    (await readFeed(root, 'rss.xml')).feed.items!.map((item) => item.guid!.value)
  const bundledGuids = await guidsOf(bundled)
  const pagedGuids = await guidsOf(paged)
  expect(pagedGuids).toEqual(expect.arrayContaining(bundledGuids))
})

describe.each(builds)('every page of the %s site', (name, root, documentsOf) => {
  test('every page links the site feeds; category and article pages also their category’s, RSS then JSON Feed', async () => {
    const {settings, categories, articles} = published(await documentsOf())
    const categoryById = new Map(categories.map((category) => [category._id, category]))
    const categoryBySlug = new Map(categories.map((category) => [slugOf(category), category]))
    const articleBySlug = new Map(articles.map((article) => [slugOf(article), article]))
    // Each feed in both formats: RSS, and JSON Feed right after it.
    const site = String(settings.title)
    const formats = (title: string, base: string) => [
      {type: 'application/rss+xml', title, href: `${base}/rss.xml`},
      {type: 'application/feed+json', title, href: `${base}/feed.json`},
    ]
    const feedOf = (category: Doc) =>
      formats(`${site}: ${String(category.title)}`, `${SITE}/categories/${slugOf(category)}`)

    const checked = {categoryPages: [] as string[], articlePages: [] as string[]}
    for (const file of await pageFiles(root)) {
      const $ = load(await readFile(join(root, file), 'utf8'))
      const links = $(
        'link[rel="alternate"][type="application/rss+xml"], link[rel="alternate"][type="application/feed+json"]',
      )
        .map((_, link) => ({
          type: $(link).attr('type'),
          title: $(link).attr('title'),
          href: $(link).attr('href'),
        }))
        .get()
      const expected = formats(`${site}: everything`, SITE)
      const categoryPage = /^categories\/([^/]+)\/(?:\d+\/)?index\.html$/.exec(file)
      const articlePage = /^articles\/([^/]+)\/index\.html$/.exec(file)
      if (categoryPage) {
        const category = categoryBySlug.get(categoryPage[1]!)
        expect(category, `${file}: no such category in the dataset`).toBeDefined()
        expected.push(...feedOf(category!))
        checked.categoryPages.push(file)
      } else if (articlePage) {
        // The article's category, from the documents: slug → article → category reference.
        const article = articleBySlug.get(articlePage[1]!)
        expect(article, `${file}: no such article in the dataset`).toBeDefined()
        const category = categoryById.get(refOf(article!.category)!)
        expect(category, `${file}: its category is not in the dataset`).toBeDefined()
        expected.push(...feedOf(category!))
        checked.articlePages.push(file)
      }
      expect(links, file).toEqual(expected)
    }
    // Every article and category page was among those checked, paginated ones included.
    expect(checked.articlePages).toHaveLength(articles.length)
    expect(checked.categoryPages.length).toBeGreaterThanOrEqual(categories.length)
    if (name === 'paged')
      expect(checked.categoryPages).toEqual(
        expect.arrayContaining([
          'categories/cities/2/index.html',
          'categories/cities/3/index.html',
        ]),
      )
  })
})
