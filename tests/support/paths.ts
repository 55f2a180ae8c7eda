import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const bundledDatasetFile = join(repoRoot, 'shared', 'dataset', 'production.ndjson')
export const bundledImagesDir = join(repoRoot, 'shared', 'dataset', 'images')
export const siteDist = join(repoRoot, 'site', 'dist')
/** Files tests write and keep for people to look at (screenshots, reports). */
export const artifactsDir = join(repoRoot, 'tests', 'artifacts')
