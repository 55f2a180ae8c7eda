/**
 * A Feed as JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): the same
 * items as the RSS feed beside it, each with its permalink as id (the RSS guid),
 * the same HTML as content:encoded, summary, hero image, RFC 3339 date, tags and
 * author. JSON.stringify escapes whatever the text holds.
 */
import {FEED_LANGUAGE, type Feed} from './feed'
import type {FeedItem} from './feed-items'

export const JSON_FEED_VERSION = 'https://jsonfeed.org/version/1.1'

/** The site's icon (site/public/favicon.svg): square, and a vector, so any size. */
const FAVICON_PATH = '/favicon.svg'

/**
 * RFC 3339 as toISOString writes it ("2018-08-01T00:00:00.000Z"), for years 0000
 * to 9999; outside them toISOString writes "+012345-…", which RFC 3339 has no
 * room for, and the item goes without a date (JSON Feed makes it optional).
 */
function rfc3339(date: Date | undefined): string | undefined {
  if (!date) return undefined
  const year = date.getUTCFullYear()
  return year >= 0 && year <= 9999 ? date.toISOString() : undefined
}

/** An item; optional members with nothing to say are undefined, which JSON.stringify leaves out. */
function jsonFeedItem(item: FeedItem) {
  return {
    id: item.url,
    url: item.url,
    title: item.title || undefined,
    content_html: item.html,
    summary: item.summary || undefined,
    image: item.hero?.url,
    date_published: rfc3339(item.published),
    tags: item.categories.length > 0 ? item.categories : undefined,
    authors: item.author ? [{name: item.author}] : undefined,
  }
}

/** The feed as a JSON Feed 1.1 document. */
export function jsonFeedDocument(feed: Feed) {
  return {
    version: JSON_FEED_VERSION,
    // Required: a feed without a name is called by its address.
    title: feed.title || feed.home,
    home_page_url: feed.home,
    feed_url: feed.urls.json,
    description: feed.description || undefined,
    language: FEED_LANGUAGE,
    favicon: new URL(FAVICON_PATH, feed.home).href,
    authors: [feed.publisher ? {name: feed.publisher, url: feed.home} : {url: feed.home}],
    items: feed.items.map(jsonFeedItem),
  }
}

export function jsonFeed(feed: Feed): Response {
  return new Response(`${JSON.stringify(jsonFeedDocument(feed), null, 2)}\n`, {
    headers: {'Content-Type': 'application/feed+json'},
  })
}
