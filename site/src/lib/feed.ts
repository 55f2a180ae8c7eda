/**
 * RSS 2.0 feeds with @astrojs/rss: full HTML in content:encoded with absolute
 * URLs, categories, dc:creator, the hero image as enclosure and media:content,
 * and atom:link rel="self". Item guids are the permalinks, stable across builds.
 */
import rss from '@astrojs/rss'
import {escapeHTML} from '@portabletext/to-html'
import {routes} from '@smart-cities/shared/routes'

import {originalImageUrl, type SiteImage} from './images'
import {renderPortableText} from './portable-text'
import type {Article, Listicle, SiteContent} from './site-content'
import {socialCardHtml} from './social-card'
import {absoluteUrl} from './urls'

interface FeedItemSource {
  kind: 'article' | 'listicle'
  publishedAt: string
  item: Article | Listicle
}

function imageElements(image: SiteImage | null, content: SiteContent, site: URL) {
  const asset = image?.asset as
    (SiteImage['asset'] & {size?: number | null; mimeType?: string | null}) | null
  if (!asset?.size || !asset.mimeType || !asset.width || !asset.height) return {}
  const url = absoluteUrl(originalImageUrl(asset, content.source.kind), site)
  return {
    enclosure: {url, length: asset.size, type: asset.mimeType},
    media:
      `<media:content url="${escapeHTML(url)}" medium="image" type="${escapeHTML(asset.mimeType)}" ` +
      `width="${asset.width}" height="${asset.height}">` +
      (image?.alt
        ? `<media:description type="plain">${escapeHTML(image.alt)}</media:description>`
        : '') +
      `</media:content>`,
  }
}

function listicleHtml(listicle: Listicle, content: SiteContent, site: URL): string {
  const options = {imageMode: content.source.kind, baseUrl: site}
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
  const sources: FeedItemSource[] = [
    ...options.articles.map((item) => ({
      kind: 'article' as const,
      publishedAt: item.publishedAt,
      item,
    })),
    ...options.listicles.map((item) => ({
      kind: 'listicle' as const,
      publishedAt: item.publishedAt,
      item,
    })),
  ].sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))

  return rss({
    title: options.title,
    description: options.description,
    site,
    xmlns: {
      atom: 'http://www.w3.org/2005/Atom',
      dc: 'http://purl.org/dc/elements/1.1/',
      media: 'http://search.yahoo.com/mrss/',
    },
    customData:
      `<language>en-us</language>` +
      `<atom:link href="${escapeHTML(absoluteUrl(options.selfPath, site))}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
    items: sources.map(({kind, item}) => {
      if (kind === 'article') {
        const article = item as Article
        const image = imageElements(article.heroImage, content, site)
        return {
          title: article.title,
          link: routes.article(article.slug),
          pubDate: new Date(article.publishedAt),
          description: article.excerpt,
          content: renderPortableText(article.body, {
            imageMode: content.source.kind,
            baseUrl: site,
          }),
          categories: [article.category.title],
          ...(image.enclosure ? {enclosure: image.enclosure} : {}),
          customData: `<dc:creator>${escapeHTML(article.author.name)}</dc:creator>${image.media ?? ''}`,
        }
      }
      const listicle = item as Listicle
      const image = imageElements(listicle.heroImage, content, site)
      return {
        title: listicle.title,
        link: routes.listicle(listicle.slug),
        pubDate: new Date(listicle.publishedAt),
        description: listicle.dek,
        content: listicleHtml(listicle, content, site),
        categories: (listicle.categories ?? []).map((category) => category.title),
        ...(image.enclosure ? {enclosure: image.enclosure} : {}),
        customData: `<dc:creator>${escapeHTML(listicle.author.name)}</dc:creator>${image.media ?? ''}`,
      }
    }),
  })
}
