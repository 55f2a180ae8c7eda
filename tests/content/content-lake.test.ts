/**
 * The Content Lake source: the real @sanity/client against a local query server
 * (tests/support/query-server.ts), since the hosted API is out of reach here.
 */
import {API_VERSION} from '@smart-cities/shared/api-version'
import {
  createDatasetSource,
  getContentSource,
  type ContentSource,
} from '@smart-cities/shared/content'
import {readEnvironment} from '@smart-cities/shared/environment'
import * as queries from '@smart-cities/shared/queries'
import {afterAll, afterEach, beforeAll, describe, expect, test, vi} from 'vitest'

import {readBundledDocuments} from '../support/dataset-files'
import {bundledDatasetFile} from '../support/paths'
import {startQueryServer, type Fault, type QueryServer} from '../support/query-server'

const TOKEN = 'sk-test-token-for-preview-0123456789'
let server: QueryServer

beforeAll(async () => {
  server = await startQueryServer({documents: await readBundledDocuments(), token: TOKEN})
})
afterAll(() => server.close())
afterEach(() => {
  server.failAlways(undefined)
  vi.restoreAllMocks()
})

function lakeSource(env: Record<string, string> = {}, previewDrafts = false): ContentSource {
  return getContentSource(
    readEnvironment({
      SANITY_PROJECT_ID: 'test1234',
      SANITY_DATASET: 'production',
      SANITY_API_VERSION: API_VERSION,
      SANITY_API_HOST: server.url,
      SANITY_TIMEOUT_MS: '800',
      SANITY_RETRY_BASE_MS: '20',
      SANITY_RETRY_ATTEMPTS: '3',
      ...env,
    }).content,
    {previewDrafts},
  )
}

describe('choosing the source', () => {
  test('SANITY_PROJECT_ID selects the Content Lake, its absence the dataset file', () => {
    expect(lakeSource().description).toBe(
      'Sanity project test1234, dataset production (published perspective)',
    )
    expect(getContentSource(readEnvironment({}).content).description).toBe(
      `dataset file ${bundledDatasetFile}`,
    )
  })

  test('draft preview needs a project and a token', () => {
    expect(() => getContentSource(readEnvironment({}).content, {previewDrafts: true})).toThrow(
      'Draft preview needs a Sanity project',
    )
    expect(() => lakeSource({}, true)).toThrow('needs SANITY_API_READ_TOKEN')
  })
})

describe('the same queries, the same answers', () => {
  test.each(Object.entries(queries))(
    '%s returns what the dataset source returns',
    async (name, query) => {
      // A paged variant, asked for its first page.
      const params = name.endsWith('_PAGE_QUERY') ? {lastId: ''} : {}
      const local = await createDatasetSource(bundledDatasetFile).fetch(query, params)
      expect(await lakeSource().fetch(query, params)).toEqual(local)
    },
  )

  test('$params are honoured, over GET and over POST (the client posts long requests)', async () => {
    const query = '*[_type == "category" && slug.current == $slug && $padding != ""][0].title'
    expect(await lakeSource().fetch(query, {slug: 'energy', padding: 'x'})).toBe('Energy')
    expect(server.requests.at(-1)?.method).toBe('GET')
    expect(await lakeSource().fetch(query, {slug: 'parking', padding: 'x'.repeat(20_000)})).toBe(
      'Parking',
    )
    expect(server.requests.at(-1)?.method).toBe('POST')
  })

  test('published perspective: drafts never come back', async () => {
    const articles = await lakeSource().fetch(queries.ARTICLES_QUERY)
    expect(JSON.stringify(articles)).not.toContain('DRAFT')
    expect(server.requests.at(-1)?.perspective).toBe('published')
  })

  test('preview perspective, with the token: drafts come back', async () => {
    const cities = await lakeSource({SANITY_API_READ_TOKEN: TOKEN}, true).fetch(
      queries.CITIES_QUERY,
    )
    expect(cities.map((city) => city.name)).toContain('Vienna (DRAFT EDIT)')
    const articles = await lakeSource({SANITY_API_READ_TOKEN: TOKEN}, true).fetch(
      queries.ARTICLES_QUERY,
    )
    expect(articles.map((article) => article.title)).toContain(
      'DRAFT: Smart streetlights, unpublished',
    )
  })
})

/** Runs `use` against a Content Lake of its own that holds `documents`. */
async function withLake<T>(
  documents: Parameters<typeof startQueryServer>[0]['documents'],
  use: (source: ContentSource) => Promise<T>,
): Promise<T> {
  const lake = await startQueryServer({documents, token: TOKEN})
  try {
    return await use(
      getContentSource(
        readEnvironment({
          SANITY_PROJECT_ID: 'test1234',
          SANITY_API_HOST: lake.url,
          SANITY_RETRY_ATTEMPTS: '1',
        }).content,
      ),
    )
  } finally {
    await lake.close()
  }
}

test('a future-dated article is scheduled: the Content Lake does not return it before its date', async () => {
  const documents = await readBundledDocuments()
  const article = documents.find((doc) => doc._type === 'article' && !doc._id.includes('.'))!
  const scheduled = {
    ...article,
    _id: 'article-scheduled',
    slug: {_type: 'slug', current: 'scheduled'},
    publishedAt: '2999-01-01T09:00:00Z',
  }
  const ids = await withLake([...documents, scheduled], async (source) =>
    (await source.fetch(queries.ARTICLES_QUERY)).map((found) => found._id),
  )
  expect(ids).toContain(article._id)
  expect(ids).not.toContain('article-scheduled')
})

test('text from a Content Lake loses invisible control characters, as the dataset layer cleans it', async () => {
  const documents = await readBundledDocuments()
  const category = documents.find((doc) => doc._type === 'category')!
  const dirty = documents.map((doc) =>
    doc === category ? {...doc, title: 'Smart\u0000 grid\u001b\ufffe \ud800ok'} : doc,
  )
  const categories = await withLake(dirty, (source) => source.fetch(queries.CATEGORIES_QUERY))
  expect(categories.find((found) => found._id === category._id)?.title).toBe('Smart grid \ufffdok')
})

describe('faults are retried', () => {
  const faults: Array<[string, Fault]> = [
    ['a 500', {kind: 'status', status: 500}],
    ['a 503', {kind: 'status', status: 503}],
    ['a 429 with Retry-After', {kind: 'status', status: 429, retryAfter: '1'}],
    ['a response that never ends', {kind: 'hang'}],
    ['malformed JSON', {kind: 'malformed'}],
    ['a closed socket', {kind: 'reset'}],
  ]

  test.each(faults)(
    '%s, once: the query still succeeds',
    async (_name, fault) => {
      const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const before = server.requests.length
      server.queueFaults(fault)
      const categories = await lakeSource().fetch(queries.CATEGORIES_QUERY)
      expect(categories.length).toBe(12)
      expect(server.requests.length - before).toBe(2)
      expect(warn).toHaveBeenCalledTimes(1)
      expect(String(warn.mock.calls[0]![0])).toMatch(
        /^Query CATEGORIES_QUERY to Sanity project test1234, dataset production: attempt 1 failed/,
      )
    },
    20_000,
  )

  test('Retry-After is honoured: the wait is the server’s, not the backoff', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const before = server.requests.length
    server.queueFaults({kind: 'status', status: 429, retryAfter: '1'})
    await lakeSource().fetch(queries.CATEGORIES_QUERY)
    expect(String(warn.mock.calls[0]![0])).toContain('HTTP 429')
    expect(String(warn.mock.calls[0]![0])).toContain('retrying in 1000 ms')
    // Measured, not only said: the retry reached the server a second after the 429,
    // not after the 20 ms backoff (a timer may fire a millisecond early).
    const [refused, retried] = server.requests.slice(before)
    expect(retried!.at - refused!.at).toBeGreaterThanOrEqual(990)
    expect(retried!.at - refused!.at).toBeLessThan(5_000)
  }, 20_000)

  test.each(faults)(
    '%s, every time: the query fails after 3 attempts, naming the query and the last error',
    async (_name, fault) => {
      vi.spyOn(console, 'warn').mockImplementation(() => undefined)
      const before = server.requests.length
      server.failAlways(
        fault.kind === 'status' && fault.status === 429 ? {...fault, retryAfter: '0'} : fault,
      )
      const failure = lakeSource().fetch(queries.LISTICLES_QUERY)
      await expect(failure).rejects.toThrow(
        /^Query LISTICLES_QUERY to Sanity project test1234, dataset production failed after 3 attempts\. Last error: .+/,
      )
      expect(server.requests.length - before).toBe(3)
    },
    30_000,
  )

  test('an error retrying cannot fix (401) fails at once', async () => {
    const before = server.requests.length
    server.failAlways({kind: 'status', status: 401})
    await expect(lakeSource().fetch(queries.CITIES_QUERY)).rejects.toThrow(
      /^Query CITIES_QUERY to .* failed and cannot be retried\. Last error: HTTP 401/,
    )
    expect(server.requests.length - before).toBe(1)
  })
})
