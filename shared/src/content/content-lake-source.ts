/**
 * Answers the shared queries from a Sanity project's Content Lake with
 * @sanity/client: the published perspective through the CDN for builds; for
 * previews (with a read token, from the live API) drafts or a Content Release
 * stack, and for the preview server text stega-encoded for click-to-edit.
 * A build's collections come in pages (paged-fetch.ts). Every request (every
 * page) is retried by withRetries on its own, and a failure names its query.
 */
import {createClient, type SanityClient, type StegaConfig} from '@sanity/client'

import type {ContentLakeConfig} from '../environment.ts'
import * as queries from '../queries.ts'
import {cleanText} from '../text.ts'
import {cdnImages} from './images.ts'
import {fetchInPages, PAGED_COLLECTIONS, type Page} from './paged-fetch.ts'
import {withRetries} from './retry.ts'
import type {ContentSource, LakePerspective, QueryParams, QueryResult} from './types.ts'

const queryNames = new Map<string, string>(
  Object.entries(queries).map(([name, query]) => [query as string, name]),
)
const nameOf = (query: string) => queryNames.get(query) ?? 'an unnamed query'

export interface LakeSourceOptions {
  /** What to read: published content (the default), drafts, or a Content Release stack. */
  perspective?: LakePerspective
  /**
   * Click-to-edit (the preview server): the studio's URL. Visible text in the
   * results comes stega-encoded from the Content Source Map, always fresh.
   */
  studioUrl?: string | undefined
  /** Told a line per collection fetched in pages: how many, how fast. */
  progress?: (line: string) => void
}

const count = (value: number) => value.toLocaleString('en')

/**
 * Text that stega must leave alone although Sanity's default filter would encode
 * it: alt text is an attribute, platform names are keys ("x"), MIME types are
 * checked by the feeds. Slugs, URLs, dates, ids and SEO fields are never encoded.
 */
const NEVER_ENCODED = new Set(['alt', 'platform', 'mimeType'])

const stegaFor = (studioUrl: string | undefined): StegaConfig =>
  studioUrl
    ? {
        enabled: true,
        studioUrl,
        filter: (props) =>
          props.filterDefault(props) && !NEVER_ENCODED.has(String(props.sourcePath.at(-1))),
      }
    : {enabled: false}

/**
 * A client for the project: its API version, host, token and timeout, no CDN,
 * no retries of its own (withRetries does them, so that every fault is handled
 * and reported the same way). The preview server checks the studio's preview
 * secrets with it too.
 */
export function createProjectClient(config: ContentLakeConfig): SanityClient {
  return createClient({
    projectId: config.projectId,
    dataset: config.dataset,
    apiVersion: config.apiVersion,
    useCdn: false,
    ...(config.token ? {token: config.token} : {}),
    ...(config.apiHost ? {apiHost: config.apiHost, useProjectHostname: false} : {}),
    timeout: config.timeoutMs,
    maxRetries: 0,
  })
}

export function createContentLakeSource(
  config: ContentLakeConfig,
  {perspective = 'published', studioUrl, progress}: LakeSourceOptions = {},
): ContentSource {
  const preview = perspective !== 'published' || studioUrl !== undefined
  const client = createProjectClient(config).withConfig({
    perspective,
    // Builds read published content from the CDN; a preview reads the live API.
    useCdn: !preview,
    stega: stegaFor(studioUrl),
  })
  const where = `Sanity project ${config.projectId}, dataset ${config.dataset}`
  const perspectiveName = Array.isArray(perspective) ? perspective.join(', ') : perspective
  /** One request, retried on its own; its result cleaned as the dataset layer cleans text. */
  const request = (label: string, query: string, params: QueryParams) =>
    withRetries(
      label,
      async () => {
        // The raw response, because a malformed body otherwise resolves to undefined
        // (and would build an empty site); a real answer always has `result`.
        const response: unknown = await client.fetch(query, params, {
          filterResponse: false,
          tag: studioUrl ? 'preview-server' : 'site-build',
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
    description: `${where} (${perspectiveName} perspective)`,
    images: cdnImages(config),
    fetch<const Query extends string>(query: Query, params: QueryParams = {}) {
      const label = `Query ${nameOf(query)} to ${where}`
      // Builds read whole collections in pages; a preview asks for what one page shows.
      const collection = preview ? undefined : PAGED_COLLECTIONS.get(query)
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
