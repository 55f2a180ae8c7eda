/**
 * Feeds as feed readers get them: parsed by a real feed parser (feedsmith), and
 * well-formed XML by a strict validator.
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {XMLValidator} from 'fast-xml-parser'
import {parseRssFeed} from 'feedsmith'
import {describe, expect, inject, test} from 'vitest'

import {listFiles} from '../support/built-site'
import {SEED_LATEST_TITLES} from '../support/seed'

const bundled = inject('bundledSite')
const paged = inject('pagedSite')
const SITE = 'https://smartcities.example'
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

describe.each([
  ['bundled', bundled],
  ['paged', paged],
])('every feed of the %s site', (_name, root) => {
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
    const {feed} = await readFeed(root, 'categories/cities/rss.xml')
    for (const item of feed.items!)
      expect(item.categories?.map((category) => category.name)).toContain('Cities')
    expect(feed.atom?.links?.[0]?.href).toBe(`${SITE}/categories/cities/rss.xml`)
  })
})

test('guids are stable across rebuilds: the same permalinks in both builds', async () => {
  const guidsOf = async (root: string) =>
    (await readFeed(root, 'rss.xml')).feed.items!.map((item) => item.guid!.value)
  const bundledGuids = await guidsOf(bundled)
  const pagedGuids = await guidsOf(paged)
  expect(pagedGuids).toEqual(expect.arrayContaining(bundledGuids))
})

test('every page links its feeds; category and article pages also link their category feed', async () => {
  const html = await readFile(join(bundled, 'categories/energy/index.html'), 'utf8')
  expect(html).toContain(
    `<link rel="alternate" type="application/rss+xml" title="MarketScale IoT: Energy" href="${SITE}/categories/energy/rss.xml">`,
  )
})
