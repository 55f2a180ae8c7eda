/**
 * What a feed carries, whatever its format: the entries (articles and ranked
 * lists, newest first, at most FEED_ITEM_LIMIT, none hidden from search engines)
 * with their permalink, date, summary, full HTML, categories, author and hero.
 * rss.ts writes them as RSS 2.0 and json-feed.ts as JSON Feed 1.1, so both
 * formats of a feed always hold the same items.
 *
 * Every string here is stripped of the code points XML 1.0 forbids, so either
 * writer can use it as it is; markup written here is escaped, and the HTML comes
 * from the same safe Portable Text renderer as the pages, with absolute URLs.
 */
import {escapeHTML} from '@portabletext/to-html'
import {stegaClean} from './stega'
import type {ImageUrls, ProjectedImage} from '@smart-cities/shared/content'
import {routes} from '@smart-cities/shared/routes'

import {renderPortableText} from './portable-text'
import type {Article, Listicle} from './site-content'
import {socialCardHtml} from './social-card'
import {absoluteUrl, safeUrl, stripForbiddenChars} from './urls'

/**
 * Feeds carry the newest items only: readers poll them often, and with years of
 * articles a complete feed would be megabytes of HTML fetched again and again.
 */
export const FEED_ITEM_LIMIT = 50

/** An image as feeds show it: its original file, described fully. */
export interface FeedImage {
  /** The original file, absolute (the RSS enclosure). */
  url: string
  width: number
  height: number
  /** In bytes. */
  size: number
  mimeType: string
  alt: string
}

export interface FeedItem {
  /** The permalink, absolute: the RSS link and guid, the JSON Feed id and url. */
  url: string
  title: string
  /** Undefined when the document's date does not parse. */
  published: Date | undefined
  summary: string
  /** Full HTML with absolute URLs: the hero as a figure, then the body. */
  html: string
  categories: string[]
  author: string
  hero: FeedImage | undefined
}

/** Text for a feed: a string without the code points XML 1.0 forbids (nor the preview's stega). */
export const clean = (value: unknown) =>
  typeof value === 'string' ? stegaClean(stripForbiddenChars(value)) : ''

/** An image's original file, or undefined when its asset is not described fully. */
export function feedImage(
  image: ProjectedImage | null | undefined,
  images: ImageUrls,
  site: URL,
): FeedImage | undefined {
  const asset = image?.asset
  const positive = (value: unknown): value is number =>
    Number.isSafeInteger(value) && Number(value) > 0
  if (!asset || !positive(asset.size) || !positive(asset.width) || !positive(asset.height))
    return undefined
  if (typeof asset.mimeType !== 'string' || !/^image\/[\w.+-]+$/.test(asset.mimeType))
    return undefined
  const original = safeUrl(images.original(asset))
  if (!original) return undefined
  return {
    url: absoluteUrl(original, site),
    width: asset.width,
    height: asset.height,
    size: asset.size,
    mimeType: asset.mimeType,
    alt: clean(image?.alt),
  }
}

/** The hero at the top of an item's HTML: its original file, with its dimensions and alt text. */
const heroFigure = (hero: FeedImage | undefined) =>
  hero
    ? `<figure><img src="${escapeHTML(hero.url)}" width="${hero.width}" height="${hero.height}" ` +
      `alt="${escapeHTML(hero.alt)}"></figure>`
    : ''

function listicleHtml(listicle: Listicle, images: ImageUrls, site: URL): string {
  const options = {images, baseUrl: site}
  const entries = listicle.entries
    .map(({city, blurb}, index) => {
      const link = absoluteUrl(routes.city(city.slug), site)
      return (
        `<h2>${index + 1}. <a href="${escapeHTML(link)}">${escapeHTML(city.name)}</a></h2>` +
        `<p>${escapeHTML(city.country)} · ${escapeHTML(city.region)}</p>` +
        (blurb ? `<p>${escapeHTML(blurb)}</p>` : '') +
        renderPortableText(city.summary, options) +
        (city.socialEmbed ? socialCardHtml(city.socialEmbed) : '')
      )
    })
    .join('')
  return (
    renderPortableText(listicle.intro, options) +
    entries +
    renderPortableText(listicle.closing, options)
  )
}

/** When a date is, to sort by (the text would put 10:00-08:00 before 15:00Z); undated last. */
const instant = (iso: string) => {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time
}

/** A feed's articles and ranked lists. */
type FeedSource = Article | Listicle

const isListicle = (source: FeedSource): source is Listicle => 'entries' in source

/**
 * What a feed shows: the newest FEED_ITEM_LIMIT of these articles and ranked
 * lists, none hidden from search engines. Also the feed's cache key.
 */
export function feedSources(articles: Article[], listicles: Listicle[]): FeedSource[] {
  // Pages hidden from search engines are not announced to subscribers either.
  const listed = (item: FeedSource) => !item.seo?.noIndex
  return [...articles.filter(listed), ...listicles.filter(listed)]
    .sort((a, b) => instant(b.publishedAt) - instant(a.publishedAt))
    .slice(0, FEED_ITEM_LIMIT)
}

/** A feed's items: the newest FEED_ITEM_LIMIT of these articles and ranked lists. */
export function feedItems(options: {
  images: ImageUrls
  site: URL
  articles: Article[]
  listicles: Listicle[]
}): FeedItem[] {
  const {images, site} = options
  // Only the items kept are rendered.
  return feedSources(options.articles, options.listicles).map((source) => {
    const entry = isListicle(source)
      ? {
          path: routes.listicle(source.slug),
          summary: source.dek,
          html: () => listicleHtml(source, images, site),
          categories: (source.categories ?? []).map((category) => category.title),
        }
      : {
          path: routes.article(source.slug),
          summary: source.excerpt,
          html: () => renderPortableText(source.body, {images, baseUrl: site}),
          categories: [source.category.title],
        }
    const published = new Date(source.publishedAt)
    const hero = feedImage(source.heroImage, images, site)
    return {
      url: absoluteUrl(entry.path, site),
      title: clean(source.title),
      published: Number.isNaN(published.getTime()) ? undefined : published,
      summary: clean(entry.summary),
      html: clean(heroFigure(hero) + entry.html()),
      categories: entry.categories.map(clean).filter(Boolean),
      author: clean(source.author.name),
      hero,
    }
  })
}
