// @vitest-environment jsdom
/**
 * A search result as the search page writes it, from whatever the index holds:
 * markup in titles and excerpts stays text (only Pagefind's <mark> survives),
 * links go only to site paths, images only from the site or Sanity's CDN.
 */
import {describe, expect, test} from 'vitest'

import {renderResult, type ResultData} from '../../site/src/scripts/search-result'

const result = (data: Partial<ResultData> & {meta?: ResultData['meta']}): HTMLLIElement =>
  renderResult({url: '/cities/vienna/', excerpt: '', meta: {}, ...data})

describe('a search result', () => {
  test('shows type, date, title, excerpt and thumbnail', () => {
    const item = result({
      excerpt: 'Half of <mark>Vienna</mark> is green',
      meta: {
        title: 'Vienna',
        type: 'City',
        image: '/images/vienna-320.webp',
        image_alt: 'A green city',
        date: '2018-08-01T00:00:00.000Z',
        date_label: 'August 1, 2018',
      },
    })
    expect(item.querySelector('.result-type')?.textContent).toBe('City')
    expect(item.querySelector('time')?.getAttribute('datetime')).toBe('2018-08-01T00:00:00.000Z')
    expect(item.querySelector('time')?.textContent).toBe('August 1, 2018')
    expect(item.querySelector('a')?.getAttribute('href')).toBe('/cities/vienna/')
    expect(item.querySelector('h2 a')?.textContent).toBe('Vienna')
    expect(item.querySelector('.result-excerpt')?.innerHTML).toBe(
      'Half of <mark>Vienna</mark> is green',
    )
    expect(item.querySelector('img')?.getAttribute('src')).toBe('/images/vienna-320.webp')
    expect(item.querySelector('img')?.getAttribute('alt')).toBe('A green city')
  })

  test('keeps markup in the excerpt and the title as text; only <mark> is an element', () => {
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script><b>bold</b>'
    const item = result({
      excerpt: `before ${hostile} <mark>hit</mark> <mark><i>nested</i></mark> after`,
      meta: {title: `Title ${hostile}`, type: '<em>City</em>'},
    })
    const excerpt = item.querySelector('.result-excerpt')!
    expect([...excerpt.querySelectorAll('*')].map((element) => element.tagName)).toEqual([
      'MARK',
      'MARK',
    ])
    expect(excerpt.textContent).toBe('before alert(2)bold hit nested after')
    expect(item.querySelector('h2 a')?.textContent).toBe(`Title ${hostile}`)
    expect(item.querySelector('.result-type')?.textContent).toBe('<em>City</em>')
    expect(item.querySelectorAll('script, b, i, em').length).toBe(0)
    expect(item.querySelectorAll('img').length).toBe(0)
  })

  test('links only to site paths, and shows images only from the site or Sanity’s CDN', () => {
    for (const url of [
      'javascript:alert(1)',
      'https://evil.example/',
      '//evil.example/',
      '/\\evil',
    ])
      expect(result({url}).querySelector('a')?.getAttribute('href'), url).toBe('/')
    for (const image of ['https://evil.example/x.png', '//evil.example/x.png', 'data:image/png,x'])
      expect(result({meta: {image}}).querySelector('img'), image).toBeNull()
    expect(
      result({meta: {image: 'https://cdn.sanity.io/images/p/d/x.png'}})
        .querySelector('img')
        ?.getAttribute('src'),
    ).toBe('https://cdn.sanity.io/images/p/d/x.png')
  })
})
