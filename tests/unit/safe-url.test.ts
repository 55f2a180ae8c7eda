/**
 * safeUrl, the one gate for every href and src written from content: hostile
 * schemes refused however they are spelled, safe URLs kept (normalized).
 */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'

import {isExternal, safeUrl, stripForbiddenChars} from '../../site/src/lib/urls'

describe('safeUrl refuses', () => {
  test.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    'java\nscript:alert(1)',
    'java\rscript:alert(1)',
    '\u0001javascript:alert(1)',
    '\u0000 javascript:alert(1)',
    'javascript\u0000:alert(1)',
    '&#106;avascript:alert(1)',
    '&#x6A;avascript:alert(1)',
    'javascript&colon;alert(1)',
    'jav&#x09;ascript:alert(1)',
    '\u2028javascript:alert(1)',
    'ｊavascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'DATA:text/html;base64,PHNjcmlwdD4=',
    'vbscript:msgbox(1)',
    'VBScript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/',
    '//evil.example/',
    '/\\evil.example/',
    '\\\\evil.example',
    'https:',
    'https://',
    'relative/path',
    '',
    '   ',
  ])('%j', (url) => {
    expect(safeUrl(url)).toBeUndefined()
  })

  test.each([undefined, null, 42, {}, ['https://example.org/'], true])('a %j', (value) => {
    expect(safeUrl(value)).toBeUndefined()
  })
})

describe('safeUrl keeps', () => {
  test.each([
    ['https://example.org/a?b=c#d', 'https://example.org/a?b=c#d'],
    ['http://example.org', 'http://example.org/'],
    ['HTTPS://Example.org/x', 'https://example.org/x'],
    ['  https://example.org/  ', 'https://example.org/'],
    ['https://exa\tmple.org/', 'https://example.org/'],
    ['https://example.org/a b"c<d>', 'https://example.org/a%20b%22c%3Cd%3E'],
    ['mailto:editors@example.org', 'mailto:editors@example.org'],
    ['/cities/vienna/', '/cities/vienna/'],
    ['/a b/?q=<x>#top', '/a%20b/?q=%3Cx%3E#top'],
    ['#top', '#top'],
  ])('%j as %j', (url, expected) => {
    expect(safeUrl(url)).toBe(expected)
  })

  test('external links are told from site paths', () => {
    expect(isExternal(safeUrl('https://example.org/')!)).toBe(true)
    expect(isExternal(safeUrl('/rss.xml')!)).toBe(false)
  })
})

const hostileScheme = fc.constantFrom('javascript', 'data', 'vbscript', 'file', 'blob')
/** A scheme spelled the way filters get fooled: mixed case, tabs, newlines inside. */
const disguised = hostileScheme.chain((scheme) =>
  fc
    .tuple(
      fc.array(fc.boolean(), {minLength: scheme.length, maxLength: scheme.length}),
      fc.array(fc.constantFrom('', '', '', '\t', '\n', '\r'), {
        minLength: scheme.length,
        maxLength: scheme.length,
      }),
      // eslint-disable-next-line no-control-regex -- control characters are what is matched
      fc.stringMatching(/^[\u0000-\u0020]{0,3}$/),
      fc.string(),
    )
    .map(
      ([upper, inserts, prefix, rest]) =>
        prefix +
        [...scheme]
          .map((char, index) => (upper[index] ? char.toUpperCase() : char) + inserts[index])
          .join('') +
        ':' +
        rest,
    ),
)

describe('safeUrl, for any input', () => {
  test('never lets a hostile scheme through, however it is spelled', () => {
    fc.assert(
      fc.property(disguised, (url) => {
        expect(safeUrl(url)).toBeUndefined()
      }),
      {numRuns: 2000},
    )
  })

  test('returns only http(s) with a host, mailto, a site path or a fragment', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.webUrl(), disguised, fc.string({unit: 'binary'})),
        (url) => {
          const safe = safeUrl(url)
          if (safe === undefined) return
          expect(safe).toMatch(/^(?:https?:\/\/[^/]|mailto:|\/(?![/\\])|#)/)
          expect(stripForbiddenChars(safe)).toBe(safe)
          expect(safe).not.toMatch(/[\s"<>]/)
        },
      ),
      {numRuns: 2000},
    )
  })

  test('keeps every web URL', () => {
    fc.assert(
      fc.property(fc.webUrl({withQueryParameters: true, withFragments: true}), (url) => {
        expect(safeUrl(url)).toBe(new URL(url).href)
      }),
    )
  })
})

describe('stripForbiddenChars', () => {
  test('removes controls, noncharacters and lone surrogates, keeps tab, LF, CR and astral text', () => {
    expect(stripForbiddenChars('a\u0000b\u0008\tc\n\r\u000b\u000c\u001fd\u007f\u0085e')).toBe(
      'ab\tc\n\rde',
    )
    expect(stripForbiddenChars('x\ufffe\uffff\ufdd0\u{1fffe}y')).toBe('xy')
    expect(stripForbiddenChars('lone \ud800 and \udfff, pair 😀')).toBe('lone  and , pair 😀')
  })

  test('leaves nothing XML 1.0 forbids, for any string', () => {
    const xmlChar = /^[\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]*$/u
    fc.assert(
      fc.property(fc.string({unit: 'binary'}), fc.string({unit: 'grapheme'}), (a, b) => {
        expect(stripForbiddenChars(a + b)).toMatch(xmlChar)
        // Text without forbidden characters is left exactly as it was.
        const clean = stripForbiddenChars(b)
        expect(stripForbiddenChars(clean)).toBe(clean)
      }),
      {numRuns: 1000},
    )
  })
})
