/**
 * Where datasets and their images are on disk. A dataset is laid out as Sanity
 * exports it: the NDJSON file, and its image files in `images/` beside it.
 */
import {existsSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'

/**
 * The repository root: the nearest folder up from `from` holding pnpm-workspace.yaml.
 * Searched from the working directory, since Astro bundles this module for the
 * pages and `import.meta.url` would then point into the build output.
 */
export function findWorkspaceRoot(from = process.cwd()): string {
  let dir = resolve(from)
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`)
    dir = parent
  }
  return dir
}

/** The dataset that ships with the repository. */
export const bundledDatasetFile = () =>
  join(findWorkspaceRoot(), 'shared', 'dataset', 'production.ndjson')

/** The folder of a dataset's image files. */
export const imagesDirOf = (datasetFile: string) => join(dirname(datasetFile), 'images')

/** The local file of an image asset: named like the last segment of its CDN path. */
export const localAssetFile = (datasetFile: string, assetPath: string) =>
  join(imagesDirOf(datasetFile), basename(assetPath))
