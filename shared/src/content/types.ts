import type {SanityQueries} from '@sanity/client'

// Loads the generated file, which registers every shared query's result type on SanityQueries.
import type {ARTICLES_QUERY_RESULT} from '../generated/sanity.types.ts'

export type QueryParams = Record<string, unknown>

/**
 * What a preview reads from a Content Lake: published content, drafts over it,
 * or a Content Release stack (release ids first, most important first, then
 * usually "drafts"), as the studio's perspective menu chooses.
 */
export type LakePerspective = 'published' | 'drafts' | string[]

/** The result type TypeGen generated for a query string, or unknown for others. */
export type QueryResult<Query extends string> = Query extends keyof SanityQueries
  ? SanityQueries[Query]
  : unknown

/** An image as the shared queries project it (imageProjection in queries.ts). */
export type ProjectedImage = NonNullable<ARTICLES_QUERY_RESULT[number]['heroImage']>
export type ProjectedAsset = NonNullable<ProjectedImage['asset']>

/** Where a source's images are served from: files the site writes, or Sanity's image CDN. */
export interface ImageUrls {
  /** Which URLs these are, for cache keys: the same scheme gives the same URL for the same image. */
  readonly scheme: string
  /** The image `width` pixels wide, in the best format the source offers. */
  resized(image: ProjectedImage & {asset: ProjectedAsset}, width: number): string
  /** The original file, as uploaded (feed enclosures). */
  original(asset: ProjectedAsset): string
}

/** Image files the site writes itself (a dataset's images); a Content Lake has none. */
export interface LocalImages {
  /** The name of the file under /images/: the original, or its WebP variant `width` wide. */
  fileName(asset: ProjectedAsset, width?: number): string
  /** The original file on disk. */
  path(asset: ProjectedAsset): string
}

/**
 * Where content comes from. The bundled dataset and the Content Lake both
 * implement this, and pages cannot tell which one they read.
 */
export interface ContentSource {
  /** For logs and messages: which dataset or project this is. */
  readonly description: string
  /** Answers one of the shared queries. */
  fetch<const Query extends string>(query: Query, params?: QueryParams): Promise<QueryResult<Query>>
  readonly images: ImageUrls
  readonly localImages?: LocalImages
}
