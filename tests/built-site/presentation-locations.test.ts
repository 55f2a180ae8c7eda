/**
 * The studio's Presentation locations (studio/locations.ts) against the site
 * that was built: for a document of each type, its real GROQ query runs over the
 * dataset the site was built from (groq-js, published documents, as a studio
 * showing published content would), and the pages it lists must be exactly the
 * built pages that show the document, found in the built HTML by what readers
 * see there (its page, the ranking entries, the cards in listings, the byline).
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {load, type CheerioAPI} from 'cheerio'
import {evaluate, parse} from 'groq-js'
import {beforeAll, describe, expect, inject, test} from 'vitest'

import {LOCATION_QUERIES, locationsFrom} from '../../studio/locations'
import {htmlFiles, urlPathOf} from '../support/built-site'
import {readBundledDocuments, type Doc} from '../support/dataset-files'
import {pagedDocuments} from '../support/fixtures'

type Page = {path: string; $: CheerioAPI}

async function builtPages(root: string): Promise<Page[]> {
  const pages: Page[] = []
  for (const file of await htmlFiles(root)) {
    if (file === '404.html') continue
    pages.push({path: urlPathOf(file), $: load(await readFile(join(root, file), 'utf8'))})
  }
  return pages
}

/** The hrefs of a document's locations, by the studio's query and resolver. */
async function locationsOf(documents: Doc[], type: string, id: string): Promise<string[]> {
  const published = documents.filter((doc) => !doc._id.includes('.'))
  const result = await evaluate(parse(LOCATION_QUERIES[type]!), {dataset: published, params: {id}})
  const state = locationsFrom(type, (await result.get()) as never)
  return (state?.locations ?? []).map((location) => location.href).sort()
}

/** Pages that show a card (a listing entry) linking to `href`, outside "read next" sections. */
const withCard = (pages: Page[], href: string) =>
  pages.filter(({$}) =>
    $(`main .card-title a[href="${href}"]`)
      .toArray()
      .some((link) => $(link).closest('[aria-labelledby="related-heading"]').length === 0),
  )

const paths = (pages: Page[]) => pages.map((page) => page.path).sort()
const unique = (list: string[]) => [...new Set(list)].sort()

describe.each([
  ['the bundled dataset', 'bundledSite', readBundledDocuments],
  ['the paged fixture', 'pagedSite', pagedDocuments],
] as const)('locations, against the build of %s', (_, site, readDocuments) => {
  let pages: Page[]
  let documents: Doc[]
  beforeAll(async () => {
    pages = await builtPages(inject(site))
    documents = await readDocuments()
  })

  test('a city: its page, the home page and each list that ranks it, the cities index', async () => {
    const expected = unique([
      '/cities/vienna/',
      // Ranking entries carry the city's slug as their id.
      ...paths(pages.filter(({$}) => $('ol.entries > li.entry#vienna').length > 0)),
      ...paths(
        pages.filter(({path, $}) => path === '/cities/' && $('a[href="/cities/vienna/"]').length),
      ),
    ])
    expect(expected).toEqual([
      '/',
      '/cities/',
      '/cities/vienna/',
      '/lists/top-smart-cities-in-the-world/',
    ])
    expect(await locationsOf(documents, 'city', 'city-vienna')).toEqual(expected)
  })

  test('an article: its page, and the listings that show it (Latest, its category, the home page)', async () => {
    // Latest's order (newest first, then by id); articles at the edges of its pages.
    const articles = documents
      .filter((doc) => doc._type === 'article' && !doc._id.includes('.'))
      .filter((doc) => Date.parse(String(doc.publishedAt)) <= Date.now())
      .sort(
        (a, b) =>
          Date.parse(String(b.publishedAt)) - Date.parse(String(a.publishedAt)) ||
          (a._id < b._id ? -1 : 1),
      )
    const positions = [0, 3, 4, 9, 10, articles.length - 1].filter(
      (position) => position < articles.length,
    )
    for (const position of new Set(positions)) {
      const article = articles[position]!
      const href = `/articles/${(article.slug as {current: string}).current}/`
      const expected = unique([href, ...paths(withCard(pages, href))])
      expect(expected.filter((path) => path.startsWith('/latest/')).length, href).toBe(1)
      expect(expected.filter((path) => path.startsWith('/categories/')).length, href).toBe(1)
      expect(expected.includes('/'), href).toBe(position < 4)
      expect(await locationsOf(documents, 'article', article._id), href).toEqual(expected)
    }
  })

  test('a ranked list: its page, the home page when featured, the lists index', async () => {
    const expected = unique([
      ...paths(
        pages.filter(
          ({$}) => $('article.listicle h1').text().trim() === 'The Top Smart Cities in the World',
        ),
      ),
      ...paths(pages.filter(({path, $}) => path === '/lists/' && $('main .card-title a').length)),
    ])
    expect(expected).toEqual(['/', '/lists/', '/lists/top-smart-cities-in-the-world/'])
    expect(await locationsOf(documents, 'listicle', 'listicle-top-smart-cities')).toEqual(expected)
  })

  test('a category: each of its pages, and the sections index', async () => {
    const expected = unique([
      ...paths(pages.filter(({$}) => $('main h1').text().trim() === 'Cities')).filter((path) =>
        path.startsWith('/categories/cities/'),
      ),
      ...paths(
        pages.filter(
          ({path, $}) => path === '/categories/' && $('a[href="/categories/cities/"]').length,
        ),
      ),
    ])
    expect(expected.length).toBeGreaterThanOrEqual(2)
    expect(await locationsOf(documents, 'category', 'category-cities')).toEqual(expected)
  })

  test('an author: every page with their byline', async () => {
    const author = documents.find((doc) => doc._id === 'author-iot-desk')!
    const byline = (page: Page) =>
      page.$('main aside.author h2').text().includes(String(author.name)) ||
      page
        .$('article.listicle .meta')
        .text()
        .includes(`By ${String(author.name)}`)
    const expected = paths(pages.filter(byline))
    expect(expected.length).toBeGreaterThan(3)
    expect(await locationsOf(documents, 'author', author._id)).toEqual(expected)
  })

  test('the settings: every page, said as much', async () => {
    const state = locationsFrom('siteSettings', null)
    expect(state?.locations?.map((location) => location.href)).toEqual(['/'])
    expect(state?.message).toMatch(/every page/)
    // Every built page shows the publication's name, which the settings hold.
    const name = String(documents.find((doc) => doc._id === 'siteSettings')!.title)
    expect(pages.every(({$}) => $('header .masthead').text().trim() === name)).toBe(true)
  })
})
