/**
 * The bundled dataset: where it is, and reading it once per process.
 */
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {basename, dirname, isAbsolute, join, resolve} from 'node:path'

import {DatasetError, formatProblem} from './errors.ts'
import {decodeDatasetBytes, parseDataset, type ParsedDataset} from './parse.ts'

export {DatasetError, formatProblem, type DatasetProblem} from './errors.ts'
export {
  decodeDatasetBytes,
  isPublishedId,
  MAX_DEPTH,
  parseDataset,
  publishedIdOf,
  type ParsedDataset,
  type ParseOptions,
  type SanityDocumentLike,
} from './parse.ts'
export {isValidDatetime, PUBLICATION_CONTRACT} from './publish.ts'
export {cleanText} from '../text.ts'

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

const read = new Map<string, Promise<ParsedDataset>>()

/**
 * Reads a dataset file and checks it: a file that cannot be trusted (not UTF-8,
 * not JSON, duplicate ids, dangling references…) throws a DatasetError; what the
 * site may publish is worked out, and problems that would stop a build are
 * returned in `blocking` rather than thrown (for `pnpm dataset:check`, which lists
 * them with Sanity's own findings). Each file is read once per process.
 */
export function readDataset(file: string): Promise<ParsedDataset> {
  let dataset = read.get(file)
  if (!dataset) {
    dataset = readFile(file).then(
      (bytes) => parseDataset(decodeDatasetBytes(bytes, file), file),
      (error: NodeJS.ErrnoException) => {
        throw new DatasetError([
          {file, line: 0, message: `cannot read the dataset file (${error.code ?? error.message})`},
        ])
      },
    )
    // A failed read is not cached, so a corrected file can be retried.
    dataset.catch(() => read.delete(file))
    read.set(file, dataset)
  }
  return dataset
}

/** The lines a build prints about a dataset it accepted: what was left out or changed, and why. */
export function datasetNotices(dataset: ParsedDataset): string[] {
  return [
    ...dataset.warnings.map((problem) => `warning: ${formatProblem(problem)}`),
    ...dataset.scheduled.map((problem) => `scheduled: ${formatProblem(problem)}`),
  ]
}

/**
 * Astro evaluates this module twice in one build: astro.config.ts imports it
 * under Node, and the pages get their own copy bundled by Vite. Keeping loaded
 * datasets on globalThis lets both copies share one parse (about 1 s and 0.5 GB
 * at 10,000 articles) and print the warnings once.
 */
const LOADED_KEY = Symbol.for('@smart-cities/shared/loaded-datasets')
const loaded = ((globalThis as Record<symbol, unknown>)[LOADED_KEY] ??= new Map()) as Map<
  string,
  Promise<ParsedDataset>
>

/**
 * The dataset as a build uses it: throws a DatasetError for any problem that
 * cannot be skipped safely, and prints (once per file and process) a warning for
 * every document left out and every change made, with file, line, id and field.
 */
export function loadDataset(
  file: string,
  options: {warn?: (message: string) => void} = {},
): Promise<ParsedDataset> {
  let dataset = loaded.get(file)
  if (!dataset) {
    const warn = options.warn ?? ((message: string) => console.warn(message))
    dataset = readDataset(file).then((parsed) => {
      if (parsed.blocking.length > 0) {
        read.delete(file)
        throw new DatasetError(parsed.blocking)
      }
      const notices = datasetNotices(parsed)
      if (notices.length > 0) {
        warn(
          `${file}: ${notices.length} notice${notices.length === 1 ? '' : 's'} about the dataset:\n${notices.map((notice) => `  ${notice}`).join('\n')}`,
        )
      }
      return parsed
    })
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
