/** How problems name documents and values, in words an editor reads. */

const LABELS: Record<string, string> = {
  article: 'article',
  city: 'city',
  listicle: 'ranked list',
  category: 'category',
  author: 'author',
  siteSettings: 'site settings document',
  redirect: 'redirect',
  'sanity.imageAsset': 'image asset',
}

/** "ranked list", "city"… for a document type. */
export const label = (type: string) => LABELS[type] ?? `"${type}" document`

/** "an article", "a city". */
export const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`

/** What a value is, for "must be text, not a number (3)". */
export function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return 'text'
  if (typeof value === 'number') return `a number (${value})`
  if (typeof value === 'boolean') return `${value}`
  return typeof value === 'object' ? 'an object' : typeof value
}

/** An id as it may be shown in a message: escaped and shortened. */
export const showId = (id: string) =>
  JSON.stringify(id.length > 80 ? `${id.slice(0, 80)}…` : id).slice(1, -1)
