/**
 * Reads Sanity's NDJSON export format (one document per line, raw shape) and
 * checks what every consumer relies on: the file is UTF-8 and not empty, each line
 * is a JSON object with a valid `_id` and a `_type`, not absurdly deep, ids are
 * unique, and every strong reference resolves. Any of these stops the build: the
 * file itself cannot be trusted. Then publish.ts decides, document by document,
 * what the site may publish.
 */
import {DatasetError, type DatasetProblem} from './errors.ts'
import {itemPath, preparePublication, type PublicationOptions} from './publish.ts'

export interface SanityDocumentLike {
  _id: string
  _type: string
  [field: string]: unknown
}

export interface ParsedDataset {
  file: string
  /** Every document in file order, drafts and versions included, as in the file (for validation). */
  all: SanityDocumentLike[]
  /**
   * What the public site may see: published documents that pass the publication
   * contract (publish.ts), text cleaned, left-out documents and dropped references removed.
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

/** Ids under these prefixes are not published (Sanity's published perspective hides them). */
export function isPublishedId(id: string): boolean {
  return !id.startsWith('drafts.') && !id.startsWith('versions.')
}

/** The published id a draft or version belongs to: `drafts.x` and `versions.r.x` -> `x`. */
export function publishedIdOf(id: string): string {
  if (id.startsWith('drafts.')) return id.slice('drafts.'.length)
  if (id.startsWith('versions.')) return id.split('.').slice(2).join('.')
  return id
}

interface FoundReference {
  ref: string
  weak: boolean
  path: string
}

/**
 * How deep a document may nest. Portable Text needs about six levels; anything far
 * deeper is a broken import, and walking it recursively (here, in groq-js, in the
 * renderers) could overflow the stack.
 */
export const MAX_DEPTH = 64

/** The path of the first value nested deeper than MAX_DEPTH, if any (iterative: no recursion). */
function tooDeep(doc: unknown): string | undefined {
  // The common case, cheaply: depths only, no paths.
  const values: unknown[] = [doc]
  const depths: number[] = [0]
  let deepest = 0
  while (values.length > 0) {
    const value = values.pop()
    const depth = depths.pop()!
    if (depth > deepest) deepest = depth
    if (deepest > MAX_DEPTH) break
    for (const child of Array.isArray(value) ? value : Object.values(value as object)) {
      if (child && typeof child === 'object') {
        values.push(child)
        depths.push(depth + 1)
      }
    }
  }
  if (deepest <= MAX_DEPTH) return undefined
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

/** Every `_ref` in a document (not deeper than MAX_DEPTH, which tooDeep checked first). */
function collectReferences(value: unknown, path: string, found: FoundReference[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => collectReferences(item, itemPath(path, item, index), found))
    return
  }
  if (!value || typeof value !== 'object') return
  const object = value as Record<string, unknown>
  if (typeof object._ref === 'string') {
    found.push({ref: object._ref, weak: object._weak === true, path: path || '_ref'})
  }
  for (const [field, child] of Object.entries(object)) {
    if (field === '_ref' || child === null || typeof child !== 'object') continue
    collectReferences(child, path ? `${path}.${field}` : field, found)
  }
}

/**
 * Sanity's rule for document ids: letters, digits, `.`, `_` and `-`, at most 128
 * characters, not starting with `-`. (`drafts.x` and `versions.r.x` fit it.)
 */
const ID_PATTERN = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/

/** An id as it may be shown in a message: escaped and shortened. */
const showId = (id: string) => {
  const escaped = JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id).slice(1, -1)
  return escaped
}

function describeJson(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array'
  if (value === null) return 'null'
  return typeof value === 'string' ? 'a JSON string' : `a JSON ${typeof value}`
}

export type ParseOptions = PublicationOptions

export function parseDataset(
  text: string,
  file: string,
  options: ParseOptions = {},
): ParsedDataset {
  const problems: DatasetProblem[] = []
  const documents: Array<{doc: SanityDocumentLike; line: number}> = []
  const lineOf = new Map<string, number>()

  // A leading byte-order mark is accepted, as Sanity's own import accepts it.
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split('\n')
  if (lines.every((line) => !line.trim())) {
    throw new DatasetError([
      {
        file,
        line: 1,
        message: 'the file holds no documents (it is empty); expected one JSON document per line',
      },
    ])
  }
  lines.forEach((raw, index) => {
    const line = index + 1
    // trim() also removes a byte-order mark that starts a later line (two exports
    // joined): accepted like the leading one. CR of CRLF line ends goes too.
    const source = raw.trim()
    if (!source) return
    let value: unknown
    try {
      value = JSON.parse(source)
    } catch (error) {
      problems.push({file, line, message: `not valid JSON (${(error as Error).message})`})
      return
    }
    if (!value || typeof value !== 'object' || Array.isArray(value)) {
      problems.push({
        file,
        line,
        message: `each line must be one JSON object (a document), not ${describeJson(value)}`,
      })
      return
    }
    const doc = value as Record<string, unknown>
    const id = doc._id
    if (typeof id !== 'string' || !id) {
      problems.push({file, line, field: '_id', message: 'the document has no "_id" string'})
      return
    }
    if (!ID_PATTERN.test(id)) {
      problems.push({
        file,
        line,
        documentId: showId(id),
        field: '_id',
        message:
          'not a valid document id: use letters, digits, ".", "_" and "-" only, at most 128 characters, not starting with "-"',
      })
      return
    }
    if (typeof doc._type !== 'string' || !doc._type) {
      problems.push({
        file,
        line,
        documentId: id,
        field: '_type',
        message: 'the document has no "_type" string',
      })
      return
    }
    const deep = tooDeep(doc)
    if (deep !== undefined) {
      problems.push({
        file,
        line,
        documentId: id,
        field: deep.length > 120 ? `${deep.slice(0, 120)}…` : deep,
        message: `nested more than ${MAX_DEPTH} levels deep; no document of this schema nests that far`,
      })
      return
    }
    const firstLine = lineOf.get(id)
    if (firstLine !== undefined) {
      problems.push({
        file,
        line,
        documentId: id,
        field: '_id',
        message: `duplicate _id: already used on line ${firstLine}`,
      })
      return
    }
    lineOf.set(id, line)
    documents.push({doc: doc as SanityDocumentLike, line})
  })

  // References are checked once every id is known, in a second pass.
  for (const {doc, line} of documents) {
    const found: FoundReference[] = []
    collectReferences(doc, '', found)
    const isPublished = isPublishedId(doc._id)
    for (const {ref, weak, path} of found) {
      if (weak) continue
      // Drafts may point at other drafts; published documents only at published ones.
      const resolves = isPublished
        ? lineOf.has(ref) && isPublishedId(ref)
        : lineOf.has(ref) || lineOf.has(`drafts.${ref}`)
      if (!resolves) {
        problems.push({
          file,
          line,
          documentId: doc._id,
          field: path,
          message: `references "${ref}", which is not in the dataset`,
        })
      }
    }
  }

  if (problems.length > 0) throw new DatasetError(problems)

  const all = documents.map(({doc}) => doc)
  const publishedRaw = all.filter((doc) => isPublishedId(doc._id))
  const publication = preparePublication(publishedRaw, file, lineOf, options)
  return {
    file,
    all,
    published: publication.published,
    byId: new Map(publication.published.map((doc) => [doc._id, doc])),
    unpublishedCount: all.length - publishedRaw.length,
    lineOf,
    warnings: publication.warnings,
    scheduled: publication.scheduled,
    blocking: publication.blocking,
    leftOut: publication.leftOut,
  }
}

/**
 * The text of a dataset file. Sanity writes UTF-8; a file in another encoding
 * (UTF-16, or Latin-1 bytes from a spreadsheet) would otherwise be read with
 * replacement characters, silently. Each bad line is named.
 */
export function decodeDatasetBytes(bytes: Uint8Array, file: string): string {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new DatasetError([
      {
        file,
        line: 1,
        message: 'the file is UTF-16 text; a dataset must be UTF-8, as Sanity exports it',
      },
    ])
  }
  const strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
  try {
    return strict.decode(bytes)
  } catch {
    const problems: DatasetProblem[] = []
    const lossy = new TextDecoder('utf-8', {ignoreBOM: true})
    let start = 0
    let line = 1
    while (start <= bytes.length) {
      let end = bytes.indexOf(0x0a, start)
      if (end === -1) end = bytes.length
      const slice = bytes.subarray(start, end)
      try {
        strict.decode(slice)
      } catch {
        let documentId: string | undefined
        try {
          const id = (JSON.parse(lossy.decode(slice)) as {_id?: unknown})._id
          if (typeof id === 'string') documentId = showId(id)
        } catch {
          // Not JSON either: the line number has to do.
        }
        problems.push({
          file,
          line,
          ...(documentId !== undefined && {documentId}),
          message:
            'not valid UTF-8 text (was the file saved in another encoding, such as Latin-1?)',
        })
      }
      start = end + 1
      line++
    }
    throw new DatasetError(problems)
  }
}
