/**
 * Random articles and ranked lists through the feed builder the feed routes call
 * (site/src/lib/feed.ts), then its two writers: RSS (site/src/lib/rss.ts, then
 * @astrojs/rss) and JSON Feed (site/src/lib/json-feed.ts). The RSS feed is always
 * well-formed XML that RSS readers parse, with no character XML 1.0 forbids; the
 * JSON Feed is always JSON that a JSON Feed reader parses, with the RSS feed's
 * items; the HTML inside either (content:encoded, content_html) has no script,
 * no event handler and no javascript:/data:/vbscript: URL, whatever the titles,
 * texts and links were.
 */
import {createDatasetSource} from '@smart-cities/shared/content'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import fc from 'fast-check'
import {parseJsonFeed, parseRssFeed} from 'feedsmith'
import {describe, expect, test} from 'vitest'

import {buildFeed} from '../../site/src/lib/feed'
import {jsonFeed} from '../../site/src/lib/json-feed'
import {rssFeed} from '../../site/src/lib/rss'
import type {Article, Listicle} from '../../site/src/lib/site-content'
import {HOSTILE_URLS, hostileText, SAFE_URLS} from '../fixtures/hostile/strings'
import {forbiddenCharsIn} from '../support/forbidden-chars'
import {bundledDatasetFile} from '../support/paths'
import {expectSafeHtml, isHostileUrl} from '../support/safe-output'

const SITE = new URL('https://smartcities.example/')
const text = hostileText
const href = fc.oneof(fc.constantFrom(...HOSTILE_URLS, ...SAFE_URLS), fc.string())
const body = fc.array(
  fc.oneof(
    fc.record({
      _type: fc.constant('block'),
      style: fc.constantFrom('normal', 'h2', 'blockquote', 'weird'),
      listItem: fc.constantFrom(undefined, 'bullet', 'number'),
      markDefs: fc
        .constant([{_key: 'k', _type: 'link'}])
        .chain((defs) => href.map((value) => defs.map((def) => ({...def, href: value})))),
      children: fc.array(
        fc.record({
          _type: fc.constant('span'),
          text,
          marks: fc.subarray(['k', 'strong', 'em', 'underline', 'nope']),
        }),
        {maxLength: 4},
      ),
    }),
    fc.record({
      _type: fc.constantFrom('socialEmbed', 'table', 'html'),
      url: href,
      text,
      html: text,
    }),
    fc.anything(),
  ),
  {maxLength: 5},
)
const date = fc.oneof(
  fc
    .date({min: new Date('2000-01-01'), max: new Date('2030-01-01'), noInvalidDate: true})
    .map((d) => d.toISOString()),
  fc.string(),
)
const slug = fc.oneof(fc.stringMatching(/^[a-z0-9-]{1,12}$/), fc.string({minLength: 1}))
const heroImage = fc.oneof(
  fc.constant(null),
  fc.record({
    alt: text,
    asset: fc.record({
      _id: fc.constant('image-0123abcd-800x600-png'),
      path: fc.oneof(fc.constant('images/0123abcd-800x600.png'), fc.string()),
      url: href,
      width: fc.oneof(fc.constant(800), fc.anything()),
      height: fc.constant(600),
      size: fc.oneof(fc.constant(1234), fc.anything()),
      mimeType: fc.oneof(fc.constant('image/png'), text),
    }),
  }),
)
const article = fc.record({
  _id: fc.uuid(),
  title: text,
  slug,
  publishedAt: date,
  excerpt: text,
  body,
  category: fc.record({title: text}),
  author: fc.record({name: text}),
  heroImage,
})
const listicle = fc.record({
  _id: fc.uuid(),
  title: text,
  slug,
  publishedAt: date,
  dek: text,
  intro: body,
  closing: body,
  categories: fc.array(fc.record({title: text}), {maxLength: 2}),
  author: fc.record({name: text}),
  heroImage,
  entries: fc.array(
    fc.record({
      blurb: fc.oneof(fc.constant(null), text),
      city: fc.record({
        slug,
        name: text,
        country: text,
        region: text,
        summary: body,
        socialEmbed: fc.oneof(
          fc.constant(null),
          fc.record({url: href, text, authorName: text, authorHandle: text}),
        ),
      }),
    }),
    {maxLength: 3},
  ),
})

/** A feed's whole input: its title, description, image, articles and lists. */
const anyFeed = fc.record({
  title: text,
  description: text,
  image: heroImage,
  articles: fc.array(article, {maxLength: 4}),
  listicles: fc.array(listicle, {maxLength: 2}),
})

// Only the source's image URLs are read: no file, no query.
const {images} = createDatasetSource(bundledDatasetFile)
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u
// RFC 3339 (section 5.6), as JSON Feed's date_published must be written.
const RFC_3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2})$/

interface FeedInput {
  title: string
  description: string
  publisher?: string
  image?: unknown
  articles: unknown[]
  listicles: unknown[]
}

const feedOf = (options: FeedInput) =>
  buildFeed({
    images,
    site: SITE,
    title: options.title,
    description: options.description,
    publisher: options.publisher ?? options.title,
    paths: {rss: '/rss.xml', json: '/feed.json'},
    image: (options.image ?? null) as Article['heroImage'],
    articles: options.articles as Article[],
    listicles: options.listicles as Listicle[],
  })

const feedXml = (options: FeedInput) => rssFeed(feedOf(options)).then((response) => response.text())
const feedJson = (options: FeedInput) => jsonFeed(feedOf(options)).text()

/** Every string in a parsed JSON value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(stringsIn)
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsIn)
  return []
}

/** The channel and items as written: text verbatim (not trimmed, numbers not read). */
const rawRss = (xml: string) =>
  new XMLParser({
    ignoreAttributes: false,
    parseTagValue: false,
    trimValues: false,
    isArray: (name) => name === 'item',
  }).parse(xml) as {
    rss: {channel: {item?: Array<Record<string, unknown>>} & Record<string, unknown>}
  }

/** A hero the bundled source can point at: its original is /images/0123abcd-800x600.png. */
const validHero = (alt: string) => ({
  alt,
  asset: {
    _id: 'image-0123abcd-800x600-png',
    path: 'images/0123abcd-800x600.png',
    url: 'https://cdn.example/x.png',
    width: 800,
    height: 600,
    size: 1234,
    mimeType: 'image/png',
  },
})
const HERO_URL = 'https://smartcities.example/images/0123abcd-800x600.png'

const datedArticle = (slug: string, publishedAt: string, extra: Record<string, unknown> = {}) => ({
  _id: slug,
  title: slug,
  slug,
  publishedAt,
  excerpt: slug,
  body: [],
  category: {title: 'Cities'},
  author: {name: 'A'},
  heroImage: null,
  ...extra,
})

describe('the RSS feed, for any articles and lists', () => {
  test('is well-formed XML that an RSS parser reads, with safe HTML (the hero first) and a channel image and lastBuildDate that agree', async () => {
    await fc.assert(
      fc.asyncProperty(anyFeed, async (options) => {
        const {articles, listicles} = options
        const xml = await feedXml(options)
        expect(XMLValidator.validate(xml)).toBe(true)
        expect(xml).not.toMatch(FORBIDDEN_IN_XML)
        const feed = parseRssFeed(xml)
        expect(feed.items?.length ?? 0).toBe(articles.length + listicles.length)
        const {channel} = rawRss(xml).rss
        // The channel's image, when there is one, is named exactly as the channel is.
        const channelImage = channel.image as Record<string, string> | undefined
        if (channelImage) {
          expect(channelImage.title ?? '').toBe(channel.title ?? '')
          expect(channelImage.link).toBe(channel.link)
          expect(isHostileUrl(channelImage.url!)).toBe(false)
        }
        // lastBuildDate is the first (newest) item's date, or absent with no dated item.
        expect(channel.lastBuildDate).toBe(channel.item?.[0]?.pubDate)
        for (const item of channel.item ?? []) {
          const html = String(item['content:encoded'] ?? '')
          const $ = expectSafeHtml(html)
          const enclosure = item.enclosure as Record<string, string> | undefined
          if (enclosure) {
            expect(isHostileUrl(enclosure['@_url']!)).toBe(false)
            // The hero comes first in the HTML: the enclosure's file, with its dimensions.
            const hero = $.root().children().first()
            expect(hero.is('figure')).toBe(true)
            expect(hero.find('img').attr('src')).toBe(enclosure['@_url'])
            const media = item['media:content'] as Record<string, string>
            expect(hero.find('img').attr('width')).toBe(media['@_width'])
            expect(hero.find('img').attr('height')).toBe(media['@_height'])
          }
        }
      }),
      {numRuns: 150},
    )
  })

  test('an item keeps its title, escaped, and a safe link in its HTML survives', async () => {
    const xml = await feedXml({
      title: 'Feed <b>&</b>',
      description: 'd',
      listicles: [],
      articles: [
        {
          _id: 'a',
          title: '<script>alert(1)</script> & more',
          slug: 'a',
          publishedAt: '2026-02-02T15:00:00Z',
          excerpt: 'e\u0000\ufffe',
          body: [
            {
              _type: 'block',
              markDefs: [
                {_key: 'ok', _type: 'link', href: 'https://example.org/ok'},
                {_key: 'bad', _type: 'link', href: 'javascript:alert(1)'},
              ],
              children: [
                {_type: 'span', text: 'safe', marks: ['ok']},
                {_type: 'span', text: ' and ', marks: []},
                {_type: 'span', text: 'unsafe', marks: ['bad']},
              ],
            },
          ],
          category: {title: 'Cities'},
          author: {name: 'A  B <c>'},
          heroImage: null,
        },
      ],
    })
    const feed = parseRssFeed(xml)
    expect(feed.title).toBe('Feed <b>&</b>')
    const item = feed.items![0]!
    expect(item.title).toBe('<script>alert(1)</script> & more')
    expect(item.description).toBe('e')
    expect(xml).toContain('<dc:creator>A  B &lt;c&gt;</dc:creator>')
    const $ = expectSafeHtml(item.content?.encoded ?? '')
    expect(
      $('a')
        .map((_, a) => $(a).attr('href'))
        .get(),
    ).toEqual(['https://example.org/ok'])
    expect($.root().text()).toBe('safe and unsafe')
  })

  test('items are newest first by the instant, whatever the time zone or precision', async () => {
    // As text, "…10:00:00-08:00" (18:00 UTC) sorts before "…15:00:00Z", and ".500Z" before "Z".
    const xml = await feedXml({
      title: 't',
      description: 'd',
      listicles: [],
      articles: [
        datedArticle('at-15-utc', '2026-02-02T15:00:00Z'),
        datedArticle('at-18-utc', '2026-02-02T10:00:00-08:00'),
        datedArticle('at-15-and-a-half-seconds', '2026-02-02T15:00:00.500Z'),
        datedArticle('the-day-before', '2026-02-01T23:00:00Z'),
      ],
    })
    expect(parseRssFeed(xml).items?.map((item) => item.title)).toEqual([
      'at-18-utc',
      'at-15-and-a-half-seconds',
      'at-15-utc',
      'the-day-before',
    ])
  })

  test('an item’s author and hero alt text are written as they are, numbers and spaces included', async () => {
    for (const text of ['1843', '007 ', ' 0x1F', '1e3', '12.50', '<b>&amp;</b>']) {
      const xml = await feedXml({
        title: 't',
        description: 'd',
        articles: [
          datedArticle('a', '2026-02-01T10:00:00Z', {
            author: {name: text},
            heroImage: validHero(text),
          }),
        ],
        listicles: [],
      })
      const [item] = rawRss(xml).rss.channel.item!
      expect(item!['dc:creator'], text).toBe(text)
      const media = item!['media:content'] as {'media:description': {'#text': string}}
      expect(media['media:description']['#text'], text).toBe(text)
    }
  })

  test('the channel image is named exactly as the channel, numbers and spaces included', async () => {
    // @astrojs/rss reads its customData as XML again, which would make "007 " 7 and "1e3" 1000.
    for (const title of ['1843', '007 ', ' 0x1F', '1e3', '12.50', '<b>&amp;</b>']) {
      const xml = await feedXml({
        title,
        description: 'd',
        image: validHero('x'),
        articles: [],
        listicles: [],
      })
      const {channel} = rawRss(xml).rss
      expect(channel.title, title).toBe(title)
      expect(channel.image, title).toEqual({
        url: HERO_URL,
        title,
        link: 'https://smartcities.example/',
      })
      // No item, no date to give: no lastBuildDate rather than the time of the build.
      expect(channel.lastBuildDate, title).toBeUndefined()
    }
  })

  test('lastBuildDate is the newest item’s date, so that a rebuild gives the same feed', async () => {
    const options = {
      title: 't',
      description: 'd',
      listicles: [],
      articles: [
        datedArticle('older', '2026-02-01T23:00:00Z'),
        datedArticle('newer', '2026-02-02T10:00:00-08:00'),
      ],
    }
    // Not the time of the build: the newer article's date, 10:00-08:00, in GMT.
    expect(rawRss(await feedXml(options)).rss.channel.lastBuildDate).toBe(
      'Mon, 02 Feb 2026 18:00:00 GMT',
    )
  })

  test('the hero comes first in an item’s HTML, its alt text escaped', async () => {
    const alt = '"><script>alert(1)</script> & <b>more</b>\u0000'
    const xml = await feedXml({
      title: 't',
      description: 'd',
      listicles: [],
      articles: [datedArticle('a', '2026-02-02T15:00:00Z', {heroImage: validHero(alt)})],
    })
    const item = parseRssFeed(xml).items![0]!
    expect(item.enclosures?.[0]?.url).toBe(HERO_URL)
    const $ = expectSafeHtml(item.content?.encoded ?? '')
    const figure = $.root().children().first()
    expect(figure.is('figure')).toBe(true)
    expect(figure.find('img').attr('src')).toBe(HERO_URL)
    expect(figure.find('img').attr('alt')).toBe('"><script>alert(1)</script> & <b>more</b>')
    expect([figure.find('img').attr('width'), figure.find('img').attr('height')]).toEqual([
      '800',
      '600',
    ])
  })
})

describe('the JSON Feed, for any articles and lists', () => {
  test('is JSON that a JSON Feed reader parses, with the RSS feed’s items and safe HTML', async () => {
    await fc.assert(
      fc.asyncProperty(anyFeed, async (options) => {
        const {articles, listicles} = options
        const json = await feedJson(options)
        // Always JSON, and no string in it carries a character feeds must not.
        const document = JSON.parse(json) as {
          version: unknown
          title: unknown
          items: Array<Record<string, unknown>>
        }
        expect(stringsIn(document).flatMap((value) => forbiddenCharsIn(value))).toEqual([])
        expect(document.version).toBe('https://jsonfeed.org/version/1.1')
        expect(typeof document.title === 'string' && document.title !== '').toBe(true)
        const feed = parseJsonFeed(json)
        expect(feed.items?.length ?? 0).toBe(articles.length + listicles.length)

        // The same items as the RSS feed of the same content, in the same order.
        const rss = parseRssFeed(await feedXml(options))
        expect(document.items.map((item) => item.id)).toEqual(
          (rss.items ?? []).map((item) => item.guid?.value),
        )
        document.items.forEach((item, index) => {
          const rssItem = rss.items![index]!
          expect(item.url).toBe(item.id)
          expect(typeof item.content_html).toBe('string')
          expectSafeHtml(item.content_html as string)
          // The same HTML; XML readers, as HTML parsers do, read CR and CRLF as LF.
          expect((item.content_html as string).replace(/\r\n?/g, '\n')).toBe(
            rssItem.content?.encoded ?? '',
          )
          expect(item.image).toBe(rssItem.enclosures?.[0]?.url)
          if (item.image !== undefined) expect(isHostileUrl(item.image as string)).toBe(false)
          if (item.date_published === undefined) expect(rssItem.pubDate).toBeUndefined()
          else {
            expect(item.date_published).toMatch(RFC_3339)
            // The same instant, to the second (RFC 822 has no fractions of one).
            const second = Math.floor(Date.parse(item.date_published as string) / 1000) * 1000
            expect(second).toBe(Date.parse(rssItem.pubDate ?? ''))
          }
        })
      }),
      {numRuns: 150},
    )
  })

  test('keeps text as it was written, escaped by JSON, and leaves out what is empty', async () => {
    const json = await feedJson({
      title: 'Feed <b>&</b> "quoted"',
      description: '',
      publisher: 'The </script> Times',
      image: validHero('x'),
      listicles: [],
      articles: [
        datedArticle('a', '2026-02-02T10:00:00-08:00', {
          title: '<script>alert(1)</script> & more',
          excerpt: '',
          author: {name: 'A  B <c>'},
          heroImage: validHero('<alt> & "more"'),
        }),
      ],
    })
    const document = JSON.parse(json) as Record<string, unknown>
    expect(document).toMatchObject({
      version: 'https://jsonfeed.org/version/1.1',
      title: 'Feed <b>&</b> "quoted"',
      home_page_url: 'https://smartcities.example/',
      feed_url: 'https://smartcities.example/feed.json',
      language: 'en-US',
      authors: [{name: 'The </script> Times', url: 'https://smartcities.example/'}],
    })
    expect(document).not.toHaveProperty('description')
    const [item] = document.items as Array<Record<string, unknown>>
    expect(item).toEqual({
      id: 'https://smartcities.example/articles/a/',
      url: 'https://smartcities.example/articles/a/',
      title: '<script>alert(1)</script> & more',
      content_html:
        `<figure><img src="${HERO_URL}" width="800" height="600" ` +
        `alt="&lt;alt&gt; &amp; &quot;more&quot;"></figure>`,
      image: HERO_URL,
      date_published: '2026-02-02T18:00:00.000Z',
      tags: ['Cities'],
      authors: [{name: 'A  B <c>'}],
    })
  })
})
