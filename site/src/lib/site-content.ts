/**
 * Everything the site shows, fetched once per build with a few bulk queries
 * and shared by every page (Astro renders all pages in one process). Lookups
 * the pages need (articles of a category, a city's ranks…) are built here once,
 * not per page. The preview server reads the same content once per request
 * (`locals.preview`, set by its middleware), with the studio's perspective.
 */
import {createHash} from 'node:crypto'

import {stegaClean} from './stega'
import {getContentSource, type ContentSource} from '@smart-cities/shared/content'
import {readEnvironment} from '@smart-cities/shared/environment'
import {
  ARTICLES_QUERY,
  CATEGORIES_QUERY,
  CITIES_QUERY,
  LISTICLES_QUERY,
  REDIRECTS_QUERY,
  SITE_SETTINGS_QUERY,
} from '@smart-cities/shared/queries'
import {ReportableError} from '@smart-cities/shared/reportable-error'
import {LISTING_PAGE_SIZE, routes} from '@smart-cities/shared/routes'
import type {
  ARTICLES_QUERY_RESULT,
  CATEGORIES_QUERY_RESULT,
  CITIES_QUERY_RESULT,
  LISTICLES_QUERY_RESULT,
} from '@smart-cities/shared/types'

import buildLog from '../../scripts/build-log'
import {redirectStore} from './redirect-store'
import {resolveRedirects, type RedirectWarning} from './redirects'
import {livePaths} from './site-paths'
import {unlistedPaths} from './unlisted'

export type Article = ARTICLES_QUERY_RESULT[number]
export type City = CITIES_QUERY_RESULT[number]
export type Listicle = LISTICLES_QUERY_RESULT[number]
export type Category = CATEGORIES_QUERY_RESULT[number]

export interface CityRanking {
  listicle: Pick<Listicle, '_id' | 'title' | 'slug'>
  rank: number
}

function groupBy<T>(
  items: readonly T[],
  keysOf: (item: T) => Array<string | undefined>,
): Map<string, T[]> {
  const groups = new Map<string, T[]>()
  for (const item of items) {
    for (const key of keysOf(item)) {
      if (key === undefined) continue
      const group = groups.get(key)
      if (group) group.push(item)
      else groups.set(key, [item])
    }
  }
  return groups
}

const environment = readEnvironment()

/** How many articles a listing page shows. */
export const PAGE_SIZE = LISTING_PAGE_SIZE

const sha256 = (text: string) => createHash('sha256').update(text).digest('base64url')

/** Each document's digest, computed once per build however many pages show it. */
const documentDigests = new WeakMap<object, string>()

/**
 * A query result's document (anything with an `_id`) as its digest: the
 * SHA-256 of all of its JSON. Query results are never changed once read, so a
 * document is serialised once, not once for every page that shows it.
 */
function digestDocuments(this: unknown, key: string, value: unknown): unknown {
  if (key === '' || !value || typeof value !== 'object' || !('_id' in value)) return value
  let digest = documentDigests.get(value)
  if (digest === undefined) {
    digest = sha256(JSON.stringify(value))
    documentDigests.set(value, digest)
  }
  return digest
}

/**
 * A page's `cacheKey` for getStaticPaths: with Astro's incremental build
 * (SITE_INCREMENTAL_BUILD=true), a digest of everything the page shows, so a
 * page whose key is unchanged is copied from the previous build instead of
 * rendered again. Missing an input here means a stale page, so pages pass whole
 * query results (documents count by the digest of their whole JSON). Without
 * incremental builds there is nothing to compare against, and hashing every
 * page's content is skipped.
 */
export function pageCacheKey(...parts: unknown[]): string | undefined {
  if (!environment.site.incrementalBuild) return undefined
  return sha256(JSON.stringify(parts, digestDocuments))
}

/**
 * Local draft preview (README, "Settings"): `pnpm dev` with a read token and
 * SANITY_PREVIEW_DRAFTS=true. __DRAFT_PREVIEW__ is set by astro.config.ts and is
 * true only under `astro dev`; a build refuses the variable outright.
 */
const previewDrafts = typeof __DRAFT_PREVIEW__ !== 'undefined' && __DRAFT_PREVIEW__ === true

const bySlug = <T extends {slug: string}>(items: readonly T[]) =>
  new Map(items.map((item) => [item.slug, item]))

/**
 * "12:00:31 [content] articles: 100,000 in 100 pages, …": a line per collection a
 * Content Lake sends in pages, written through the site's log destination
 * (scripts/build-log.ts, which astro.config.ts names) as Astro writes its own.
 */
const contentLog = buildLog()
const progress = (message: string) =>
  contentLog.write({label: 'content', level: 'info', message, newLine: true})

/** Everything the pages show, read from one content source with the six bulk queries. */
export async function readSiteContent(source: ContentSource) {
  const [settings, listicles, articles, categories, cities, oldAddresses] = await Promise.all([
    source.fetch(SITE_SETTINGS_QUERY),
    source.fetch(LISTICLES_QUERY),
    source.fetch(ARTICLES_QUERY),
    source.fetch(CATEGORIES_QUERY),
    source.fetch(CITIES_QUERY),
    source.fetch(REDIRECTS_QUERY),
  ])
  if (!settings) {
    throw new ReportableError(
      `${source.description}: there is no published "siteSettings" document; the site needs its name, tagline and featured list.`,
    )
  }
  const featuredListicle = listicles.find(
    (listicle) => listicle._id === settings.featuredListicleId,
  )
  if (!featuredListicle) {
    throw new ReportableError(
      `${source.description}: document "siteSettings", field "featuredListicle" points at ` +
        `"${settings.featuredListicleId}", which is not a published ranked list with a slug.`,
    )
  }

  // Both queries return newest first; grouping keeps that order.
  const articlesByCategory = groupBy(articles, (article) => [article.category?._id])
  const listiclesByCategory = groupBy(listicles, (listicle) =>
    (listicle.categories ?? []).map((category) => category._id),
  )
  const articlesByCity = groupBy(articles, (article) =>
    (article.relatedCities ?? []).map((city) => city._id),
  )
  const citiesByTheme = groupBy(cities, (city) => (city.themes ?? []).map((theme) => theme._id))

  const rankingsByCity = new Map<string, CityRanking[]>()
  for (const listicle of listicles) {
    listicle.entries.forEach((entry, index) => {
      const rankings = rankingsByCity.get(entry.city._id) ?? []
      rankings.push({
        listicle: {_id: listicle._id, title: listicle.title, slug: listicle.slug},
        rank: index + 1,
      })
      rankingsByCity.set(entry.city._id, rankings)
    })
  }

  // Pages editors hid from search engines, and the featured list's own page (its
  // canonical address is the home page), stay out of the sitemap (astro.config.ts).
  const unlisted = unlistedPaths()
  for (const article of articles) {
    if (article.seo?.noIndex) unlisted.add(routes.article(article.slug))
  }
  for (const listicle of listicles) {
    if (listicle.seo?.noIndex) unlisted.add(routes.listicle(listicle.slug))
  }
  unlisted.add(routes.listicle(featuredListicle.slug))
  if (featuredListicle.seo?.noIndex) unlisted.add(routes.home())

  // Old addresses: each a permanent redirect to a page built here, never in the sitemap.
  const pageOf = new Map([
    ...listicles.map((listicle) => [listicle._id, routes.listicle(listicle.slug)] as const),
    ...cities.map((city) => [city._id, routes.city(city.slug)] as const),
    ...articles.map((article) => [article._id, routes.article(article.slug)] as const),
    ...categories.map((category) => [category._id, routes.category(category.slug)] as const),
  ])
  const live = livePaths({
    listicles,
    cities,
    articles,
    categories,
    articlesByCategory,
    pageSize: PAGE_SIZE,
  })
  // Addresses, never text: without the preview's stega, or no old address would match.
  const {redirects, warnings} = resolveRedirects({
    ...stegaClean(oldAddresses),
    livePaths: live,
    pageOf,
  })
  printRedirectWarnings(source.description, warnings)
  for (const redirect of redirects) unlisted.add(redirect.from)
  redirectStore().redirects = redirects

  // Both queries return newest first.
  const newestDate = [articles[0]?.publishedAt, listicles[0]?.publishedAt]
    .filter((date): date is string => date !== undefined)
    .sort((a, b) => Date.parse(b) - Date.parse(a))[0]!

  // The footer's copyright year: that of the newest piece, so a rebuild of the same content gives the same page.
  const copyrightYear = newestDate.slice(0, 4)

  // What the layout shows on every page (head, header, footer with every section):
  // a change here changes every page's key.
  const layoutDigest = pageCacheKey(
    source.images.scheme,
    settings,
    featuredListicle.heroImage,
    categories.map(({slug, title}) => [slug, title]),
    copyrightYear,
  )

  return {
    source,
    layoutDigest,
    settings,
    featuredListicle,
    copyrightYear,
    listicles,
    articles,
    categories,
    cities,
    // What a page's route parameters name: pages find their content here.
    articlesBySlug: bySlug(articles),
    citiesBySlug: bySlug(cities),
    listiclesBySlug: bySlug(listicles),
    categoriesBySlug: bySlug(categories),
    articlesByCategory,
    listiclesByCategory,
    articlesByCity,
    citiesByTheme,
    rankingsByCity,
    redirects,
    redirectsByFrom: new Map(redirects.map((redirect) => [redirect.from, redirect])),
  }
}

/** One line per old address that cannot redirect, as the dataset's notices are printed. */
function printRedirectWarnings(source: string, warnings: RedirectWarning[]) {
  if (warnings.length === 0) return
  const lines = warnings.map(
    ({documentId, field, message}) =>
      `  warning: document "${documentId}", field "${field}": ${message}`,
  )
  const count = `${warnings.length} redirect${warnings.length === 1 ? '' : 's'} dropped`
  console.warn(`${source}: ${count}:\n${lines.join('\n')}`)
}

export type SiteContent = Awaited<ReturnType<typeof readSiteContent>>

let siteContent: Promise<SiteContent> | undefined

// Local draft preview reads for every page it shows: no progress line for each.
const readBuildContent = () =>
  readSiteContent(
    getContentSource(environment.content, {previewDrafts, ...(previewDrafts ? {} : {progress})}),
  )

/**
 * The content a page shows: on the preview server the request's own (its
 * middleware puts it in `locals`), otherwise the build's, read once.
 * `getStaticPaths` has no locals and always reads the build's.
 */
export function loadSiteContent(locals?: App.Locals): Promise<SiteContent> {
  if (locals?.preview) return locals.preview.content
  // Local draft preview reads afresh for every page, so editors see their latest changes.
  if (previewDrafts) return readBuildContent()
  siteContent ??= readBuildContent()
  return siteContent
}
