/**
 * Text as it may be published: invisible control characters and non-characters
 * removed, broken surrogates replaced (see text.ts). Editors cannot see them and
 * XML feeds cannot carry them, so they are cleaned rather than refused, and each
 * change is reported.
 */
import {cleanText} from '../text.ts'
import {fieldPath, isObject, itemPath} from './paths.ts'

/**
 * A copy of `value` with every string outside `_` system fields cleaned (only what
 * changed is copied); what changed is recorded in `changes`, by field path.
 */
export function cleanStrings(value: unknown, path: string, changes: Map<string, string>): unknown {
  if (typeof value === 'string') {
    const cleaned = cleanText(value)
    if (cleaned.change) changes.set(path, cleaned.change)
    return cleaned.text
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    value.forEach((item, index) => {
      const next = cleanStrings(item, itemPath(path, item, index), changes)
      if (next !== item) (copy ??= [...value])[index] = next
    })
    return copy ?? value
  }
  if (!isObject(value)) return value
  let copy: Record<string, unknown> | undefined
  for (const [field, child] of Object.entries(value)) {
    if (field.startsWith('_')) continue
    const next = cleanStrings(child, fieldPath(path, field), changes)
    if (next !== child) (copy ??= {...value})[field] = next
  }
  return copy ?? value
}
