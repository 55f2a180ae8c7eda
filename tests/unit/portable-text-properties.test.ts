/**
 * Random Portable Text through the site's renderer (the one pages and feeds use):
 * whatever the blocks, spans, marks, link URLs, unknown types, list levels or
 * plain junk, the output parses as HTML, has no script element, no event
 * handler or style attribute, no javascript:/data:/vbscript: URL, no character
 * HTML must not contain, and keeps every span's text, escaped.
 */
import {createDatasetSource} from '@smart-cities/shared/content'
import {load} from 'cheerio'
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'

import {renderPortableText, toPlainText} from '../../site/src/lib/portable-text'
import {stripForbiddenChars} from '../../site/src/lib/urls'
import {HOSTILE_TEXT, HOSTILE_URLS, hostileText, SAFE_URLS} from '../fixtures/hostile/strings'
import {bundledDatasetFile} from '../support/paths'
import {expectSafeHtml} from '../support/safe-output'

// Image URLs as a dataset gives them; rendering reads no file.
const {images} = createDatasetSource(bundledDatasetFile)

const text = hostileText
const url = fc.oneof(fc.constantFrom(...HOSTILE_URLS, ...SAFE_URLS), fc.string(), fc.webUrl())
const name = fc.oneof(
  fc.constantFrom('strong', 'em', 'code', 'underline', 'strike-through', 'link', 'k1', 'k2'),
  fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'onclick', 'script'),
  fc.string({maxLength: 8}),
)
const span = fc.record(
  {
    _type: fc.constantFrom('span', 'span', 'span', 'mention'),
    _key: fc.string(),
    text,
    marks: fc.array(name, {maxLength: 3}),
  },
  {requiredKeys: ['_type', 'text']},
)
const markDef = fc.record({
  _key: fc.oneof(fc.constantFrom('k1', 'k2', '__proto__'), fc.string({maxLength: 4})),
  _type: fc.oneof(
    fc.constantFrom('link', 'link', 'internalLink', 'constructor'),
    fc.string({maxLength: 6}),
  ),
  href: fc.oneof(url, fc.anything()),
})
const block = fc.record(
  {
    _type: fc.constant('block'),
    _key: fc.string(),
    style: fc.oneof(
      fc.constantFrom('normal', 'h2', 'h3', 'blockquote', 'h1', 'constructor'),
      fc.string(),
    ),
    listItem: fc.oneof(fc.constantFrom('bullet', 'number', 'toString'), fc.string()),
    level: fc.oneof(fc.integer({min: -3, max: 40}), fc.double(), fc.string()),
    markDefs: fc.array(markDef, {maxLength: 3}),
    children: fc.array(fc.oneof(span, span, span, fc.anything()), {maxLength: 5}),
  },
  {requiredKeys: ['_type', 'children']},
)
const image = fc.record({
  _type: fc.constant('accessibleImage'),
  _key: fc.string(),
  alt: fc.oneof(text, fc.anything()),
  caption: fc.oneof(text, fc.anything()),
  credit: text,
  asset: fc.oneof(
    fc.constant(null),
    fc.record({
      _id: fc.oneof(fc.constant('image-0123abcd-800x600-png'), fc.string()),
      url: url,
      path: fc.oneof(fc.constant('images/0123abcd-800x600.png'), fc.string()),
      width: fc.oneof(fc.constant(800), fc.integer(), fc.string()),
      height: fc.oneof(fc.constant(600), fc.integer(), fc.string()),
    }),
  ),
})
const socialEmbed = fc.record({
  _type: fc.constant('socialEmbed'),
  _key: fc.string(),
  url,
  authorName: fc.oneof(text, fc.anything()),
  authorHandle: text,
  text: fc.oneof(text, fc.anything()),
  postedAt: fc.oneof(fc.constant('2018-07-29T12:00:00Z'), fc.string(), fc.anything()),
})
const unknown = fc.record({
  _type: fc.oneof(fc.constantFrom('table', 'code', 'constructor', 'script', 'html'), fc.string()),
  _key: fc.string(),
  html: fc.constantFrom(...HOSTILE_TEXT),
  children: fc.array(span, {maxLength: 2}),
})
const portableText = fc.array(
  fc.oneof({weight: 6, arbitrary: block}, image, socialEmbed, unknown, fc.anything()),
  {
    maxLength: 8,
  },
)

describe('the Portable Text renderer, for any input', () => {
  test('never throws and always writes safe, well-formed HTML', () => {
    fc.assert(
      fc.property(portableText, fc.boolean(), (blocks, feed) => {
        const html = renderPortableText(blocks, {
          images,
          ...(feed ? {baseUrl: new URL('https://smartcities.example/')} : {}),
        })
        expectSafeHtml(html)
        expect(html).not.toContain('[object Object]')
        expect(html).not.toContain('"_type"')
      }),
      {numRuns: 600},
    )
  })

  test('keeps the text of every span, escaped, whatever marks it has', () => {
    const textBlock = fc.record({
      _type: fc.constant('block'),
      style: fc.constantFrom('normal', 'h2', 'blockquote', 'unknown-style'),
      markDefs: fc.array(markDef, {maxLength: 2}),
      children: fc.array(
        fc.record({_type: fc.constant('span'), text, marks: fc.array(name, {maxLength: 3})}),
        {
          minLength: 1,
          maxLength: 4,
        },
      ),
    })
    fc.assert(
      fc.property(fc.array(textBlock, {minLength: 1, maxLength: 4}), (blocks) => {
        const $ = expectSafeHtml(renderPortableText(blocks, {images}))
        // A span of exactly "\n" is a line break.
        const textOf = (child: {text: string}) =>
          child.text === '\n' ? '' : stripForbiddenChars(child.text)
        const expected = blocks.flatMap((block) => block.children.map(textOf)).join('')
        // Whitespace aside (to-html writes runs of spaces as &nbsp; so that they show).
        const visible = (value: string) => value.replace(/\s/g, '')
        expect(visible($.root().text())).toBe(visible(expected))
        expect(toPlainText(blocks).replace(/\s/g, '')).toBe(
          blocks
            .map((block) => block.children.map((child) => stripForbiddenChars(child.text)).join(''))
            .filter(Boolean)
            .join('')
            .replace(/\s/g, ''),
        )
      }),
      {numRuns: 300},
    )
  })
})

describe('links', () => {
  const linked = (href: unknown, linkText = 'the text') => [
    {
      _type: 'block',
      markDefs: [{_key: 'k', _type: 'link', href}],
      children: [{_type: 'span', text: linkText, marks: ['k']}],
    },
  ]

  test.each(HOSTILE_URLS)('%j is dropped, its text kept as plain text', (href) => {
    const $ = expectSafeHtml(renderPortableText(linked(href), {images}))
    expect($('a').length).toBe(0)
    expect($.root().text()).toBe('the text')
  })

  test('a safe https link survives with rel="noopener noreferrer"; a site path too, without', () => {
    const external = load(
      renderPortableText(linked('https://example.org/x'), {images}),
      null,
      false,
    )
    expect(external('a').attr('href')).toBe('https://example.org/x')
    expect(external('a').attr('rel')).toBe('noopener noreferrer')
    const internal = load(renderPortableText(linked('/cities/vienna/'), {images}), null, false)
    expect(internal('a').attr('href')).toBe('/cities/vienna/')
    expect(internal('a').attr('rel')).toBeUndefined()
  })

  test('any web URL survives as a link', () => {
    fc.assert(
      fc.property(fc.webUrl(), text, (href, linkText) => {
        const $ = load(renderPortableText(linked(href, linkText), {images}), null, false)
        expect($('a').attr('href')).toBe(new URL(href).href)
      }),
      {numRuns: 200},
    )
  })

  test('a hostile link URL never reaches an attribute, however it is disguised', () => {
    const disguised = fc
      .tuple(
        fc.constantFrom('javascript', 'data', 'vbscript'),
        fc.array(fc.constantFrom('', '\t', '\n', '\r'), {minLength: 10, maxLength: 10}),
        fc.array(fc.boolean(), {minLength: 10, maxLength: 10}),
        // eslint-disable-next-line no-control-regex -- control characters are what is matched
        fc.stringMatching(/^[\u0000-\u0020]{0,2}$/),
      )
      .map(
        ([scheme, gaps, upper, prefix]) =>
          prefix +
          [...scheme]
            .map((char, index) => (upper[index] ? char.toUpperCase() : char) + gaps[index])
            .join('') +
          ':alert(document.domain)',
      )
    fc.assert(
      fc.property(disguised, (href) => {
        const $ = expectSafeHtml(renderPortableText(linked(href), {images}))
        expect($('a').length).toBe(0)
      }),
      {numRuns: 500},
    )
  })
})

describe('what the renderer does not know', () => {
  const render = (blocks: unknown) => renderPortableText(blocks, {images})

  test('an unknown block type is dropped quietly, with whatever it holds', () => {
    expect(
      render([
        {_type: 'table', rows: [['<script>']]},
        {_type: 'block', children: [{_type: 'span', text: 'after'}]},
      ]),
    ).toBe('<p>after</p>')
  })

  test('an unknown mark keeps its text, unmarked; an unknown style is a paragraph', () => {
    expect(
      render([
        {_type: 'block', style: 'shout', children: [{_type: 'span', text: 'hi', marks: ['blink']}]},
      ]),
    ).toBe('<p>hi</p>')
  })

  test('two spans holding the halves of a surrogate pair do not join into a character', () => {
    const halves = [
      {
        _type: 'block',
        children: [
          {_type: 'span', text: 'a\ud800', marks: []},
          {_type: 'span', text: '\udc00b', marks: []},
        ],
      },
    ]
    expect(renderPortableText(halves, {images})).toBe('<p>ab</p>')
    expect(toPlainText(halves)).toBe('ab')
  })

  test('names inherited from Object.prototype are unknown, not functions', () => {
    const html = render([
      {_type: 'constructor'},
      {
        _type: 'block',
        style: 'constructor',
        listItem: 'toString',
        children: [{_type: 'span', text: 'x', marks: ['__proto__', 'constructor']}],
      },
    ])
    expect(html).toBe('<ul><li><p>x</p></li></ul>')
  })

  test('a list nested a thousand levels deep is rendered ten deep', () => {
    const html = render([
      {_type: 'block', listItem: 'bullet', level: 1000, children: [{_type: 'span', text: 'deep'}]},
    ])
    expect(html.match(/<ul>/g)).toHaveLength(10)
  })

  test('a 1 MB body renders in well under a second per megabyte', () => {
    const paragraph = 'Vienna tops the ranking again. <b>not bold</b> & more. '.repeat(20)
    const blocks = Array.from({length: Math.ceil(1_048_576 / paragraph.length)}, (_, index) => ({
      _type: 'block',
      _key: `b${index}`,
      children: [{_type: 'span', text: paragraph}],
    }))
    const started = performance.now()
    const html = render(blocks)
    expect(performance.now() - started).toBeLessThan(5000)
    expect(html.length).toBeGreaterThan(1_048_576)
    expect(html).not.toContain('<b>')
  })
})
