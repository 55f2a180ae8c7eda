/**
 * Every path the site builds a page or a feed at, from the same content the
 * pages read: what an old address may not shadow, and what a redirect may point
 * at. It mirrors src/pages/; tests/built-site/redirects.test.ts checks that it
 * names exactly the pages and feeds a build writes, so a new page type cannot be
 * forgotten here.
 */
import {routes} from '@smart-cities/shared/routes'

interface Pages {
  listicles: ReadonlyArray<{slug: string}>
  cities: ReadonlyArray<{slug: string}>
  articles: ReadonlyArray<{slug: string}>
  categories: ReadonlyArray<{_id: string; slug: string}>
  articlesByCategory: ReadonlyMap<string, readonly unknown[]>
  pageSize: number
}

/** Pages of a listing of `count` items (Astro's paginate() builds one even when empty). */
const pageNumbers = (count: number, pageSize: number) =>
  Array.from({length: Math.max(1, Math.ceil(count / pageSize))}, (_, index) => index + 1)

export function livePaths(content: Pages): Set<string> {
  const {listicles, cities, articles, categories, articlesByCategory, pageSize} = content
  return new Set([
    routes.home(),
    routes.lists(),
    routes.cities(),
    routes.categories(),
    routes.search(),
    routes.feed(),
    routes.jsonFeed(),
    '/robots.txt',
    '/sitemap-index.xml',
    ...pageNumbers(articles.length, pageSize).map((page) => routes.latest(page)),
    ...listicles.map((listicle) => routes.listicle(listicle.slug)),
    ...cities.map((city) => routes.city(city.slug)),
    ...articles.map((article) => routes.article(article.slug)),
    ...categories.flatMap((category) => [
      ...pageNumbers(articlesByCategory.get(category._id)?.length ?? 0, pageSize).map((page) =>
        routes.category(category.slug, page),
      ),
      routes.categoryFeed(category.slug),
      routes.categoryJsonFeed(category.slug),
    ]),
  ])
}
