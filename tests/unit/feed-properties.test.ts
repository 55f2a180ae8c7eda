/**
 * Random articles and ranked lists through the feed generator the rss.xml
 * routes call (site/src/lib/feed.ts, then @astrojs/rss): the feed is always
 * well-formed XML that RSS readers parse, with no character XML 1.0 forbids,
 * and the HTML inside it (content:encoded) has no script, no event handler and
 * no javascript:/data:/vbscript: URL, whatever the titles, texts and links were.
 */
import {createDatasetSource} from '@smart-cities/shared/content'
import {XMLParser, XMLValidator} from 'fast-xml-parser'
import fc from 'fast-check'
import {parseRssFeed} from 'feedsmith'
import {describe, expect, test} from 'vitest'

import {buildFeed} from '../../site/src/lib/feed'
import type {Article, Listicle, SiteContent} from '../../site/src/lib/site-content'
import {HOSTILE_URLS, hostileText, SAFE_URLS} from '../fixtures/hostile/strings'
import {bundledDatasetFile} from '../support/paths'
import {expectSafeHtml, isHostileUrl} from '../support/safe-output'

declare global {
  // Declared for the site in site/src/env.d.ts; site-content.ts's types need it here too.
  const __DRAFT_PREVIEW__: boolean
}

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

// Only the source's image URLs are read: no file, no query.
const content = {source: createDatasetSource(bundledDatasetFile)} as SiteContent
const FORBIDDEN_IN_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u

async function feedXml(options: {
  title: string
  description: string
  articles: unknown[]
  listicles: unknown[]
}) {
  const response = await buildFeed({
    content,
    site: SITE,
    title: options.title,
    description: options.description,
    selfPath: '/rss.xml',
    articles: options.articles as Article[],
    listicles: options.listicles as Listicle[],
  })
  return response.text()
}

describe('the RSS feed, for any articles and lists', () => {
  test('is well-formed XML that an RSS parser reads, with safe HTML inside', async () => {
    await fc.assert(
      fc.asyncProperty(
        text,
        text,
        fc.array(article, {maxLength: 4}),
        fc.array(listicle, {maxLength: 2}),
        async (title, description, articles, listicles) => {
          const xml = await feedXml({title, description, articles, listicles})
          expect(XMLValidator.validate(xml)).toBe(true)
          expect(xml).not.toMatch(FORBIDDEN_IN_XML)
          const feed = parseRssFeed(xml)
          expect(feed.items?.length ?? 0).toBe(articles.length + listicles.length)
          const parsed = new XMLParser({
            ignoreAttributes: false,
            isArray: (name) => name === 'item',
          }).parse(xml) as {
            rss: {channel: {item?: Array<Record<string, unknown>>}}
          }
          for (const item of parsed.rss.channel.item ?? []) {
            const html = String(item['content:encoded'] ?? '')
            expectSafeHtml(html)
            const enclosure = item.enclosure as Record<string, string> | undefined
            if (enclosure) expect(isHostileUrl(enclosure['@_url']!)).toBe(false)
          }
        },
      ),
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
    const dated = (slug: string, publishedAt: string) => ({
      _id: slug,
      title: slug,
      slug,
      publishedAt,
      excerpt: slug,
      body: [],
      category: {title: 'Cities'},
      author: {name: 'A'},
      heroImage: null,
    })
    const xml = await feedXml({
      title: 't',
      description: 'd',
      listicles: [],
      articles: [
        dated('at-15-utc', '2026-02-02T15:00:00Z'),
        dated('at-18-utc', '2026-02-02T10:00:00-08:00'),
        dated('at-15-and-a-half-seconds', '2026-02-02T15:00:00.500Z'),
        dated('the-day-before', '2026-02-01T23:00:00Z'),
      ],
    })
    expect(parseRssFeed(xml).items?.map((item) => item.title)).toEqual([
      'at-18-utc',
      'at-15-and-a-half-seconds',
      'at-15-utc',
      'the-day-before',
    ])
  })
})
