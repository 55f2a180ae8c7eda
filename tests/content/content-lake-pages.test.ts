/**
 * Large collections come from a Content Lake in pages of 1,000 by `_id`, each
 * page a request retried on its own; the stitched pages must be exactly what the
 * collection query returns in one request. The real @sanity/client talks to the
 * local query server, which holds the bundled dataset and 2,345 more articles and
 * 1,200 more cities (some with the same date or name, so that ties are ordered too).
 */
import {createClient} from '@sanity/client'
import {API_VERSION} from '@smart-cities/shared/api-version'
import {getContentSource, type ContentSource} from '@smart-cities/shared/content'
import {readEnvironment} from '@smart-cities/shared/environment'
import {ARTICLES_QUERY, CATEGORIES_QUERY, CITIES_QUERY} from '@smart-cities/shared/queries'
import {afterAll, afterEach, beforeAll, describe, expect, test, vi} from 'vitest'

import {readBundledDocuments, type Doc} from '../support/dataset-files'
import {startQueryServer, type QueryServer} from '../support/query-server'

const EXTRA_ARTICLES = 2345
const EXTRA_CITIES = 1200
let server: QueryServer
let bundledArticles: number
let bundledCities: number

/**
 * Copies of a bundled document. Ids run in another order than the query's (a
 * scrambled number), and every three share a date or a name.
 */
function copies(template: Doc, count: number, make: (index: number) => Partial<Doc>): Doc[] {
  return Array.from({length: count}, (_, index) => {
    const scrambled = String((index * 7919) % count).padStart(5, '0')
    return {
      ...template,
      _id: `${template._type}-paged-${scrambled}`,
      slug: {_type: 'slug', current: `paged-${scrambled}`},
      ...make(index),
    }
  })
}

beforeAll(async () => {
  const documents = await readBundledDocuments()
  const published = (type: string) =>
    documents.filter((doc) => doc._type === type && !doc._id.includes('.'))
  bundledArticles = published('article').length
  bundledCities = published('city').length
  const articles = copies(published('article')[0]!, EXTRA_ARTICLES, (index) => ({
    title: `Paged article ${index}`,
    publishedAt: new Date(Date.UTC(2020, 0, 1) + Math.floor(index / 3) * 3_600_000).toISOString(),
  }))
  const cities = copies(published('city')[0]!, EXTRA_CITIES, (index) => ({
    name: `Paged city ${Math.floor(index / 3)}`,
  }))
  server = await startQueryServer({documents: [...documents, ...articles, ...cities]})
})
afterAll(() => server.close())
afterEach(() => {
  server.failAlways(undefined)
  vi.restoreAllMocks()
})

function lakeSource(progress?: (line: string) => void): ContentSource {
  const environment = readEnvironment({
    SANITY_PROJECT_ID: 'test1234',
    SANITY_API_VERSION: API_VERSION,
    SANITY_API_HOST: server.url,
    SANITY_TIMEOUT_MS: '30000',
    SANITY_RETRY_BASE_MS: '20',
    SANITY_RETRY_ATTEMPTS: '3',
  })
  return getContentSource(environment.content, progress ? {progress} : {})
}

/** The collection query in one request, as @sanity/client sends it without paging. */
async function inOneQuery(query: string): Promise<unknown> {
  const client = createClient({
    projectId: 'test1234',
    dataset: 'production',
    apiVersion: API_VERSION,
    apiHost: server.url,
    useProjectHostname: false,
    useCdn: true,
    perspective: 'published',
  })
  return client.fetch(query)
}

/** The `$lastId` of each request since `from`: which page each request asked for. */
const pagesAsked = (from: number) =>
  server.requests.slice(from).map((request) => request.params.lastId)

describe('pages stitched into the one-query answer', () => {
  test('articles: 3 pages, the same rows in the same order (ties by date included)', async () => {
    const single = (await inOneQuery(ARTICLES_QUERY)) as Array<{_id: string}>
    expect(single).toHaveLength(bundledArticles + EXTRA_ARTICLES)

    const before = server.requests.length
    const paged = await lakeSource().fetch(ARTICLES_QUERY)
    expect(paged).toEqual(single)
    // Pages follow _id: each starts after the last id of the one before.
    const byId = single.map((article) => article._id).sort()
    expect(pagesAsked(before)).toEqual(['', byId[999], byId[1999]])
  })

  test('cities: 2 pages, the same rows in the same order (ties by name included)', async () => {
    const single = (await inOneQuery(CITIES_QUERY)) as Array<{_id: string}>
    expect(single).toHaveLength(bundledCities + EXTRA_CITIES)
    const before = server.requests.length
    expect(await lakeSource().fetch(CITIES_QUERY)).toEqual(single)
    expect(pagesAsked(before)).toHaveLength(2)
  })

  test('a collection smaller than a page takes one request', async () => {
    const single = await inOneQuery(CATEGORIES_QUERY)
    const before = server.requests.length
    expect(await lakeSource().fetch(CATEGORIES_QUERY)).toEqual(single)
    expect(pagesAsked(before)).toEqual([''])
  })

  test('the build log gets a line per collection: how many, in how many pages, how fast', async () => {
    const lines: string[] = []
    await lakeSource((line) => lines.push(line)).fetch(ARTICLES_QUERY)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(
      new RegExp(
        `^articles: ${(bundledArticles + EXTRA_ARTICLES).toLocaleString('en')} in 3 pages, \\d+\\.\\d s \\([\\d,]+ a second\\)$`,
      ),
    )
  })
})

describe('each page is retried on its own', () => {
  test('a failed second page is asked for again, and only it: no page is fetched twice', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const single = (await inOneQuery(ARTICLES_QUERY)) as Array<{_id: string}>
    const byId = single.map((article) => article._id).sort()

    const before = server.requests.length
    server.queueFaults(undefined, {kind: 'status', status: 503})
    const paged = await lakeSource().fetch(ARTICLES_QUERY)

    expect(pagesAsked(before)).toEqual(['', byId[999], byId[999], byId[1999]])
    expect(paged).toEqual(single)
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(
      /^Query ARTICLES_QUERY to Sanity project test1234, dataset production, page 2 \(after "article-paged-\d+"\): attempt 1 failed \(HTTP 503/,
    )
  }, 60_000)

  test('a page that keeps failing fails the query, naming the page', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const before = server.requests.length
    server.queueFaults(undefined, undefined, ...Array(3).fill({kind: 'status', status: 500}))
    await expect(lakeSource().fetch(ARTICLES_QUERY)).rejects.toThrow(
      /^Query ARTICLES_QUERY to Sanity project test1234, dataset production, page 3 \(after "article-paged-\d+"\) failed after 3 attempts\. Last error: HTTP 500/,
    )
    expect(pagesAsked(before)).toHaveLength(5)
  }, 60_000)
})
