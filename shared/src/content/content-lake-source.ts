/**
 * Answers the shared queries from a Sanity project's Content Lake with
 * @sanity/client: the published perspective through the CDN for builds, the
 * drafts perspective (with a read token, no CDN) only for local preview.
 * Every request is retried by withRetries, and a failure names its query.
 */
import {createClient, type ClientPerspective} from '@sanity/client'

import {cleanText} from '../text.ts'
import * as queries from '../queries.ts'
import {DEFAULT_RETRY_POLICY, withRetries, type RetryPolicy} from './retry.ts'
import type {ContentSource, QueryParams, QueryResult} from './types.ts'

export interface ContentLakeConfig {
  projectId: string
  dataset: string
  /** A dated API version, e.g. "2025-02-19". */
  apiVersion: string
  /** A proxy or test server; used with useProjectHostname: false. */
  apiHost?: string | undefined
  /** Read token. Used only here, server side, at build time. */
  token?: string | undefined
  perspective: 'published' | 'drafts'
  timeoutMs: number
  retry: RetryPolicy
}

const queryNames = new Map<string, string>(
  Object.entries(queries).map(([name, query]) => [query as string, name]),
)
const nameOf = (query: string) => queryNames.get(query) ?? 'an unnamed query'

export function createContentLakeSource(config: ContentLakeConfig): ContentSource {
  const client = createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion,
    perspective: config.perspective as ClientPerspective,
    // Published content comes from the CDN; drafts only from the live API.
    useCdn: config.perspective === 'published',
    ...(config.token ? {token: config.token} : {}),
    ...(config.apiHost ? {apiHost: config.apiHost, useProjectHostname: false} : {}),
    timeout: config.timeoutMs,
    // Retries are ours (withRetries), so that every fault is handled and reported the same way.
    maxRetries: 0,
  })
  const where = `Sanity project ${config.projectId}, dataset ${config.dataset}`
  return {
    description: `${where} (${config.perspective} perspective)`,
    kind: 'content-lake',
    fetch<const Query extends string>(query: Query, params: QueryParams = {}) {
      return withRetries(
        `Query ${nameOf(query)} to ${where}`,
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
      ) as Promise<QueryResult<Query>>
    },
  }
}

export {DEFAULT_RETRY_POLICY}

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
