/**
 * What editors set for search engines, and the public origin a host sets, as
 * they reach the built site: one build of the bundled dataset with an SEO title
 * and description on one article, "hide from search engines" on another and on
 * the featured list, and SITE_URL set to an origin other than the settings' one.
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {load} from 'cheerio'
import {parseJsonFeed, parseRssFeed} from 'feedsmith'
import {beforeAll, describe, expect, test} from 'vitest'

import {buildSite, type BuildResult} from '../support/build-site'
import {listFiles, pageFiles} from '../support/built-site'
import {readBundledDocuments, toNdjson, writeTempDataset} from '../support/dataset-files'

const SITE_URL = 'https://news.example.net'
const SETTINGS_URL = 'https://smartcities.example'
const TITLED = 'article-when-client-engagement-becomes-true-partnership'
const HIDDEN = 'article-how-cg-infinity-brings-cross-functional-teams-together'
const FEATURED = 'listicle-top-smart-cities'

let site: BuildResult
const slugs = new Map<string, string>()
const read = (path: string) => readFile(join(site.outDir, path), 'utf8')
const page = async (path: string) => load(await read(join(path, 'index.html')))

beforeAll(async () => {
  const documents = (await readBundledDocuments()).map((doc) => {
    if (doc._id === TITLED) {
      const seo = {title: 'Client engagement, for search', description: 'The SEO description.'}
      return {...doc, seo: {_type: 'seo', ...seo}}
    }
    if (doc._id === HIDDEN || doc._id === FEATURED) {
      return {...doc, seo: {_type: 'seo', noIndex: true}}
    }
    return doc
  })
  for (const doc of documents) {
    const slug = (doc.slug as {current?: string} | undefined)?.current
    if (slug) slugs.set(doc._id, slug)
  }
  const file = await writeTempDataset(toNdjson(documents))
  site = await buildSite({DATASET_FILE: file, SITE_URL})
  expect(site.ok, site.output).toBe(true)
}, 180_000)

describe('seo.title and seo.description', () => {
  test('are the page title and description of search results and link previews', async () => {
    const $ = await page(`/articles/${slugs.get(TITLED)}/`)
    expect($('title').text()).toBe('Client engagement, for search | MarketScale IoT')
    expect($('meta[name="description"]').attr('content')).toBe('The SEO description.')
    expect($('meta[property="og:title"]').attr('content')).toBe('Client engagement, for search')
    expect($('meta[name="twitter:description"]').attr('content')).toBe('The SEO description.')
    // The headline on the page stays the article's own title.
    expect($('h1').text()).toBe('When Client Engagement Becomes True Partnership')
  })
})

describe('seo.noIndex', () => {
  const hiddenPaths = () => [
    `/articles/${slugs.get(HIDDEN)}/`,
    '/',
    `/lists/${slugs.get(FEATURED)}/`,
  ]

  test('the pages are still built, with noindex and no canonical', async () => {
    for (const path of hiddenPaths()) {
      const $ = await page(path)
      expect($('meta[name="robots"]').attr('content'), path).toBe('noindex')
      expect($('link[rel="canonical"]').length, path).toBe(0)
    }
    // Other pages keep their canonical.
    const $ = await page(`/articles/${slugs.get(TITLED)}/`)
    expect($('meta[name="robots"]').length).toBe(0)
    expect($('link[rel="canonical"]').attr('href')).toBe(
      `${SITE_URL}/articles/${slugs.get(TITLED)}/`,
    )
  })

  test('the sitemap leaves them out and lists every other page', async () => {
    const sitemaps = (await listFiles(site.outDir)).filter((file) =>
      /^sitemap-\d+\.xml$/.test(file),
    )
    const listed = new Set(
      (await Promise.all(sitemaps.map(read))).flatMap((xml) =>
        [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1]!),
      ),
    )
    for (const path of hiddenPaths()) expect(listed.has(`${SITE_URL}${path}`), path).toBe(false)
    // Pages at old addresses are not pages of their own: never listed.
    const pages = (await pageFiles(site.outDir)).filter((file) => file !== '404.html')
    const expected = pages
      .map((file) => `${SITE_URL}/${file.replace(/index\.html$/, '')}`)
      .filter((url) => !hiddenPaths().some((path) => url === `${SITE_URL}${path}`))
    expect([...listed].sort()).toEqual(expected.sort())
  })

  test('no feed announces them, RSS or JSON Feed', async () => {
    const files = await listFiles(site.outDir)
    const rss = files.filter((file) => file.endsWith('rss.xml'))
    const json = files.filter((file) => file.endsWith('feed.json'))
    expect(rss.length).toBeGreaterThan(10)
    expect(json.length).toBe(rss.length)
    const links = [
      ...(await Promise.all(rss.map(read))).flatMap(
        (xml) => parseRssFeed(xml).items?.map((item) => item.link) ?? [],
      ),
      ...(await Promise.all(json.map(read))).flatMap(
        (text) => parseJsonFeed(text).items?.flatMap((item) => [item.id, item.url]) ?? [],
      ),
    ]
    expect(links).toContain(`${SITE_URL}/articles/${slugs.get(TITLED)}/`)
    expect(links).not.toContain(`${SITE_URL}/articles/${slugs.get(HIDDEN)}/`)
    expect(links).not.toContain(`${SITE_URL}/lists/${slugs.get(FEATURED)}/`)
  })

  test('readers still find the hidden article in Latest', async () => {
    const $ = await page('/latest/')
    expect($(`a[href="/articles/${slugs.get(HIDDEN)}/"]`).length).toBeGreaterThan(0)
  })
})

describe('SITE_URL', () => {
  test('is the origin of every absolute URL: canonicals, previews, feeds, sitemap, robots.txt', async () => {
    const $ = await page('/cities/vienna/')
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE_URL}/cities/vienna/`)
    expect($('meta[property="og:url"]').attr('content')).toBe(`${SITE_URL}/cities/vienna/`)
    expect($('meta[property="og:image"]').attr('content')).toMatch(
      new RegExp(`^${SITE_URL}/images/`),
    )
    expect(parseRssFeed(await read('rss.xml')).link).toBe(`${SITE_URL}/`)
    expect(parseJsonFeed(await read('feed.json'))).toMatchObject({
      home_page_url: `${SITE_URL}/`,
      feed_url: `${SITE_URL}/feed.json`,
    })
    expect(await read('robots.txt')).toContain(`Sitemap: ${SITE_URL}/sitemap-index.xml`)
    expect(await read('sitemap-index.xml')).toContain(`<loc>${SITE_URL}/sitemap-0.xml</loc>`)
  })

  test("the settings' site URL appears in no file", async () => {
    for (const file of await listFiles(site.outDir)) {
      if (!/\.(html|xml|txt|json)$/.test(file)) continue
      expect((await read(file)).includes(SETTINGS_URL), file).toBe(false)
    }
  })
})
