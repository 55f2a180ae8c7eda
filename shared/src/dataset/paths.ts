/** Paths inside a document, written as Sanity writes them in validation markers. */

export const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** `entries[_key=="a1"]` when the item has a key, else `entries[3]`. */
export function itemPath(path: string, item: unknown, index: number): string {
  const key = isObject(item) && typeof item._key === 'string' ? `[_key=="${item._key}"]` : ''
  return `${path}${key || `[${index}]`}`
}

/** `seo.title`, or `title` at the top of a document. */
export const fieldPath = (path: string, field: string) => (path ? `${path}.${field}` : field)
