/**
 * Site search in Chromium over the built bundled site: what a reader types, clicks
 * and presses, judged against the raw documents of the dataset (never against the
 * code that writes the index). Accessibility and the CSP of /search/ with results
 * are checked with every page type (accessibility.test.ts, security-headers.test.ts).
 */
import {readdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {gunzipSync} from 'node:zlib'

import type {Page} from 'playwright-core'
import {beforeAll, describe, expect, inject, test} from 'vitest'

import {readBundledDocuments, type Doc} from '../support/dataset-files'
import {openPage, useBrowserSession, withPage} from '../support/browser-session'
import {articlesNewestFirst, isPublished, searchableUrls} from '../support/searchable'

const session = useBrowserSession()

type Ref = {_ref: string}
/** Words of five letters or more in any string of a value (keys and URLs too), lower-cased. */
const wordsOf = (value: unknown) =>
  new Set((JSON.stringify(value).match(/[A-Za-z]{5,}/g) ?? []).map((word) => word.toLowerCase()))
/** The text a reader sees in Portable Text: the spans' text, not link addresses or keys. */
const spanText = (blocks: unknown) =>
  ((blocks as Array<{children?: Array<{text?: string}>}> | undefined) ?? [])
    .flatMap((block) => block.children ?? [])
    .map((span) => span.text ?? '')
    .join(' ')

let docs: Doc[]
let published: Doc[]
/** The address of each searchable published document, as the site's routes give it. */
let urlOf: Map<string, string>

beforeAll(async () => {
  docs = await readBundledDocuments()
  published = docs.filter(isPublished)
  urlOf = searchableUrls(docs)
})

/** The results' addresses, in order, once the page has written them (or said there are none). */
async function resultUrls(page: Page): Promise<string[]> {
  await page.waitForFunction(() => {
    const status = document.querySelector('[data-search-status]')?.textContent ?? ''
    return /^\d[\d,]* results?\b/.test(status)
  })
  return page
    .locator('.result-link')
    .evaluateAll((links) => links.map((link) => link.getAttribute('href') ?? ''))
}

async function search(page: Page, query: string): Promise<string[]> {
  await openPage(page, `${session.bundled.url}/search/${query}`)
  return resultUrls(page)
}

describe('searching the bundled site', {timeout: 120_000}, () => {
  test('typing "Vienna" shows the Vienna city page first, with its type and thumbnail', async () => {
    await withPage(session, {}, async (page) => {
      await page.goto(`${session.bundled.url}/search/`)
      await page.getByLabel('Search MarketScale IoT').pressSequentially('Vienna', {delay: 40})
      const urls = await resultUrls(page)
      expect(urls[0]).toBe('/cities/vienna/')
      const first = page.locator('.result').first()
      expect(await first.locator('.result-type').textContent()).toBe('City')
      const image = first.locator('img')
      await expect
        .poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth))
        .toBeGreaterThan(0)
      // The address holds the query, so the page can be shared or reloaded.
      expect(new URL(page.url()).searchParams.get('q')).toBe('Vienna')
    })
  })

  test('a word found in only one article body finds that article', async () => {
    const articles = published.filter((doc) => doc._type === 'article')
    const candidates = articles.flatMap((article) => {
      const elsewhere = published
        .filter((doc) => doc !== article)
        .map((doc) => JSON.stringify(doc).toLowerCase())
        .join(' ')
      // Unique under stemming too ("projects" finds "project"): no other document holds
      // even the word's first letters.
      const stemOf = (word: string) => word.slice(0, Math.max(5, word.length - 3))
      const inBody = [...wordsOf(spanText(article.body))].filter(
        (word) =>
          word.length >= 7 &&
          !elsewhere.includes(stemOf(word)) &&
          !wordsOf(article.title).has(word),
      )
      return inBody.map((word) => ({word, article}))
    })
    expect(candidates.length).toBeGreaterThan(3)
    await withPage(session, {}, async (page) => {
      for (const {word, article} of candidates.slice(0, 3)) {
        const urls = await search(page, `?q=${word}`)
        expect(urls[0], word).toBe(urlOf.get(article._id))
      }
    })
  })

  test('every article, city, ranked list and section is indexed once, and nothing else', async () => {
    await withPage(session, {}, async (page) => {
      await page.goto(`${session.bundled.url}/search/`)
      // Pagefind's own API, every record (as a string: the test runner rewrites import()).
      const urls = await page.evaluate<string[]>(`(async () => {
        const pagefind = await import('/pagefind/pagefind.js')
        const all = await pagefind.search(null, {})
        return Promise.all(all.results.map(async (result) => (await result.data()).url))
      })()`)
      expect(urls.sort()).toEqual([...urlOf.values()].sort())
    })
  })

  test('the section filter narrows the results to that section', async () => {
    const section = published.find((doc) => doc._id === 'category-connectivity')!
    const inSection = (doc: Doc) =>
      doc._id === section._id ||
      (doc.category as Ref | undefined)?._ref === section._id ||
      [
        ...((doc.themes as Ref[] | undefined) ?? []),
        ...((doc.categories as Ref[] | undefined) ?? []),
      ]
        .map((ref) => ref._ref)
        .includes(section._id)
    const expected = published.filter((doc) => urlOf.has(doc._id) && inSection(doc))
    await withPage(session, {}, async (page) => {
      // At 1280 px the filters stand open beside the results.
      const all = await search(page, '?q=city')
      await page.getByLabel(section.title as string).check()
      await expect.poll(() => new URL(page.url()).searchParams.get('category')).toBe(section.title)
      const filtered = await resultUrls(page)
      expect(filtered.length).toBeGreaterThan(0)
      expect(filtered.length).toBeLessThan(all.length)
      const allowed = new Set(expected.map((doc) => urlOf.get(doc._id)))
      for (const url of filtered) expect(allowed, url).toContain(url)
    })
  })

  test("the filters' counters: beside the results on a wide screen; on a narrow one fetched when the reader opens the filters", async () => {
    /** The counters of the four types, and the result count the status line gives. */
    const counters = (page: Page) =>
      page.evaluate(() => ({
        types: Array.from(document.querySelectorAll('[data-count-for^="type:"]'), (e) =>
          e.textContent === '' ? null : Number(e.textContent),
        ),
        total: Number(
          /^(\d+)/.exec(document.querySelector('[data-search-status]')!.textContent!)![1],
        ),
      }))
    for (const width of [1280, 390]) {
      await withPage(session, {width}, async (page) => {
        const filterRequests: string[] = []
        page.on('request', (request) => {
          if (new URL(request.url()).pathname.startsWith('/pagefind/filter/'))
            filterRequests.push(request.url())
        })
        await search(page, '?q=city')
        if (width === 390) {
          // Nothing a reader cannot see is fetched: no counters yet, no filter index.
          await page.waitForLoadState('networkidle')
          expect(filterRequests).toEqual([])
          expect((await counters(page)).types).toEqual([null, null, null, null])
          await page.getByText('Filter and sort', {exact: true}).click()
          await expect.poll(async () => (await counters(page)).types.includes(null)).toBe(false)
        }
        // Every result has one type: the type counters add up to the results found.
        const {types, total} = await counters(page)
        expect(types.every((count) => Number.isInteger(count))).toBe(true)
        expect(
          types.reduce((sum: number, count) => sum + count!, 0),
          `${width} px`,
        ).toBe(total)
        expect(filterRequests.length, `${width} px`).toBeGreaterThan(0)
      })
    }
  })

  test('Newest first and Oldest first order articles by their publication date', async () => {
    const newestFirst = articlesNewestFirst(docs)
    await withPage(session, {}, async (page) => {
      expect(await search(page, '?type=Article&sort=newest')).toEqual(newestFirst)
      expect(await search(page, '?type=Article&sort=oldest')).toEqual(newestFirst.toReversed())
    })
  })

  test('the header search box, on any page, lands on /search/?q=… with results', async () => {
    for (const width of [1280, 390]) {
      await withPage(session, {width}, async (page) => {
        await page.goto(`${session.bundled.url}/cities/tokyo/`)
        if (width < 768) await page.getByText('Menu', {exact: true}).click()
        const box = page.getByRole('search').getByLabel('Search the site')
        await box.fill('Stockholm')
        await box.press('Enter')
        await page.waitForURL(/\/search\/\?q=Stockholm$/)
        expect((await resultUrls(page))[0], `${width} px`).toBe('/cities/stockholm/')
        expect(await page.getByLabel('Search MarketScale IoT').inputValue()).toBe('Stockholm')
      })
    }
  })

  test('keyboard only: Tab to the field, type, ↓ through the results, Enter opens one', async () => {
    await withPage(session, {}, async (page) => {
      await page.goto(`${session.bundled.url}/search/`)
      const focusedId = () => page.evaluate(() => document.activeElement?.id)
      let presses = 0
      while ((await focusedId()) !== 'search-query' && presses < 20) {
        await page.keyboard.press('Tab')
        presses += 1
      }
      expect(await focusedId()).toBe('search-query')
      await page.keyboard.type('smart')
      const urls = await resultUrls(page)
      expect(urls.length).toBeGreaterThan(2)
      const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href'))
      await page.keyboard.press('ArrowDown')
      expect(await focusedHref()).toBe(urls[0])
      await page.keyboard.press('ArrowDown')
      expect(await focusedHref()).toBe(urls[1])
      await page.keyboard.press('ArrowUp')
      expect(await focusedHref()).toBe(urls[0])
      await page.keyboard.press('ArrowDown')
      await page.keyboard.press('Enter')
      await page.waitForURL(`${session.bundled.url}${urls[1]}`)
    })
  })

  test('without JavaScript the page says search needs it and links the indexes', async () => {
    const context = await session.browser.newContext({javaScriptEnabled: false})
    try {
      const page = await context.newPage()
      await page.goto(`${session.bundled.url}/search/?q=vienna`)
      // (Inside <noscript>, which Playwright's text and role selectors skip.)
      const notice = page.locator('main p.notice')
      expect(await notice.isVisible()).toBe(true)
      expect(await notice.innerText()).toMatch(/^Search runs in your browser and needs JavaScript/)
      const links = await notice
        .locator('a')
        .evaluateAll((anchors) => anchors.map((a) => `${a.textContent} ${a.getAttribute('href')}`))
      expect(links).toEqual(expect.arrayContaining(['sections /categories/', 'cities /cities/']))
    } finally {
      await context.close()
    }
  })
})

describe('drafts', () => {
  /** Words of the drafts that no published document has. */
  const draftOnlyWords = () => {
    const publishedWords = new Set(published.flatMap((doc) => [...wordsOf(doc)]))
    return [
      ...new Set(docs.filter((doc) => !isPublished(doc)).flatMap((doc) => [...wordsOf(doc)])),
    ].filter((word) => !publishedWords.has(word))
  }

  test('a word found only in a draft finds nothing', {timeout: 60_000}, async () => {
    const words = draftOnlyWords()
    expect(words).toEqual(expect.arrayContaining(['streetlights', 'unpublished']))
    await withPage(session, {}, async (page) => {
      // The draft's subject finds nothing at all.
      expect(await search(page, '?q=streetlights')).toEqual([])
      // Pagefind also tries the parts of a word it does not know ("unpublished" finds "UN"):
      // whatever it finds, no excerpt holds the draft's word.
      for (const word of words) {
        await search(page, `?q=${word}`)
        const excerpts = await page.locator('.result-excerpt').allTextContents()
        for (const excerpt of excerpts) expect(excerpt.toLowerCase(), word).not.toContain(word)
      }
      // The same page finds published text, so the empty answers above are real.
      expect(await search(page, '?q=vienna')).not.toEqual([])
    })
  })

  test('the index files hold no draft id and no word only a draft has', async () => {
    const dir = join(inject('bundledSite'), 'pagefind')
    const files = (await readdir(dir, {recursive: true, withFileTypes: true})).filter((entry) =>
      entry.isFile(),
    )
    const draftIds = docs.filter((doc) => !isPublished(doc)).map((doc) => doc._id)
    // Pagefind indexes stems: "streetlights" may be kept as "streetlight".
    const draftWords = draftOnlyWords().flatMap((word) => [word, word.replace(/s$/, '')])
    let data = 0
    for (const file of files) {
      const raw = await readFile(join(file.parentPath, file.name))
      // Index chunks, fragments, filters and metadata are gzipped, headed "pagefind_dcd";
      // the library's scripts and WebAssembly hold no content.
      if (raw[0] !== 0x1f || raw[1] !== 0x8b) continue
      const text = gunzipSync(raw).toString('utf8')
      expect(text.startsWith('pagefind_dcd'), file.name).toBe(true)
      data += 1
      for (const id of [...draftIds, 'drafts.'])
        expect(text.includes(id), `${file.name} holds ${id}`).toBe(false)
      for (const word of draftWords)
        expect(text.toLowerCase().includes(word), `${file.name} holds "${word}"`).toBe(false)
    }
    // The published content is in there, in the same files: Vienna is.
    const all = await Promise.all(
      files.map(async (file) => readFile(join(file.parentPath, file.name))),
    )
    const texts = all
      .filter((raw) => raw[0] === 0x1f)
      .map((raw) => gunzipSync(raw).toString('utf8'))
    expect(data).toBeGreaterThan(10)
    expect(texts.some((text) => text.includes('Vienna'))).toBe(true)
  })
})
