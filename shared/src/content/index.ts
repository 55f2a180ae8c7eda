/**
 * The content access layer: the site and the tests ask this module for a
 * ContentSource and run the shared queries against it.
 */
import type {ContentConfig} from '../environment.ts'
import {createContentLakeSource} from './content-lake-source.ts'
import {createDatasetSource} from './dataset-source.ts'
import type {ContentSource, LakePerspective} from './types.ts'

export type * from './types.ts'
export {createDatasetSource} from './dataset-source.ts'
export {createContentLakeSource, createProjectClient} from './content-lake-source.ts'

export interface SourceOptions {
  /** Read drafts (a Content Lake, with a read token). Only local preview may ask for this. */
  previewDrafts?: boolean
  /**
   * The preview server's reading: the studio's perspective, and text stega-encoded
   * for click-to-edit in that studio (a Content Lake, with a read token).
   */
  preview?: {perspective: LakePerspective; studioUrl: string}
  /** Told a line per collection a Content Lake sends in pages (count and rate), for the build log. */
  progress?: (line: string) => void
}

/** The content source the configuration names: a Sanity project, or a dataset file. */
export function getContentSource(
  config: ContentConfig,
  options: SourceOptions = {},
): ContentSource {
  const preview = options.preview !== undefined || options.previewDrafts === true
  if (config.kind === 'dataset') {
    if (preview) {
      throw new Error(
        'Draft preview needs a Sanity project: set SANITY_PROJECT_ID and SANITY_API_READ_TOKEN.',
      )
    }
    return createDatasetSource(config.file)
  }
  if (preview && !config.token) {
    throw new Error('Draft preview reads unpublished content and needs SANITY_API_READ_TOKEN.')
  }
  if (options.preview) return createContentLakeSource(config, options.preview)
  return createContentLakeSource(config, {
    perspective: options.previewDrafts ? 'drafts' : 'published',
    ...(options.progress ? {progress: options.progress} : {}),
  })
}
