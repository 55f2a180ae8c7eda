/**
 * Site search over an index in parts, as a large site's is (100,000 articles: six
 * parts of 20,000 records): the paged fixture's site is built with parts of 12
 * records (fixtures.ts), and a reader searching it sees one index. Judged against
 * the fixture's raw documents.
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import type {Page} from 'playwright-core'
import {beforeAll, describe, expect, inject, test} from 'vitest'

import type {Doc} from '../support/dataset-files'
import {openPage, useBrowserSession, withPage} from '../support/browser-session'
import {EXTRA_ARTICLES, PAGED_SEARCH_PART_SIZE, pagedDocuments} from '../support/fixtures'
import {articlesNewestFirst, searchableUrls} from '../support/searchable'

const session = useBrowserSession()

let docs: Doc[]
let urlOf: Map<string, string>
let parts: string[]

beforeAll(async () => {
  docs = await pagedDocuments()
  urlOf = searchableUrls(docs)
  const manifest = await readFile(join(inject('pagedSite'), 'pagefind', 'parts.json'), 'utf8')
  parts = (JSON.parse(manifest) as {parts: string[]}).parts
})

/** Every result's address, in order, pressing "Show more results" until all are listed. */
async function allResults(page: Page, query: string): Promise<string[]> {
  await openPage(page, `${session.paged.url}/search/${query}`)
  const more = page.getByRole('button', {name: 'Show more results'})
  while (await more.isVisible()) {
    const shown = await page.locator('.result-link').count()
    await more.click()
    await expect.poll(() => page.locator('.result-link').count()).toBeGreaterThan(shown)
  }
  return page
    .locator('.result-link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
}

describe('search over an index in parts', {timeout: 120_000}, () => {
  test('the index is in parts of at most the size set, together holding every page once', async () => {
    expect(parts.length).toBe(Math.ceil(urlOf.size / PAGED_SEARCH_PART_SIZE))
    await withPage(session, {}, async (page) => {
      await page.goto(`${session.paged.url}/search/`)
      // Pagefind's own API on each part (as a string: the test runner rewrites import()).
      const perPart = await page.evaluate<string[][]>(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js')
        const perPart = []
        // One after another: instances that start together corrupt each other's WebAssembly.
        for (const basePath of ${JSON.stringify(parts)}) {
          const all = await pagefind.createInstance({basePath}).search(null, {})
          perPart.push(await Promise.all(all.results.map(async (result) => (await result.data()).url)))
        }
        return perPart
      })()`)
      for (const urls of perPart) expect(urls.length).toBeLessThanOrEqual(PAGED_SEARCH_PART_SIZE)
      expect(perPart.flat().sort()).toEqual([...urlOf.values()].sort())
    })
  })

  test('Newest first and Oldest first run across the parts by publication date', async () => {
    const newestFirst = articlesNewestFirst(docs)
    expect(newestFirst.length).toBeGreaterThan(2 * PAGED_SEARCH_PART_SIZE)
    await withPage(session, {}, async (page) => {
      expect(await allResults(page, '?type=Article&sort=newest')).toEqual(newestFirst)
      expect(await allResults(page, '?type=Article&sort=oldest')).toEqual(newestFirst.toReversed())
    })
  })

  test('best match ranks across the parts: "Vienna" shows the Vienna city page first', async () => {
    await withPage(session, {}, async (page) => {
      const urls = await allResults(page, '?q=Vienna')
      expect(urls[0]).toBe('/cities/vienna/')
      // The fixture's articles about Vienna, in every part, are found too.
      expect(urls.filter((url) => url.startsWith('/articles/fixture-')).length).toBeGreaterThan(3)
    })
  })

  test('the counters and the count of results add up every part', async () => {
    await withPage(session, {}, async (page) => {
      const urls = await allResults(page, '?q=fixture')
      const counters = await page.evaluate(() =>
        Object.fromEntries(
          Array.from(document.querySelectorAll<HTMLElement>('[data-count-for^="type:"]'), (e) => [
            e.dataset.countFor!.slice('type:'.length),
            Number(e.textContent),
          ]),
        ),
      )
      const listed: Record<string, number> = {City: 0, Article: 0, 'Ranked list': 0, Section: 0}
      for (const type of await page.locator('.result-type').allTextContents()) listed[type]! += 1
      // The word is in every fixture article, and the fixture articles are in every part.
      expect(listed.Article).toBeGreaterThanOrEqual(EXTRA_ARTICLES)
      expect(counters).toEqual(listed)
      const status = await page.locator('[data-search-status]').textContent()
      expect(status).toMatch(new RegExp(`^${urls.length} results for “fixture”`))
    })
  })
})
