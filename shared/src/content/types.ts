import type {SanityQueries} from '@sanity/client'

// Loads the generated file, which registers every shared query's result type on SanityQueries.
import type {} from '../generated/sanity.types.ts'

export type QueryParams = Record<string, unknown>

/** The result type TypeGen generated for a query string, or unknown for others. */
export type QueryResult<Query extends string> = Query extends keyof SanityQueries
  ? SanityQueries[Query]
  : unknown

/**
 * Where content comes from. The bundled dataset and the Content Lake both
 * implement this, and pages cannot tell which one they read.
 */
export interface ContentSource {
  /** For logs: which dataset or project this is. */
  readonly description: string
  /** Answers one of the shared queries with the published perspective. */
  fetch<const Query extends string>(query: Query, params?: QueryParams): Promise<QueryResult<Query>>
  /**
   * The URL (file: or https:) of an image asset's original file. The bundled dataset
   * serves local files; the Content Lake serves its CDN.
   */
  imageAssetUrl(asset: {url: string; path: string}): string
}
