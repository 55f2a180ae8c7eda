/**
 * The bundled dataset: where it is, and reading it once per process.
 */
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join, resolve} from 'node:path'

import {DatasetError} from './errors.ts'
import {parseDataset, type ParsedDataset} from './parse.ts'

export {DatasetError, formatProblem, type DatasetProblem} from './errors.ts'
export {
  isPublishedId,
  parseDataset,
  publishedIdOf,
  type ParsedDataset,
  type SanityDocumentLike,
} from './parse.ts'

/** The repository root: the nearest folder up from `from` holding pnpm-workspace.yaml. */
export function findWorkspaceRoot(from = process.cwd()): string {
  let dir = resolve(from)
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir)
    if (parent === dir) throw new Error(`No pnpm-workspace.yaml above ${from}`)
    dir = parent
  }
  return dir
}

/**
 * `DATASET_FILE` if set, else the bundled dataset. A relative `DATASET_FILE` is
 * taken from where the command was typed (pnpm's INIT_CWD), not from the
 * package folder pnpm runs the script in.
 */
export function resolveDatasetFile(env: NodeJS.ProcessEnv = process.env): string {
  const configured = env.DATASET_FILE?.trim()
  if (configured) {
    return isAbsolute(configured) ? configured : resolve(env.INIT_CWD ?? process.cwd(), configured)
  }
  return join(findWorkspaceRoot(), 'shared', 'dataset', 'production.ndjson')
}

const loaded = new Map<string, Promise<ParsedDataset>>()

/** Reads and checks a dataset file; each file is read and parsed once per process. */
export function loadDataset(file: string): Promise<ParsedDataset> {
  let dataset = loaded.get(file)
  if (!dataset) {
    dataset = readFile(file, 'utf8').then(
      (text) => parseDataset(text, file),
      (error: NodeJS.ErrnoException) => {
        throw new DatasetError([
          {file, line: 0, message: `cannot read the dataset file (${error.code ?? error.message})`},
        ])
      },
    )
    // A failed read is not cached, so a corrected file can be retried.
    dataset.catch(() => loaded.delete(file))
    loaded.set(file, dataset)
  }
  return dataset
}

/**
 * The local file of an image asset: exports keep images beside the NDJSON file,
 * in `images/`, named like the last segment of the asset's CDN path.
 */
export function localAssetFile(datasetFile: string, assetPath: string): string {
  return join(dirname(datasetFile), 'images', basename(assetPath))
}
