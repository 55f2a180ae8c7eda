/**
 * Answers the shared queries from a Sanity project's Content Lake with
 * @sanity/client: the published perspective through the CDN for builds, the
 * drafts perspective (with a read token, no CDN) only for local preview.
 * Collections come in pages (paged-fetch.ts). Every request (every page) is
 * retried by withRetries on its own, and a failure names its query.
 */
import {createClient} from '@sanity/client'

import type {ContentLakeConfig} from '../environment.ts'
import * as queries from '../queries.ts'
import {cleanText} from '../text.ts'
import {cdnImages} from './images.ts'
import {fetchInPages, PAGED_COLLECTIONS, type Page} from './paged-fetch.ts'
import {withRetries} from './retry.ts'
import type {ContentSource, QueryParams, QueryResult} from './types.ts'

const queryNames = new Map<string, string>(
  Object.entries(queries).map(([name, query]) => [query as string, name]),
)
const nameOf = (query: string) => queryNames.get(query) ?? 'an unnamed query'

export interface ContentLakeOptions {
  perspective?: 'published' | 'drafts'
  /** Told a line per collection fetched in pages: how many, how fast. */
  progress?: (line: string) => void
}

const count = (value: number) => value.toLocaleString('en')

export function createContentLakeSource(
  config: ContentLakeConfig,
  {perspective = 'published', progress}: ContentLakeOptions = {},
): ContentSource {
  const client = createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion,
    perspective,
    // Published content comes from the CDN; drafts only from the live API.
    useCdn: perspective === 'published',
    ...(config.token ? {token: config.token} : {}),
    ...(config.apiHost ? {apiHost: config.apiHost, useProjectHostname: false} : {}),
    timeout: config.timeoutMs,
    // Retries are ours (withRetries), so that every fault is handled and reported the same way.
    maxRetries: 0,
  })
  const where = `Sanity project ${config.projectId}, dataset ${config.dataset}`
  /** One request, retried on its own; its result cleaned as the dataset layer cleans text. */
  const request = (label: string, query: string, params: QueryParams) =>
    withRetries(
      label,
      async () => {
        // The raw response, because a malformed body otherwise resolves to undefined
        // (and would build an empty site); a real answer always has `result`.
        const response: unknown = await client.fetch(query, params, {
          filterResponse: false,
          tag: 'site-build',
        })
        if (!response || typeof response !== 'object' || !('result' in response)) {
          throw new Error('malformed response: no "result" in the body')
        }
        return cleanResult(response.result)
      },
      config.retry,
    )

  async function fetchCollection(label: string, pageQuery: string, name: string) {
    const started = performance.now()
    const {rows, pages} = await fetchInPages(
      label,
      (lastId, page) =>
        request(page === 1 ? label : `${label}, page ${page} (after "${lastId}")`, pageQuery, {
          lastId,
        }) as Promise<Page<{_id: string}>>,
    )
    const seconds = (performance.now() - started) / 1000
    progress?.(
      `${name}: ${count(rows.length)} in ${count(pages)} page${pages === 1 ? '' : 's'}, ` +
        `${seconds.toFixed(1)} s (${count(Math.round(rows.length / seconds))} a second)`,
    )
    return rows
  }

  return {
    description: `${where} (${perspective} perspective)`,
    images: cdnImages(config),
    fetch<const Query extends string>(query: Query, params: QueryParams = {}) {
      const label = `Query ${nameOf(query)} to ${where}`
      const collection = PAGED_COLLECTIONS.get(query)
      const result =
        collection && Object.keys(params).length === 0
          ? fetchCollection(label, collection.pageQuery, collection.name)
          : request(label, query, params)
      return result as Promise<QueryResult<Query>>
    },
  }
}

/**
 * Query results as the dataset layer publishes text: without invisible control
 * characters and with lone surrogates replaced. A Content Lake stores any string,
 * but HTML and XML cannot carry these, and a feed with one is not XML at all.
 */
function cleanResult(value: unknown): unknown {
  if (typeof value === 'string') return cleanText(value).text
  if (Array.isArray(value)) return value.map(cleanResult)
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, child]) => [key, cleanResult(child)]),
    )
  }
  return value
}
