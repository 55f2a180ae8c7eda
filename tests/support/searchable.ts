/**
 * What site search should find, worked out from the raw documents of a dataset
 * (never from the code that writes the index): each published article, city,
 * ranked list and section, by the address the site's routes give it.
 */
import type {Doc} from './dataset-files'

type Ref = {_ref: string}
const slugOf = (doc: Doc) => (doc.slug as {current: string}).current
export const isPublished = (doc: Doc) =>
  !doc._id.startsWith('drafts.') && !doc._id.startsWith('versions.')

const BASE = {
  article: '/articles/',
  city: '/cities/',
  listicle: '/lists/',
  category: '/categories/',
}

/** The address of each searchable published document, by its id. */
export function searchableUrls(docs: Doc[]): Map<string, string> {
  const published = docs.filter(isPublished)
  const featured = (published.find((doc) => doc._type === 'siteSettings')!.featuredListicle as Ref)
    ._ref
  return new Map(
    published
      .filter((doc): doc is Doc & {_type: keyof typeof BASE} => doc._type in BASE)
      .map((doc) => [doc._id, doc._id === featured ? '/' : `${BASE[doc._type]}${slugOf(doc)}/`]),
  )
}

/** The published articles' addresses, newest first. */
export function articlesNewestFirst(docs: Doc[]): string[] {
  const urls = searchableUrls(docs)
  return docs
    .filter((doc) => doc._type === 'article' && isPublished(doc))
    .sort((a, b) => Date.parse(b.publishedAt as string) - Date.parse(a.publishedAt as string))
    .map((doc) => urls.get(doc._id)!)
}
