/**
 * What Sanity's overlay reads on a preview page: `data-sanity` attributes where
 * stega cannot go, decoded here by @sanity/visual-editing-csm (the overlay's own
 * decoder) and checked against the raw documents; and stega in visible text
 * only, decoded with @vercel/stega (what the overlay uses), never in an
 * attribute, an address, <head>, JSON-LD or a date.
 */
import {decodeSanityNodeData} from '@sanity/visual-editing-csm'
import {vercelStegaDecode} from '@vercel/stega'
import {load, type CheerioAPI} from 'cheerio'
import {afterAll, beforeAll, describe, expect, inject, test} from 'vitest'

import {readBundledDocuments, type Doc} from '../support/dataset-files'
import {
  getPage,
  openSession,
  startPreviewServer,
  type PreviewServer,
} from '../support/preview-server'

const STEGA = /[\u200B-\u200D\u2060-\u2064\uFEFF]/
const ARTICLE_PATH = '/articles/when-client-engagement-becomes-true-partnership/'
const LIST_PATH = '/lists/top-smart-cities-in-the-world/'

/** A page of every type. */
const PAGES = [
  '/',
  '/cities/',
  '/cities/vienna/',
  '/lists/',
  LIST_PATH,
  '/latest/',
  '/categories/',
  '/categories/cities/',
  ARTICLE_PATH,
  '/search/',
  '/no-such-page/',
]

let server: PreviewServer
let documents: Map<string, Doc>
const pages = new Map<string, CheerioAPI>()

beforeAll(async () => {
  server = await startPreviewServer(inject('previewBuild'))
  documents = new Map((await readBundledDocuments()).map((doc) => [doc._id, doc]))
  const cookie = await openSession(server, '/')
  for (const path of PAGES) pages.set(path, load((await getPage(server, path, cookie)).body))
})
afterAll(() => server?.stop())

/** What the overlay makes of an element's data-sanity attribute. */
function decoded($: CheerioAPI, selector: string) {
  const value = $(selector).first().attr('data-sanity')
  expect(value, `${selector} has a data-sanity attribute`).toBeDefined()
  const node = decodeSanityNodeData(value!) as {id?: string; type?: string; path?: string}
  return {id: node.id, type: node.type, path: node.path}
}

const doc = (id: string) => documents.get(id)!
const keyOf = (item: unknown) => (item as {_key: string})._key

describe('data-sanity attributes', () => {
  test("a city's name names the city document and its name field", () => {
    expect(decoded(pages.get('/cities/vienna/')!, 'main h1')).toEqual({
      id: 'city-vienna',
      type: 'city',
      path: 'name',
    })
  })

  test("a city's image names the city's image field", () => {
    expect(decoded(pages.get('/cities/vienna/')!, 'main figure.hero')).toEqual({
      id: 'city-vienna',
      type: 'city',
      path: 'image',
    })
  })

  test('an entry of a ranking names the list and the entry, by its key', () => {
    const list = doc('listicle-top-smart-cities')
    const entries = list.entries as unknown[]
    const $ = pages.get(LIST_PATH)!
    // The third entry, so that a key taken from the wrong entry shows.
    const third = $('ol.entries > li.entry').eq(2)
    expect(decodeSanityNodeData(third.attr('data-sanity')!)).toMatchObject({
      id: list._id,
      type: 'listicle',
      path: `entries[_key=="${keyOf(entries[2])}"]`,
    })
  })

  test("a block of an article's body names the article and the block, by its key", () => {
    const article = [...documents.values()].find(
      (candidate) =>
        candidate._type === 'article' &&
        (candidate.slug as {current: string}).current ===
          'when-client-engagement-becomes-true-partnership',
    )!
    const body = article.body as unknown[]
    const $ = pages.get(ARTICLE_PATH)!
    const blocks = $('main .prose > [data-sanity]')
    expect(blocks.length).toBe(body.length)
    blocks.each((index, element) => {
      expect(decodeSanityNodeData($(element).attr('data-sanity')!)).toMatchObject({
        id: article._id,
        type: 'article',
        path: `body[_key=="${keyOf(body[index])}"]`,
      })
    })
  })
})

describe('stega', () => {
  test('visible text carries it, and it leads to the document and field shown', () => {
    const $ = pages.get('/cities/vienna/')!
    const name = $('main h1').text()
    expect(name).toMatch(STEGA)
    const {href} = vercelStegaDecode(name) as {href: string}
    // The edit link the overlay follows: the studio's intent for this document's field.
    expect(decodeURIComponent(href)).toMatch(
      /\/intent\/edit\/mode=presentation;id=city-vienna;type=city;path=name\b/,
    )
  })

  test.each(PAGES)('%s: none in attributes, addresses, <head>, JSON-LD or dates', (path) => {
    const $ = pages.get(path)!
    const found: string[] = []
    $('*').each((_, element) => {
      const node = $(element)
      for (const [name, value] of Object.entries(node.attr() ?? {}))
        if (STEGA.test(value)) found.push(`<${node.prop('tagName')} ${name}>`)
    })
    $('head, head *, script').each((_, element) => {
      const node = $(element)
      if (STEGA.test(node.text())) found.push(`<${node.prop('tagName')}> text`)
    })
    expect(found).toEqual([])
    // Not vacuous: the page has stega in its text, JSON-LD and dates to have kept it out of.
    expect($('body').text()).toMatch(STEGA)
    if (path !== '/no-such-page/')
      expect($('script[type="application/ld+json"]').length).toBeGreaterThan(0)
  })

  test('feeds and the article page’s dates carry none', async () => {
    const cookie = await openSession(server, '/')
    for (const path of ['/rss.xml', '/feed.json', '/categories/cities/rss.xml']) {
      const {response, body} = await getPage(server, path, cookie)
      expect({path, status: response.status}).toEqual({path, status: 200})
      expect(STEGA.test(body), path).toBe(false)
    }
    const times = pages.get(ARTICLE_PATH)!('time[datetime]')
    expect(times.length).toBeGreaterThan(0)
    times.each(
      (_, element) =>
        void expect(element.attribs.datetime).toMatch(
          /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})$/,
        ),
    )
  })
})
