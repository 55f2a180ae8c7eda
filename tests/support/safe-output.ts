/**
 * Checks that HTML written from content is safe: no script element, no event
 * handler or style attribute, no javascript:/data:/vbscript: URL, nothing a
 * parser had to repair, no character HTML or XML must not contain (judged by the
 * tests' own list, tests/support/forbidden-chars.ts).
 */
import {load, type CheerioAPI} from 'cheerio'
import {expect} from 'vitest'

import {forbiddenCharsIn} from './forbidden-chars'

const HOSTILE_SCHEME = /^(?:javascript|data|vbscript):/i
/** What a browser ignores in a URL before its scheme, removed before comparing. */
export const normalizeScheme = (value: string) =>
  // eslint-disable-next-line no-control-regex -- control characters are what is matched
  value.replace(/[\u0000-\u0020]/g, '').toLowerCase()
export const isHostileUrl = (value: string) => HOSTILE_SCHEME.test(normalizeScheme(value))

const URL_ATTRIBUTES = ['href', 'src', 'cite', 'srcset', 'action', 'formaction', 'poster', 'data']

/** Asserts everything above on an HTML fragment and returns it parsed. */
export function expectSafeHtml(html: string): CheerioAPI {
  expect(forbiddenCharsIn(html), 'forbidden characters in the HTML').toEqual([])
  const $ = load(html, null, false)
  expect($('script, style, iframe, object, embed, svg, math, form, base, meta, link').length).toBe(
    0,
  )
  $('*').each((_, element) => {
    const attributes: Record<string, string> = 'attribs' in element ? element.attribs : {}
    for (const [attribute, value] of Object.entries(attributes)) {
      expect(attribute).not.toMatch(/^on/i)
      expect(attribute).not.toBe('style')
      if (URL_ATTRIBUTES.includes(attribute)) {
        for (const candidate of attribute === 'srcset' ? value.split(',') : [value])
          expect(isHostileUrl(candidate.trim())).toBe(false)
        if (attribute !== 'srcset')
          expect(value).toMatch(/^(?:https?:\/\/[^/]|mailto:|\/(?![/\\])|#)/)
      }
    }
  })
  // Serializing what was parsed gives the same markup as parsing it again:
  // nothing was left open or unescaped for the parser to repair differently.
  expect(load($.html(), null, false).html()).toBe($.html())
  return $
}
