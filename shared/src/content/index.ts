/**
 * The content access layer: the site and the tests ask this module for a
 * ContentSource and run the shared queries against it.
 */
import {resolveDatasetFile} from '../dataset/index.ts'
import {createDatasetSource} from './dataset-source.ts'
import type {ContentSource} from './types.ts'

export type {ContentSource, QueryParams, QueryResult} from './types.ts'
export {createDatasetSource} from './dataset-source.ts'

/** Chooses the content source from the environment: today, always the dataset file. */
export function getContentSource(env: NodeJS.ProcessEnv = process.env): ContentSource {
  return createDatasetSource(resolveDatasetFile(env))
}
