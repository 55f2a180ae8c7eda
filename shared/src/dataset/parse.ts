/**
 * Sanity's NDJSON export format, line by line: one JSON object per line, each a
 * document with a valid `_id` and a `_type`, not absurdly deep, ids unique. A line
 * that fails is reported and skipped; the others are kept with their line numbers.
 * Structure only: what a document may publish is publish.ts's job.
 */
import type {SanityDocumentLike} from '../documents.ts'
import type {DatasetProblem} from './errors.ts'
import {itemPath} from './paths.ts'
import {showId} from './wording.ts'

export interface ParsedLine {
  doc: SanityDocumentLike
  line: number
}

export interface ParsedDocuments {
  /** Every sound document, drafts and versions included, in file order. */
  documents: ParsedLine[]
  lineOf: Map<string, number>
  problems: DatasetProblem[]
  /** The file holds no line with anything on it. */
  empty: boolean
}

/**
 * How deep a document may nest. Portable Text needs about six levels; anything far
 * deeper is a broken import, and walking it recursively (here, in groq-js, in the
 * renderers) could overflow the stack.
 */
export const MAX_DEPTH = 64

/**
 * Sanity's rule for document ids: letters, digits, `.`, `_` and `-`, at most 128
 * characters, not starting with `-`. (`drafts.x` and `versions.r.x` fit it.)
 */
const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/

/**
 * Collects the documents of a file, one line at a time (lines numbered from 1 and
 * given in order, blank ones included): holds the documents, never the text.
 */
export class DocumentParser {
  readonly #file: string
  readonly #documents: ParsedLine[] = []
  readonly #lineOf = new Map<string, number>()
  readonly #problems: DatasetProblem[] = []
  #empty = true

  constructor(file: string) {
    this.#file = file
  }

  add(raw: string, line: number): void {
    // trim() also removes a byte-order mark, as Sanity's own import accepts it (at
    // the start of the file, or of a later line when two exports were joined), and
    // the CR of CRLF line ends.
    const source = raw.trim()
    if (!source) return
    this.#empty = false
    const file = this.#file
    const parsed = parseLine(source)
    if (!parsed.doc) {
      this.#problems.push({file, line, ...parsed.problem})
      return
    }
    const {doc} = parsed
    const firstLine = this.#lineOf.get(doc._id)
    if (firstLine !== undefined) {
      const message = `duplicate _id: already used on line ${firstLine}`
      this.#problems.push({file, line, documentId: doc._id, field: '_id', message})
      return
    }
    this.#lineOf.set(doc._id, line)
    this.#documents.push({doc, line})
  }

  result(): ParsedDocuments {
    return {
      documents: this.#documents,
      lineOf: this.#lineOf,
      problems: this.#problems,
      empty: this.#empty,
    }
  }
}

/** The documents of NDJSON text already in memory. */
export function parseDocuments(text: string, file: string): ParsedDocuments {
  const parser = new DocumentParser(file)
  text.split('\n').forEach((raw, index) => parser.add(raw, index + 1))
  return parser.result()
}

type LineProblem = Omit<DatasetProblem, 'file' | 'line'>

/** One line as a document, or what is wrong with it. */
function parseLine(
  source: string,
): {doc: SanityDocumentLike} | {doc?: never; problem: LineProblem} {
  let value: unknown
  try {
    value = JSON.parse(source)
  } catch (error) {
    return {problem: {message: `not valid JSON (${(error as Error).message})`}}
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    const message = `each line must be one JSON object (a document), not ${describeJson(value)}`
    return {problem: {message}}
  }
  const doc = value as Record<string, unknown>
  const id = doc._id
  if (typeof id !== 'string' || !id) {
    return {problem: {field: '_id', message: 'the document has no "_id" string'}}
  }
  if (!ID_PATTERN.test(id)) {
    const message =
      'not a valid document id: use letters, digits, ".", "_" and "-" only, at most 128 characters, not starting with "-"'
    return {problem: {documentId: showId(id), field: '_id', message}}
  }
  if (typeof doc._type !== 'string' || !doc._type) {
    return {
      problem: {documentId: id, field: '_type', message: 'the document has no "_type" string'},
    }
  }
  const deep = tooDeep(doc)
  if (deep !== undefined) {
    const field = deep.length > 120 ? `${deep.slice(0, 120)}…` : deep
    const message = `nested more than ${MAX_DEPTH} levels deep; no document of this schema nests that far`
    return {problem: {documentId: id, field, message}}
  }
  return {doc: doc as SanityDocumentLike}
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array'
  if (value === null) return 'null'
  return typeof value === 'string' ? 'a JSON string' : `a JSON ${typeof value}`
}

/** The path of the first value nested deeper than MAX_DEPTH, if any (iterative: no recursion). */
function tooDeep(doc: unknown): string | undefined {
  if (maxDepth(doc) <= MAX_DEPTH) return undefined
  // Too deep: find the path, for the message.
  const stack: Array<{value: unknown; path: string; depth: number}> = [
    {value: doc, path: '', depth: 0},
  ]
  while (stack.length > 0) {
    const {value, path, depth} = stack.pop()!
    if (depth > MAX_DEPTH) return path
    const entries = Array.isArray(value)
      ? value.map((item, index) => [itemPath(path, item, index), item] as const)
      : Object.entries(value as object).map(
          ([key, child]) => [path ? `${path}.${key}` : key, child] as const,
        )
    for (const [childPath, child] of entries) {
      if (child && typeof child === 'object')
        stack.push({value: child, path: childPath, depth: depth + 1})
    }
  }
  return undefined
}

/** How deep a value nests, counting no further than one level past MAX_DEPTH (the common case, cheaply). */
function maxDepth(doc: unknown): number {
  const values: unknown[] = [doc]
  const depths: number[] = [0]
  let deepest = 0
  while (values.length > 0 && deepest <= MAX_DEPTH) {
    const value = values.pop()
    const depth = depths.pop()!
    if (depth > deepest) deepest = depth
    for (const child of Array.isArray(value) ? value : Object.values(value as object)) {
      if (child && typeof child === 'object') {
        values.push(child)
        depths.push(depth + 1)
      }
    }
  }
  return deepest
}
