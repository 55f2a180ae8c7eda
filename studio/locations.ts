/**
 * Where a document shows on the site, for the Presentation tool ("Used on 4
 * pages", each a link that opens the page beside the form). One GROQ query per
 * type reads what the answer depends on, with the perspective the editor is
 * looking at; locationsFrom turns the answer into pages, with the paths
 * shared/src/routes.ts gives the site:
 *
 * - a city: its page, the home page and each list that ranks it, the cities index;
 * - an article: its page, the Latest page and the page of its category it is
 *   listed on (by date, as the site pages them), the home page while it is one
 *   of the newest;
 * - a ranked list: its page, the home page when it is the featured one, the lists index;
 * - a category: its pages and the sections index;
 * - an author: the pages of what they wrote (byline and author box);
 * - the settings: every page.
 */
import {
  documentPath,
  HOME_LATEST_COUNT,
  LISTING_PAGE_SIZE,
  routes,
} from '@smart-cities/shared/routes'
import {SITE_SETTINGS_ID} from '@smart-cities/shared/schema'
import {map} from 'rxjs'
import type {
  DocumentLocation,
  DocumentLocationResolver,
  DocumentLocationsState,
} from 'sanity/presentation'

/** The site's order of Latest (newest first, then by id): what comes before an article there. */
const newerThan = (also = '') => /* groq */ `count(*[_type == "article" && defined(slug.current)
  && dateTime(publishedAt) <= dateTime(now()) ${also}
  && (dateTime(publishedAt) > dateTime(^.publishedAt)
    || (dateTime(publishedAt) == dateTime(^.publishedAt) && _id < ^._id))])`

const featured = /* groq */ `*[_id == "${SITE_SETTINGS_ID}"][0].featuredListicle._ref`

/** What each type's locations depend on; `$id` is the document's published id. */
export const LOCATION_QUERIES: Record<string, string> = {
  city: /* groq */ `*[_id == $id][0]{
    _id, name, "slug": slug.current,
    "featured": ${featured},
    "lists": *[_type == "listicle" && defined(slug.current) && references(^._id)]
      | order(dateTime(publishedAt) desc, _id asc){_id, title, "slug": slug.current}
  }`,
  article: /* groq */ `*[_id == $id][0]{
    _id, title, "slug": slug.current, publishedAt,
    "scheduled": dateTime(publishedAt) > dateTime(now()),
    "category": category->{title, "slug": slug.current},
    "newer": ${newerThan()},
    "newerInCategory": ${newerThan('&& category._ref == ^.category._ref')}
  }`,
  listicle: /* groq */ `*[_id == $id][0]{_id, title, "slug": slug.current, "featured": ${featured}}`,
  category: /* groq */ `*[_id == $id][0]{
    title, "slug": slug.current,
    "articles": count(*[_type == "article" && defined(slug.current)
      && dateTime(publishedAt) <= dateTime(now()) && category._ref == ^._id])
  }`,
  author: /* groq */ `*[_id == $id][0]{
    name,
    "featured": ${featured},
    "articles": *[_type == "article" && defined(slug.current) && dateTime(publishedAt) <= dateTime(now())
      && author._ref == ^._id] | order(dateTime(publishedAt) desc, _id asc){title, "slug": slug.current},
    "lists": *[_type == "listicle" && defined(slug.current) && author._ref == ^._id]
      | order(dateTime(publishedAt) desc, _id asc){_id, title, "slug": slug.current}
  }`,
}

type Listing = {_id?: string; title?: string | null; slug?: string | null}
type Answer = Record<string, unknown> & {
  _id?: string
  title?: string | null
  name?: string | null
  slug?: string | null
  featured?: string | null
  lists?: Listing[]
  articles?: Listing[] | number
  scheduled?: boolean
  category?: Listing | null
  newer?: number
  newerInCategory?: number
}

/** The page of a listing on which the entry after `before` others stands. */
const pageOf = (before: number) => Math.floor(before / LISTING_PAGE_SIZE) + 1

const HOME: DocumentLocation = {title: 'Home page', href: routes.home()}
const titled = (title: string | null | undefined, fallback: string) => title?.trim() || fallback

function listLocations(lists: Listing[], featuredId: string | null | undefined) {
  return lists.flatMap((list) => {
    const href = documentPath({_type: 'listicle', slug: {current: list.slug ?? undefined}})
    if (!href) return []
    const page = {title: titled(list.title, 'Ranked list'), href}
    return list._id === featuredId ? [HOME, page] : [page]
  })
}

/** The pages a document of `type` shows on, from its answer to LOCATION_QUERIES[type]. */
export function locationsFrom(type: string, answer: Answer | null): DocumentLocationsState | null {
  if (type === 'siteSettings') {
    return {
      locations: [HOME],
      message: 'The settings show on every page of the site.',
      tone: 'positive',
    }
  }
  if (!answer) return null
  const own = documentPath({_type: type, slug: {current: answer.slug ?? undefined}})
  const self = (fallback: string) =>
    own ? [{title: titled(answer.title ?? answer.name, fallback), href: own}] : []
  let locations: DocumentLocation[]
  switch (type) {
    case 'city':
      locations = [
        ...self('City'),
        ...listLocations(answer.lists ?? [], answer.featured),
        {title: 'Cities', href: routes.cities()},
      ]
      break
    case 'article': {
      if (answer.scheduled) {
        return {
          message: 'Scheduled: it shows on the site from its publication date.',
          tone: 'caution',
        }
      }
      const category = answer.category
      locations = [
        ...self('Article'),
        ...((answer.newer ?? 0) < HOME_LATEST_COUNT ? [HOME] : []),
        {title: 'Latest', href: routes.latest(pageOf(answer.newer ?? 0))},
        ...(category?.slug
          ? [
              {
                title: titled(category.title, 'Category'),
                href: routes.category(category.slug, pageOf(answer.newerInCategory ?? 0)),
              },
            ]
          : []),
      ]
      break
    }
    case 'listicle':
      locations = [
        ...(answer._id === answer.featured ? [HOME] : []),
        ...self('Ranked list'),
        {title: 'Ranked lists', href: routes.lists()},
      ]
      break
    case 'category': {
      const pages = Math.max(1, Math.ceil(Number(answer.articles ?? 0) / LISTING_PAGE_SIZE))
      locations = own
        ? Array.from({length: pages}, (_, index) => ({
            title: `${titled(answer.title, 'Category')}${index ? ` (page ${index + 1})` : ''}`,
            href: routes.category(answer.slug!, index + 1),
          }))
        : []
      locations.push({title: 'Sections', href: routes.categories()})
      break
    }
    case 'author':
      locations = [
        ...(Array.isArray(answer.articles) ? answer.articles : []).flatMap((article) => {
          const href = documentPath({_type: 'article', slug: {current: article.slug ?? undefined}})
          return href ? [{title: titled(article.title, 'Article'), href}] : []
        }),
        ...listLocations(answer.lists ?? [], answer.featured),
      ]
      break
    default:
      return null
  }
  // A page shows once, however many ways lead to it.
  const unique = [...new Map(locations.map((location) => [location.href, location])).values()]
  return unique.length ? {locations: unique} : {message: 'Not on the site yet.', tone: 'caution'}
}

/** Presentation's `resolve.locations`: the answer, kept current as documents change. */
export const resolveLocations: DocumentLocationResolver = (params, {documentStore}) => {
  if (params.type === 'siteSettings') return locationsFrom('siteSettings', null)
  const query = LOCATION_QUERIES[params.type]
  if (!query) return null
  return documentStore
    .listenQuery(
      query,
      {id: params.id},
      {
        perspective: params.perspectiveStack.length ? params.perspectiveStack : 'drafts',
        ...(params.variant ? {variant: params.variant} : {}),
        tag: 'presentation-locations',
      },
    )
    .pipe(map((answer: Answer | null) => locationsFrom(params.type, answer)))
}
