/**
 * Reads Sanity's NDJSON export format (one document per line, raw shape) and
 * checks what every consumer relies on: each line is a JSON object with a string
 * `_id` and `_type`, ids are unique, and every strong reference resolves.
 */
import {DatasetError, type DatasetProblem} from './errors.ts'

export interface SanityDocumentLike {
  _id: string
  _type: string
  [field: string]: unknown
}

export interface ParsedDataset {
  file: string
  /** Every document in file order, drafts and versions included (for validation). */
  all: SanityDocumentLike[]
  /** Published documents only: what the public site may see. */
  published: SanityDocumentLike[]
  /** Published documents by id, for O(1) dereferencing. */
  byId: Map<string, SanityDocumentLike>
  /** Drafts and release versions: parsed and checked, never served. */
  unpublishedCount: number
  /** Line of each document in the file, for error messages downstream. */
  lineOf: Map<string, number>
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

function collectReferences(value: unknown, path: string, found: FoundReference[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const key =
        item && typeof item === 'object' && typeof (item as {_key?: unknown})._key === 'string'
          ? `[_key=="${(item as {_key: string})._key}"]`
          : `[${index}]`
      collectReferences(item, `${path}${key}`, found)
    })
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

export function parseDataset(text: string, file: string): ParsedDataset {
  const problems: DatasetProblem[] = []
  const documents: Array<{doc: SanityDocumentLike; line: number}> = []
  const lineOf = new Map<string, number>()

  const lines = text.split('\n')
  if (lines[0]?.startsWith('\uFEFF')) lines[0] = lines[0].slice(1)
  lines.forEach((raw, index) => {
    const line = index + 1
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
      problems.push({file, line, message: 'each line must be one JSON object (a document)'})
      return
    }
    const doc = value as Record<string, unknown>
    const id = doc._id
    if (typeof id !== 'string' || !id) {
      problems.push({file, line, field: '_id', message: 'the document has no "_id" string'})
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

  const published = documents.map(({doc}) => doc).filter((doc) => isPublishedId(doc._id))
  return {
    file,
    all: documents.map(({doc}) => doc),
    published,
    byId: new Map(published.map((doc) => [doc._id, doc])),
    unpublishedCount: documents.length - published.length,
    lineOf,
  }
}
