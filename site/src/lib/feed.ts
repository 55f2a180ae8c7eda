/**
 * The site's feeds, format aside: the whole publication (/rss.xml, /feed.json)
 * and each category (/categories/<slug>/rss.xml and feed.json). A route builds
 * the Feed here and hands it to its writer, rss.ts or json-feed.ts, so the two
 * formats of a feed always say the same.
 */
import type {ImageUrls, ProjectedImage} from '@smart-cities/shared/content'
import type {APIRoute, GetStaticPaths} from 'astro'
import {routes} from '@smart-cities/shared/routes'

import {clean, feedImage, feedItems, feedSources, type FeedImage, type FeedItem} from './feed-items'
import {categoryOf} from './pages'
import {
  loadSiteContent,
  pageCacheKey,
  type Article,
  type Category,
  type Listicle,
  type SiteContent,
} from './site-content'
import {absoluteUrl} from './urls'

export interface Feed {
  title: string
  description: string
  /** The publication's name: the feed's author. */
  publisher: string
  /** The site's home page, absolute: where the feed's items come from. */
  home: string
  /** Where this feed is, absolute, in each format (each says where it is itself). */
  urls: {rss: string; json: string}
  /** The publication's image (the featured list's hero), when it is described fully. */
  image: FeedImage | undefined
  items: FeedItem[]
}

/** The language every feed declares: the site's (pages say lang="en" and og:locale en_US). */
export const FEED_LANGUAGE = 'en-US'

export function buildFeed(options: {
  images: ImageUrls
  site: URL | undefined
  title: string
  description: string
  publisher: string
  paths: {rss: string; json: string}
  image: ProjectedImage | null | undefined
  articles: Article[]
  listicles: Listicle[]
}): Feed {
  const {images, site} = options
  if (!site) throw new Error('Feeds need an absolute site URL (SITE_URL or the settings site URL).')
  return {
    title: clean(options.title),
    description: clean(options.description),
    publisher: clean(options.publisher),
    home: absoluteUrl(routes.home(), site),
    urls: {rss: absoluteUrl(options.paths.rss, site), json: absoluteUrl(options.paths.json, site)},
    image: feedImage(options.image, images, site),
    items: feedItems({images, site, articles: options.articles, listicles: options.listicles}),
  }
}

/** Everything the site publishes. */
export function siteFeed(content: SiteContent, site: URL | undefined): Feed {
  return buildFeed({
    images: content.source.images,
    site,
    title: content.settings.title,
    description: content.settings.tagline,
    publisher: content.settings.title,
    paths: {rss: routes.feed(), json: routes.jsonFeed()},
    image: content.featuredListicle.heroImage,
    articles: content.articles,
    listicles: content.listicles,
  })
}

/** One category's articles and ranked lists. */
export function categoryFeed(
  content: SiteContent,
  site: URL | undefined,
  category: Category,
): Feed {
  return buildFeed({
    images: content.source.images,
    site,
    title: `${content.settings.title}: ${category.title}`,
    description: category.description ?? `${category.title} from ${content.settings.title}.`,
    publisher: content.settings.title,
    paths: {rss: routes.categoryFeed(category.slug), json: routes.categoryJsonFeed(category.slug)},
    image: content.featuredListicle.heroImage,
    articles: content.articlesByCategory.get(category._id) ?? [],
    listicles: content.listiclesByCategory.get(category._id) ?? [],
  })
}

/** The category feed routes' pages (RSS and JSON alike): one per category. */
export const categoryFeedPaths = (async () => {
  const content = await loadSiteContent()
  return content.categories.map((category) => ({
    params: {slug: category.slug},
    // The settings and the featured list's hero (the feed's image) are in the layout's digest.
    cacheKey: pageCacheKey(
      content.layoutDigest,
      category,
      feedSources(
        content.articlesByCategory.get(category._id) ?? [],
        content.listiclesByCategory.get(category._id) ?? [],
      ),
    ),
  }))
}) satisfies GetStaticPaths

/** A category feed route: the feed of the category its slug names, in one format, or a 404. */
export const categoryFeedRoute =
  (write: (feed: Feed) => Response | Promise<Response>): APIRoute =>
  async ({params, locals, site}) => {
    const content = await loadSiteContent(locals)
    const category = categoryOf(content, params.slug)
    return category
      ? write(categoryFeed(content, site, category))
      : new Response(null, {status: 404})
  }

/** A site feed route, in one format. */
export const siteFeedRoute =
  (write: (feed: Feed) => Response | Promise<Response>): APIRoute =>
  async ({locals, site}) =>
    write(siteFeed(await loadSiteContent(locals), site))
