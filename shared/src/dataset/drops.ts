/**
 * What is dropped from a document before it is checked, and why: references to
 * documents that are left out (or weak ones to documents that do not exist),
 * images without a usable asset, malformed optional dates. Where the value was
 * required, the contract check then reports it missing, with the note's reason.
 */
import {assetProblem, isImage} from './assets.ts'
import type {Notes, PublicationContext} from './context.ts'
import {badDate, isValidDatetime} from './dates.ts'
import {fieldPath, isObject, itemPath} from './paths.ts'

/** Optional date fields anywhere in a document: a malformed one is left out. */
const OPTIONAL_DATE_FIELDS = new Set(['updatedAt', 'postedAt'])

const DROP = Symbol('drop')

/** A copy of `doc` without what cannot be published; the reasons go into `notes`. */
export function dropUnpublishable<T>(doc: T, context: PublicationContext, notes: Notes): T {
  return drop(doc, '', context, notes) as T
}

function drop(value: unknown, path: string, context: PublicationContext, notes: Notes): unknown {
  if (Array.isArray(value)) return dropFromList(value, path, context, notes)
  if (!isObject(value)) return value
  if (path && typeof value._ref === 'string') return checkedReference(value, path, context, notes)
  if (path && isImage(value)) {
    const message = assetProblem(value, context)
    if (message) {
      notes.set(path, {message, consequence: 'the image is left out'})
      return DROP
    }
  }
  let copy: Record<string, unknown> | undefined
  for (const [field, child] of Object.entries(value)) {
    if (field.startsWith('_')) continue
    const childPath = fieldPath(path, field)
    let next: unknown
    if (OPTIONAL_DATE_FIELDS.has(field) && child != null && !isValidDatetime(child)) {
      notes.set(childPath, {message: badDate(child), consequence: 'the date is left out'})
      next = DROP
    } else {
      next = drop(child, childPath, context, notes)
    }
    if (next === child) continue
    copy ??= {...value}
    if (next === DROP) Reflect.deleteProperty(copy, field)
    else copy[field] = next
  }
  return copy ?? value
}

function dropFromList(
  list: unknown[],
  path: string,
  context: PublicationContext,
  notes: Notes,
): unknown[] {
  let copy: unknown[] | undefined
  list.forEach((item, index) => {
    const next = drop(item, itemPath(path, item, index), context, notes)
    if (next !== item) (copy ??= list.slice(0, index)).push(...(next === DROP ? [] : [next]))
    else copy?.push(item)
  })
  return copy ?? list
}

/** The reference, or DROP when its target is left out or not a published document. */
function checkedReference(
  reference: Record<string, unknown>,
  path: string,
  context: PublicationContext,
  notes: Notes,
): unknown {
  const ref = reference._ref as string
  const why = context.leftOut.get(ref)
  const consequence = 'the reference is dropped'
  if (why !== undefined) {
    const message = `references "${ref}" (line ${context.lineOf.get(ref)}), which ${why}`
    notes.set(path, {message, consequence})
    return DROP
  }
  if (!context.byId.has(ref)) {
    // A weak reference, or a strong one that references.ts has already reported.
    const message = `references "${ref}", which is not a published document in the dataset`
    notes.set(path, {message, consequence})
    return DROP
  }
  return reference
}
