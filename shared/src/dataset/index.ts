/**
 * A dataset file, read and checked once per process: decode.ts (a stream of
 * UTF-8 lines) → parse.ts (documents and line numbers) → references.ts (every strong reference
 * resolves) → publish.ts (what the site may publish). Every problem of a file is
 * found in one run and reported with file, line, document and field.
 */
import {open, readdir} from 'node:fs/promises'
import {isAbsolute, relative, sep} from 'node:path'

import {isPublishedId, type SanityDocumentLike} from '../documents.ts'
import {decodeDatasetLines} from './decode.ts'
import {byLine, DatasetError, formatProblem, type DatasetProblem} from './errors.ts'
import {findWorkspaceRoot, imagesDirOf} from './files.ts'
import {DocumentParser, parseDocuments, type ParsedDocuments} from './parse.ts'
import {preparePublication, type PublicationOptions} from './publish.ts'
import {checkReferences} from './references.ts'

export {DatasetError, formatProblem, type DatasetProblem} from './errors.ts'

export interface Dataset {
  /** The file as given (for finding its images). */
  file: string
  /** Every document in file order, drafts and versions included, as in the file (for validation). */
  all: SanityDocumentLike[]
  /**
   * What the public site may see: published documents that pass the publication
   * contract, text cleaned, left-out documents and dropped references removed.
   */
  published: SanityDocumentLike[]
  /** `published` by id, for O(1) dereferencing. */
  byId: Map<string, SanityDocumentLike>
  /** Drafts and release versions: parsed and checked, never served. */
  unpublishedCount: number
  /** Line of each document in the file, for error messages downstream. */
  lineOf: Map<string, number>
  /** Documents left out, text cleaned, references and images dropped: printed by the build. */
  warnings: DatasetProblem[]
  /** Articles dated in the future, held back until a later build. */
  scheduled: DatasetProblem[]
  /** Problems that cannot be skipped safely: loadDataset refuses the dataset. */
  blocking: DatasetProblem[]
  /** Why each published document that is left out is left out, by id. */
  leftOut: Map<string, string>
}

/** Checks a dataset's text, without touching the disk (image files are not checked). */
export function analyzeDataset(
  text: string,
  file: string,
  options: PublicationOptions = {},
): Dataset {
  return analyze(parseDocuments(text, file), [], file, file, options)
}

/**
 * Checks a dataset read as a stream of bytes (a file's, a download's), a line at a
 * time: memory holds the documents, never the whole text. `file` names it in problems.
 */
export async function analyzeDatasetStream(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  options: PublicationOptions = {},
): Promise<Dataset> {
  return analyzeStream(chunks, file, file, options)
}

async function analyzeStream(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  shown: string,
  options: PublicationOptions,
): Promise<Dataset> {
  const parser = new DocumentParser(shown)
  const encodingProblems: DatasetProblem[] = []
  for await (const {line, text, problem} of decodeDatasetLines(chunks, shown)) {
    if (problem) encodingProblems.push(problem)
    parser.add(text, line)
  }
  return analyze(parser.result(), encodingProblems, file, shown, options)
}

/** `shared/dataset/x.ndjson` for a file in the repository, the path as given elsewhere. */
function shownPath(file: string): string {
  let fromRoot: string
  try {
    fromRoot = relative(findWorkspaceRoot(), file)
  } catch {
    return file
  }
  return fromRoot.startsWith(`..${sep}`) || fromRoot === '..' || isAbsolute(fromRoot)
    ? file
    : fromRoot
}

/** `encodingProblems`: lines that are not UTF-8, or a file that cannot be read at all. */
function analyze(
  parsed: ParsedDocuments,
  encodingProblems: DatasetProblem[],
  file: string,
  shown: string,
  options: PublicationOptions,
): Dataset {
  const structural = [
    ...encodingProblems,
    ...parsed.problems,
    ...checkReferences(parsed.documents, parsed.lineOf, shown),
  ]
  if (parsed.empty && encodingProblems.length === 0) {
    const message = 'the file holds no documents (it is empty); expected one JSON document per line'
    structural.push({file: shown, line: 1, message})
  }
  const all = parsed.documents.map(({doc}) => doc)
  const publishedRaw = all.filter((doc) => isPublishedId(doc._id))
  const publication = preparePublication(publishedRaw, shown, parsed.lineOf, options)
  // A field the file itself already broke (a dangling reference) is reported once.
  const key = (problem: DatasetProblem) => `${problem.documentId}\u0000${problem.field}`
  const reported = new Set(structural.filter((problem) => problem.field).map(key))
  const fresh = (problem: DatasetProblem) => !reported.has(key(problem))
  return {
    file,
    all,
    published: publication.published,
    byId: new Map(publication.published.map((doc) => [doc._id, doc])),
    unpublishedCount: all.length - publishedRaw.length,
    lineOf: parsed.lineOf,
    warnings: publication.warnings.filter(fresh),
    scheduled: publication.scheduled,
    blocking: [...structural, ...publication.blocking.filter(fresh)].sort(byLine),
    leftOut: publication.leftOut,
  }
}

const UNREADABLE: Record<string, string> = {
  ENOENT: 'no such file',
  EACCES: 'cannot be read: permission denied',
  EISDIR: 'is a folder, not a dataset file',
}

/** Bytes read at a time: large enough that a big file takes few reads. */
const CHUNK_BYTES = 1 << 20

async function readAndAnalyze(file: string): Promise<Dataset> {
  const shown = shownPath(file)
  const imageFiles = await readdir(imagesDirOf(file)).then(
    (names) => new Set(names),
    () => undefined,
  )
  let dataset: Dataset
  try {
    const handle = await open(file)
    dataset = await analyzeStream(
      handle.createReadStream({highWaterMark: CHUNK_BYTES}),
      file,
      shown,
      {imageFiles},
    )
  } catch (error) {
    const {code, message, syscall} = error as NodeJS.ErrnoException
    // Only what the file system said (open, read); anything else is a bug, and thrown.
    if (syscall === undefined) throw error
    const problem = {file: shown, message: UNREADABLE[code!] ?? message}
    return analyze(new DocumentParser(shown).result(), [problem], file, shown, {})
  }
  if (!imageFiles && dataset.all.some((doc) => doc._type === 'sanity.imageAsset')) {
    dataset.blocking.unshift({
      file: shown,
      message: `there is no images/ folder beside it; a dataset keeps its image files there, as Sanity exports them`,
    })
  }
  return dataset
}

/**
 * Astro evaluates this module twice in one build: the build script and
 * astro.config.ts import it under Node, and the pages get their own copy bundled
 * by Vite. Keeping datasets on globalThis lets both copies share one read (the
 * largest fixed cost of a big build) and print the notices once.
 */
const CACHE_KEY = Symbol.for('@smart-cities/shared/datasets')
const cache = ((globalThis as Record<symbol, unknown>)[CACHE_KEY] ??= {
  datasets: new Map<string, Promise<Dataset>>(),
  noticed: new Set<string>(),
}) as {datasets: Map<string, Promise<Dataset>>; noticed: Set<string>}

/**
 * Reads and checks a dataset file once per process. Never rejects for what is in
 * (or missing from) the file: problems that would stop a build are in `blocking`,
 * for `pnpm dataset:check`, which lists them with Sanity's own findings.
 */
export function readDataset(file: string): Promise<Dataset> {
  let dataset = cache.datasets.get(file)
  if (!dataset) {
    dataset = readAndAnalyze(file)
    cache.datasets.set(file, dataset)
    // A dataset with problems is read again next time: it may have been corrected.
    void dataset.then((read) => read.blocking.length > 0 && cache.datasets.delete(file))
  }
  return dataset
}

/** The lines a build prints about a dataset it accepted: what was left out or changed, and why. */
export function datasetNotices(dataset: Dataset): string[] {
  return [
    ...dataset.warnings.map((problem) => `warning: ${formatProblem(problem)}`),
    ...dataset.scheduled.map((problem) => `scheduled: ${formatProblem(problem)}`),
  ]
}

/**
 * The dataset as a build uses it: rejects with a DatasetError listing every
 * problem that cannot be skipped safely, and prints (once per file and process) a
 * notice for every document left out and every change made.
 */
export async function loadDataset(
  file: string,
  options: {warn?: (message: string) => void} = {},
): Promise<Dataset> {
  const dataset = await readDataset(file)
  if (dataset.blocking.length > 0) throw new DatasetError(dataset.blocking)
  const notices = datasetNotices(dataset)
  if (notices.length > 0 && !cache.noticed.has(file)) {
    cache.noticed.add(file)
    const warn = options.warn ?? ((message: string) => console.warn(message))
    const count = `${notices.length} notice${notices.length === 1 ? '' : 's'}`
    warn(
      `${shownPath(file)}: ${count} about the dataset:\n${notices.map((notice) => `  ${notice}`).join('\n')}`,
    )
  }
  return dataset
}
