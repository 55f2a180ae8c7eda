/**
 * Where each document lives on the public site. The site builds its pages at these
 * paths and the studio links "open on the site" to them; both import this module.
 */
export const routes = {
  home: () => '/',
  /** Index pages: every ranked list, every city, every category ("Sections"). */
  lists: () => '/lists/',
  cities: () => '/cities/',
  categories: () => '/categories/',
  listicle: (slug: string) => `/lists/${slug}/`,
  city: (slug: string) => `/cities/${slug}/`,
  article: (slug: string) => `/articles/${slug}/`,
  category: (slug: string, page = 1) =>
    page > 1 ? `/categories/${slug}/${page}/` : `/categories/${slug}/`,
  latest: (page = 1) => (page > 1 ? `/latest/${page}/` : '/latest/'),
  /** Site search (Pagefind): the header's search box submits to it with ?q=. */
  search: () => '/search/',
  /** RSS 2.0, the whole site and one category. */
  feed: () => '/rss.xml',
  categoryFeed: (slug: string) => `/categories/${slug}/rss.xml`,
  /** JSON Feed 1.1, with the same items as the RSS feed beside it. */
  jsonFeed: () => '/feed.json',
  categoryJsonFeed: (slug: string) => `/categories/${slug}/feed.json`,
  /** A file the site writes from a dataset's images (site/src/pages/images/). */
  image: (fileName: string) => `/images/${fileName}`,
} as const

/** Document types with a page of their own: they keep their earlier slugs, and redirects may point at them. */
export const PAGE_TYPES = ['listicle', 'city', 'article', 'category'] as const

/**
 * Where the studio's Presentation tool starts a preview session on the editors'
 * preview server (its `previewMode.enable`; site/src/preview/middleware.ts).
 */
export const PREVIEW_ENABLE_PATH = '/api/preview/enable/'

/** How many entries a listing page shows (Latest, a category's articles); page 1 has no number. */
export const LISTING_PAGE_SIZE = 10

/** How many of the newest Latest articles the home page shows under the ranking. */
export const HOME_LATEST_COUNT = 4

/** The public path of a document, or undefined for types without a page (authors, settings). */
export function documentPath(document: {
  _type: string
  slug?: {current?: string}
}): string | undefined {
  const slug = document.slug?.current
  if (!slug) return undefined
  switch (document._type) {
    case 'listicle':
      return routes.listicle(slug)
    case 'city':
      return routes.city(slug)
    case 'article':
      return routes.article(slug)
    case 'category':
      return routes.category(slug)
    default:
      return undefined
  }
}
