/**
 * The content access layer: the site and the tests ask this module for a
 * ContentSource and run the shared queries against it.
 */
import {resolveDatasetFile} from '../dataset/index.ts'
import {createContentLakeSource, DEFAULT_RETRY_POLICY} from './content-lake-source.ts'
import {createDatasetSource} from './dataset-source.ts'
import type {ContentSource} from './types.ts'

export type {ContentSource, QueryParams, QueryResult} from './types.ts'
export {createDatasetSource} from './dataset-source.ts'
export {createContentLakeSource, type ContentLakeConfig} from './content-lake-source.ts'

export const DEFAULT_API_VERSION = '2025-02-19'

export interface SourceOptions {
  /** Read drafts (Content Lake only, with a token). Only local preview may ask for this. */
  previewDrafts?: boolean
}

/**
 * Chooses the content source from the environment: a Sanity project when
 * SANITY_PROJECT_ID is set, otherwise the dataset file (DATASET_FILE or the bundled one).
 */
export function getContentSource(
  env: NodeJS.ProcessEnv = process.env,
  options: SourceOptions = {},
): ContentSource {
  const projectId = env.SANITY_PROJECT_ID?.trim()
  if (!projectId) {
    if (options.previewDrafts) {
      throw new Error(
        'Draft preview needs a Sanity project: set SANITY_PROJECT_ID and SANITY_API_READ_TOKEN.',
      )
    }
    return createDatasetSource(resolveDatasetFile(env))
  }
  const token = env.SANITY_API_READ_TOKEN?.trim() || undefined
  if (options.previewDrafts && !token) {
    throw new Error('Draft preview reads unpublished content and needs SANITY_API_READ_TOKEN.')
  }
  const number = (value: string | undefined, fallback: number) =>
    value && Number.isFinite(Number(value)) ? Number(value) : fallback
  return createContentLakeSource({
    projectId,
    dataset: env.SANITY_DATASET?.trim() || 'production',
    apiVersion: env.SANITY_API_VERSION?.trim() || DEFAULT_API_VERSION,
    apiHost: env.SANITY_API_HOST?.trim() || undefined,
    token,
    perspective: options.previewDrafts ? 'drafts' : 'published',
    timeoutMs: number(env.SANITY_TIMEOUT_MS, 30_000),
    retry: {
      ...DEFAULT_RETRY_POLICY,
      attempts: number(env.SANITY_RETRY_ATTEMPTS, DEFAULT_RETRY_POLICY.attempts),
      baseDelayMs: number(env.SANITY_RETRY_BASE_MS, DEFAULT_RETRY_POLICY.baseDelayMs),
    },
  })
}
