/**
 * RSS 2.0 feeds with @astrojs/rss: full HTML in content:encoded with absolute
 * URLs, categories, dc:creator, the hero image as enclosure and media:content,
 * and atom:link rel="self". Item guids are the permalinks, stable across builds.
 * Every string from content is stripped of the characters XML 1.0 forbids (the
 * feed stays well-formed); @astrojs/rss escapes text, markup here is escaped.
 */
import rss from '@astrojs/rss'
import {escapeHTML} from '@portabletext/to-html'
import type {ProjectedImage} from '@smart-cities/shared/content'
import {routes} from '@smart-cities/shared/routes'

import {renderPortableText} from './portable-text'
import type {Article, Listicle, SiteContent} from './site-content'
import {socialCardHtml} from './social-card'
import {absoluteUrl, safeUrl, stripForbiddenChars} from './urls'

/**
 * Feeds carry the newest items only: readers poll them often, and with years of
 * articles a complete feed would be megabytes of HTML fetched again and again.
 */
export const FEED_ITEM_LIMIT = 50

/** What a feed item needs, whether it comes from an article or a ranked list. */
interface FeedEntry {
  title: string
  path: string
  publishedAt: string
  summary: string
  html: () => string
  categories: string[]
  authorName: string
  heroImage: ProjectedImage | null
}

/** The hero as enclosure and media:content; nothing when its asset is not described fully. */
function imageElements(image: ProjectedImage | null, content: SiteContent, site: URL) {
  const asset = image?.asset
  const positive = (value: unknown): value is number =>
    Number.isSafeInteger(value) && Number(value) > 0
  if (!asset || !positive(asset.size) || !positive(asset.width) || !positive(asset.height))
    return {}
  if (typeof asset.mimeType !== 'string' || !/^image\/[\w.+-]+$/.test(asset.mimeType)) return {}
  const original = safeUrl(content.source.images.original(asset))
  if (!original) return {}
  const url = absoluteUrl(original, site)
  return {
    enclosure: {url, length: asset.size, type: asset.mimeType},
    media:
      `<media:content url="${escapeXml(url)}" medium="image" type="${escapeXml(asset.mimeType)}" ` +
      `width="${asset.width}" height="${asset.height}">` +
      (typeof image?.alt === 'string' && image.alt
        ? `<media:description type="plain">${escapeXml(image.alt)}</media:description>`
        : '') +
      `</media:content>`,
  }
}

function listicleHtml(listicle: Listicle, content: SiteContent, site: URL): string {
  const options = {images: content.source.images, baseUrl: site}
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

/** Text for XML markup written here (escapeHTML would write &nbsp;, which XML lacks). */
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char]!)

/** When a date is, to sort by (the text would put 10:00-08:00 before 15:00Z); undated last. */
const instant = (iso: string) => {
  const time = Date.parse(iso)
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time
}

/** Text for the feed: a string without the code points XML 1.0 forbids. */
const clean = (value: unknown) => (typeof value === 'string' ? stripForbiddenChars(value) : '')

export async function buildFeed(options: {
  content: SiteContent
  site: URL | undefined
  title: string
  description: string
  selfPath: string
  articles: Article[]
  listicles: Listicle[]
}) {
  const {content, site} = options
  if (!site) throw new Error('Feeds need an absolute site URL (SITE_URL or the settings site URL).')
  // Pages hidden from search engines are not announced to subscribers either.
  const listed = <T extends {seo: {noIndex: boolean | null} | null}>(item: T) => !item.seo?.noIndex
  const entries: FeedEntry[] = [
    ...options.articles.filter(listed).map((article) => ({
      title: article.title,
      path: routes.article(article.slug),
      publishedAt: article.publishedAt,
      summary: article.excerpt,
      html: () => renderPortableText(article.body, {images: content.source.images, baseUrl: site}),
      categories: [article.category.title],
      authorName: article.author.name,
      heroImage: article.heroImage,
    })),
    ...options.listicles.filter(listed).map((listicle) => ({
      title: listicle.title,
      path: routes.listicle(listicle.slug),
      publishedAt: listicle.publishedAt,
      summary: listicle.dek,
      html: () => listicleHtml(listicle, content, site),
      categories: (listicle.categories ?? []).map((category) => category.title),
      authorName: listicle.author.name,
      heroImage: listicle.heroImage,
    })),
  ]
    .sort((a, b) => instant(b.publishedAt) - instant(a.publishedAt))
    .slice(0, FEED_ITEM_LIMIT)

  return rss({
    title: clean(options.title),
    description: clean(options.description),
    site,
    xmlns: {
      atom: 'http://www.w3.org/2005/Atom',
      dc: 'http://purl.org/dc/elements/1.1/',
      media: 'http://search.yahoo.com/mrss/',
    },
    customData:
      `<language>en-us</language>` +
      `<atom:link href="${escapeXml(absoluteUrl(options.selfPath, site))}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
    items: entries.map((entry) => {
      const image = imageElements(entry.heroImage, content, site)
      const pubDate = new Date(entry.publishedAt)
      return {
        // RSS needs a title or a description; the address stands in for both missing.
        title: clean(entry.title) || (clean(entry.summary) ? '' : absoluteUrl(entry.path, site)),
        link: entry.path,
        ...(Number.isNaN(pubDate.getTime()) ? {} : {pubDate}),
        description: clean(entry.summary),
        content: clean(entry.html()),
        categories: entry.categories.map(clean).filter(Boolean),
        ...(image.enclosure ? {enclosure: image.enclosure} : {}),
        customData: clean(
          `<dc:creator>${escapeXml(clean(entry.authorName))}</dc:creator>${image.media ?? ''}`,
        ),
      }
    }),
  })
}
