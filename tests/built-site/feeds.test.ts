/**
 * Feeds as feed readers get them: parsed by a real feed parser (feedsmith), and
 * well-formed XML by a strict validator.
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {load} from 'cheerio'
import {XMLValidator} from 'fast-xml-parser'
import {parseRssFeed} from 'feedsmith'
import {describe, expect, inject, test} from 'vitest'

import {htmlFiles, listFiles} from '../support/built-site'
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
})

describe.each(builds)('every page of the %s site', (name, root, documentsOf) => {
  test('every page links its feeds; category and article pages also link their category feed', async () => {
    const {settings, categories, articles} = published(await documentsOf())
    const categoryById = new Map(categories.map((category) => [category._id, category]))
    const categoryBySlug = new Map(categories.map((category) => [slugOf(category), category]))
    const articleBySlug = new Map(articles.map((article) => [slugOf(article), article]))
    const feedOf = (category: Doc) => ({
      title: `${String(settings.title)}: ${String(category.title)}`,
      href: `${SITE}/categories/${slugOf(category)}/rss.xml`,
    })
    const byHref = (a: {href?: string}, b: {href?: string}) =>
      String(a.href).localeCompare(String(b.href))

    const checked = {categoryPages: [] as string[], articlePages: [] as string[]}
    for (const file of await htmlFiles(root)) {
      const $ = load(await readFile(join(root, file), 'utf8'))
      const links = $('link[rel="alternate"][type="application/rss+xml"]')
        .map((_, link) => ({title: $(link).attr('title'), href: $(link).attr('href')}))
        .get()
      const expected = [{title: `${String(settings.title)}: everything`, href: `${SITE}/rss.xml`}]
      const categoryPage = /^categories\/([^/]+)\/(?:\d+\/)?index\.html$/.exec(file)
      const articlePage = /^articles\/([^/]+)\/index\.html$/.exec(file)
      if (categoryPage) {
        const category = categoryBySlug.get(categoryPage[1]!)
        expect(category, `${file}: no such category in the dataset`).toBeDefined()
        expected.push(feedOf(category!))
        checked.categoryPages.push(file)
      } else if (articlePage) {
        // The article's category, from the documents: slug → article → category reference.
        const article = articleBySlug.get(articlePage[1]!)
        expect(article, `${file}: no such article in the dataset`).toBeDefined()
        const category = categoryById.get(refOf(article!.category)!)
        expect(category, `${file}: its category is not in the dataset`).toBeDefined()
        expected.push(feedOf(category!))
        checked.articlePages.push(file)
      }
      expect(links.sort(byHref), file).toEqual(expected.sort(byHref))
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
