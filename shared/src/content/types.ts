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
  /** Where images are served from: bundled files, or Sanity's image CDN. */
  readonly kind: 'dataset' | 'content-lake'
  /** Answers one of the shared queries with the published perspective. */
  fetch<const Query extends string>(query: Query, params?: QueryParams): Promise<QueryResult<Query>>
  /** The local file of an image asset (bundled dataset only). */
  localImageFile?(asset: {path: string}): string
}
