/**
 * A Feed as RSS 2.0, with @astrojs/rss: the channel's image and lastBuildDate,
 * full HTML in content:encoded, categories, dc:creator, the hero image as
 * enclosure and media:content, and atom:link rel="self". Item guids are the
 * permalinks, stable across builds. The Feed's text is already free of the
 * characters XML 1.0 forbids; @astrojs/rss escapes text, markup here is escaped.
 */
import {randomUUID} from 'node:crypto'

import {getRssString} from '@astrojs/rss'

import {FEED_LANGUAGE, type Feed} from './feed'
import type {FeedImage} from './feed-items'

/** Text for XML markup written here (escapeHTML would write &nbsp;, which XML lacks). */
const XML_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}
const escapeXml = (text: string) => text.replace(/[&<>"']/g, (char) => XML_ENTITIES[char]!)

/**
 * Text for an item's customData, which @astrojs/rss parses and writes again: its
 * parser reads numbers and trims, so an author "007 " would become "7". A marker
 * goes through instead (letters, digits and dashes, left alone) and the text,
 * escaped, replaces it afterwards. The marker holds a fresh UUID, so no text can
 * carry one.
 */
class VerbatimText {
  readonly #nonce = randomUUID()
  readonly #texts: string[] = []

  mark(text: string): string {
    this.#texts.push(text)
    return `x-${this.#nonce}-${this.#texts.length - 1}`
  }

  restore(xml: string): string {
    const marker = new RegExp(`x-${this.#nonce}-(\\d+)`, 'g')
    return xml.replace(marker, (_, index: string) => escapeXml(this.#texts[Number(index)]!))
  }
}

/** The hero as media:content, beside the enclosure. */
const mediaContent = (hero: FeedImage, verbatim: VerbatimText) =>
  `<media:content url="${escapeXml(hero.url)}" medium="image" type="${escapeXml(hero.mimeType)}" ` +
  `width="${hero.width}" height="${hero.height}">` +
  (hero.alt
    ? `<media:description type="plain">${verbatim.mark(hero.alt)}</media:description>`
    : '') +
  `</media:content>`

/**
 * The channel's image and lastBuildDate. lastBuildDate is the newest item's date,
 * not the time of the build: rebuilding unchanged content must give the same feed,
 * byte for byte (an incremental build compares files so).
 */
function channelExtras(feed: Feed): string {
  const image = feed.image
    ? `<image><url>${escapeXml(feed.image.url)}</url><title>${escapeXml(feed.title)}</title>` +
      `<link>${escapeXml(feed.home)}</link></image>`
    : ''
  const newest = feed.items[0]?.published
  return image + (newest ? `<lastBuildDate>${newest.toUTCString()}</lastBuildDate>` : '')
}

/**
 * The channel's own title, description and link, as @astrojs/rss writes them first
 * (an empty one as <title/>; text is escaped, so no "<" inside).
 * channelExtras goes right after them rather than through `customData`, which
 * @astrojs/rss parses and writes again: its parser reads numbers and trims, so an
 * image title such as "1843" or "007 " would no longer be the channel's title.
 */
const CHANNEL_HEAD =
  /<channel>(?:<title>[^<]*<\/title>|<title\/>)(?:<description>[^<]*<\/description>|<description\/>)<link>[^<]*<\/link>/

export async function rssFeed(feed: Feed): Promise<Response> {
  const verbatim = new VerbatimText()
  const written = await getRssString({
    title: feed.title,
    description: feed.description,
    site: feed.home,
    xmlns: {
      atom: 'http://www.w3.org/2005/Atom',
      dc: 'http://purl.org/dc/elements/1.1/',
      media: 'http://search.yahoo.com/mrss/',
    },
    customData:
      `<language>${FEED_LANGUAGE.toLowerCase()}</language>` +
      `<atom:link href="${escapeXml(feed.urls.rss)}" rel="self" type="application/rss+xml"/>`,
    trailingSlash: true,
    items: feed.items.map((item) => ({
      // RSS needs a title or a description; the address stands in for both missing.
      title: item.title || (item.summary ? '' : item.url),
      link: item.url,
      ...(item.published ? {pubDate: item.published} : {}),
      description: item.summary,
      content: item.html,
      categories: item.categories,
      ...(item.hero
        ? {enclosure: {url: item.hero.url, length: item.hero.size, type: item.hero.mimeType}}
        : {}),
      customData:
        `<dc:creator>${verbatim.mark(item.author)}</dc:creator>` +
        (item.hero ? mediaContent(item.hero, verbatim) : ''),
    })),
  })
  const xml = verbatim.restore(written)
  const head = CHANNEL_HEAD.exec(xml)
  if (!head) throw new Error('@astrojs/rss wrote a channel this site does not know how to extend.')
  const at = head.index + head[0].length
  return new Response(xml.slice(0, at) + channelExtras(feed) + xml.slice(at), {
    headers: {'Content-Type': 'application/xml'},
  })
}
