/**
 * The bundled dataset's old addresses (the seed article's WordPress address, and
 * a Latest article's first slug) in the bundled build, and the list of live
 * paths the redirects are checked against (site/src/lib/site-paths.ts): exactly
 * the pages and feeds a build writes. tests/site/redirects.test.ts covers every
 * rule on a dataset made for it.
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {load} from 'cheerio'
import {describe, expect, inject, test} from 'vitest'

import {livePaths} from '../../site/src/lib/site-paths'
import {loadSiteContent, PAGE_SIZE} from '../../site/src/lib/site-content'
import {htmlFiles, listFiles, urlPathOf} from '../support/built-site'

const bundled = inject('bundledSite')
const SITE = 'https://smartcities.example'

const pageAt = async (path: string) =>
  load(await readFile(join(bundled, path, 'index.html'), 'utf8'))

describe('the bundled dataset’s old addresses', () => {
  test.each([
    ['/industries/industrial-iot/top-smart-cities/', '/lists/top-smart-cities-in-the-world/'],
    [
      '/articles/craftsmanship-and-the-soul-of-cities/',
      '/articles/craftsmanship-and-the-soul-of-cities-with-mike-ablon/',
    ],
  ])('%s sends readers on to %s', async (from, to) => {
    const $ = await pageAt(from)
    expect($('meta[http-equiv="refresh"]').attr('content')).toBe(`0; url=${to}`)
    expect($('link[rel="canonical"]').attr('href')).toBe(`${SITE}${to}`)
    const rules = await readFile(join(bundled, '_redirects'), 'utf8')
    expect(rules).toContain(`\n${from} ${to} 301!\n${from} ${to} 301\n`)
  })
})

describe('the live paths redirects are checked against', () => {
  test('are exactly the pages and feeds the build writes', async () => {
    const files = await listFiles(bundled)
    const oldAddresses = new Set<string>()
    for (const file of await htmlFiles(bundled)) {
      const html = await readFile(join(bundled, file), 'utf8')
      if (html.includes('http-equiv="refresh"')) oldAddresses.add(urlPathOf(file))
    }
    const built = new Set([
      ...(await htmlFiles(bundled)).map(urlPathOf).filter((path) => !oldAddresses.has(path)),
      ...files
        .filter((file) =>
          /(?:^|\/)(?:rss\.xml|feed\.json)$|^robots\.txt$|^sitemap-index\.xml$/.test(file),
        )
        .map((file) => `/${file}`),
    ])
    built.delete('/404.html')
    expect(oldAddresses.size).toBe(2)
    // The same content the pages read (the bundled dataset: no variable is set).
    const content = await loadSiteContent()
    expect([...livePaths({...content, pageSize: PAGE_SIZE})].sort()).toEqual([...built].sort())
  })
})
