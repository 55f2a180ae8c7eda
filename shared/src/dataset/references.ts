/**
 * Every strong reference must resolve: to a published document from a published
 * one, and to a draft or a published document from a draft. A reference that does
 * not is a broken export, so it stops the build (weak references may dangle;
 * publish.ts drops those).
 */
import {isPublishedId, type SanityDocumentLike} from '../documents.ts'
import type {DatasetProblem} from './errors.ts'
import type {ParsedLine} from './parse.ts'
import {fieldPath, isObject, itemPath} from './paths.ts'

interface FoundReference {
  ref: string
  weak: boolean
  path: string
}

export function checkReferences(
  documents: ParsedLine[],
  lineOf: Map<string, number>,
  file: string,
): DatasetProblem[] {
  const problems: DatasetProblem[] = []
  for (const {doc, line} of documents) {
    const published = isPublishedId(doc._id)
    for (const {ref, weak, path} of referencesOf(doc)) {
      if (weak) continue
      const resolves = published
        ? lineOf.has(ref) && isPublishedId(ref)
        : lineOf.has(ref) || lineOf.has(`drafts.${ref}`)
      if (resolves) continue
      const message = `references "${ref}", which is not in the dataset`
      problems.push({file, line, documentId: doc._id, field: path, message})
    }
  }
  return problems
}

/** Every `_ref` in a document (parse.ts has made sure it is not absurdly deep). */
function referencesOf(doc: SanityDocumentLike): FoundReference[] {
  const found: FoundReference[] = []
  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, itemPath(path, item, index)))
      return
    }
    if (!isObject(value)) return
    if (typeof value._ref === 'string') {
      found.push({ref: value._ref, weak: value._weak === true, path: path || '_ref'})
    }
    for (const [field, child] of Object.entries(value)) {
      if (field !== '_ref' && child !== null && typeof child === 'object') {
        visit(child, fieldPath(path, field))
      }
    }
  }
  visit(doc, '')
  return found
}
