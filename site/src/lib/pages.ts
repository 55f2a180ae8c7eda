/**
 * What each page shows, found from its route parameters. The static build and
 * the preview server render the same pages: the build lists the parameters in
 * getStaticPaths, the preview server takes them from the request, and both look
 * the content up here. Undefined means there is no such page (a 404).
 */
import {LISTING_PAGE_SIZE, routes} from '@smart-cities/shared/routes'
import type {Page} from 'astro'

import {relatedToArticle, relatedToCity} from './related'
import type {Article, Category, City, CityRanking, Listicle, SiteContent} from './site-content'

type RankedCity = Listicle['entries'][number]['city']

export interface ArticlePage {
  article: Article
  related: Article[]
  /** Latest is newest first: the newer article comes before, the older after. */
  newer: Article | undefined
  older: Article | undefined
}

export function articlePage(
  content: SiteContent,
  slug: string | undefined,
): ArticlePage | undefined {
  const article = slug === undefined ? undefined : content.articlesBySlug.get(slug)
  if (!article) return undefined
  const index = content.articles.indexOf(article)
  return {
    article,
    related: relatedToArticle(article, content),
    newer: content.articles[index - 1],
    older: content.articles[index + 1],
  }
}

export interface CityPage {
  city: City
  rankings: CityRanking[]
  related: Article[]
  /** Where the city stands in the featured ranking (-1: not in it), and its neighbours. */
  position: number
  previous: RankedCity | undefined
  next: RankedCity | undefined
}

export function cityPage(content: SiteContent, slug: string | undefined): CityPage | undefined {
  const city = slug === undefined ? undefined : content.citiesBySlug.get(slug)
  if (!city) return undefined
  // Previous and next follow the featured ranking.
  const entries = content.featuredListicle.entries
  const position = entries.findIndex((entry) => entry.city._id === city._id)
  return {
    city,
    rankings: content.rankingsByCity.get(city._id) ?? [],
    related: relatedToCity(city, content),
    position,
    previous: position > 0 ? entries[position - 1]!.city : undefined,
    next: position >= 0 ? entries[position + 1]?.city : undefined,
  }
}

export function listiclePage(
  content: SiteContent,
  slug: string | undefined,
): {listicle: Listicle; canonicalPath: string | undefined} | undefined {
  const listicle = slug === undefined ? undefined : content.listiclesBySlug.get(slug)
  if (!listicle) return undefined
  // The featured list is the home page: one list, one canonical address.
  const featured = listicle._id === content.featuredListicle._id
  return {listicle, canonicalPath: featured ? routes.home() : undefined}
}

export const categoryOf = (content: SiteContent, slug: string | undefined): Category | undefined =>
  slug === undefined ? undefined : content.categoriesBySlug.get(slug)

/** The redirect from an old address, by its rest parameter ("articles/old" for /articles/old/). */
export const redirectOf = (content: SiteContent, oldAddress: string | undefined) =>
  oldAddress === undefined ? undefined : content.redirectsByFrom.get(`/${oldAddress}/`)

/**
 * The `page` parameter of a paged listing for each of its pages: none for the
 * first (`/latest/`), then "2", "3"… (`/latest/2/`), as Astro's paginate() names them.
 */
export function pageParams(count: number): Array<string | undefined> {
  const lastPage = Math.max(1, Math.ceil(count / LISTING_PAGE_SIZE))
  return Array.from({length: lastPage}, (_, index) => (index === 0 ? undefined : String(index + 1)))
}

/**
 * One page of a listing, shaped as Astro's paginate() shapes it (which runs only
 * inside getStaticPaths, so the preview server could not use it), or undefined
 * for a page number that does not exist: "1" (the first page has no number),
 * "02", "x", or past the last page.
 */
export function listingPage<T>(
  items: readonly T[],
  param: string | undefined,
  pathOf: (page: number) => string,
): Page<T> | undefined {
  const number = param === undefined ? 1 : /^[1-9]\d*$/.test(param) ? Number(param) : Number.NaN
  const lastPage = Math.max(1, Math.ceil(items.length / LISTING_PAGE_SIZE))
  if (!(number >= 1 && number <= lastPage) || param === '1') return undefined
  const start = (number - 1) * LISTING_PAGE_SIZE
  const end = Math.min(start + LISTING_PAGE_SIZE, items.length)
  const other = (page: number, exists: boolean) => (exists ? pathOf(page) : undefined)
  return {
    data: items.slice(start, end),
    start,
    end: end - 1,
    size: LISTING_PAGE_SIZE,
    total: items.length,
    currentPage: number,
    lastPage,
    url: {
      current: pathOf(number),
      prev: other(number - 1, number > 1),
      next: other(number + 1, number < lastPage),
      first: other(1, number > 1),
      last: other(lastPage, number < lastPage),
    },
  }
}

export interface CategoryPage {
  category: Category
  page: Page<Article>
  /** The first page also lists the category's ranked lists and cities. */
  lists: Listicle[]
  cities: City[]
}

export function categoryPage(
  content: SiteContent,
  slug: string | undefined,
  param: string | undefined,
): CategoryPage | undefined {
  const category = categoryOf(content, slug)
  if (!category) return undefined
  const articles = content.articlesByCategory.get(category._id) ?? []
  const page = listingPage(articles, param, (number) => routes.category(category.slug, number))
  if (!page) return undefined
  const first = page.currentPage === 1
  return {
    category,
    page,
    lists: first ? (content.listiclesByCategory.get(category._id) ?? []) : [],
    cities: first ? (content.citiesByTheme.get(category._id) ?? []) : [],
  }
}
