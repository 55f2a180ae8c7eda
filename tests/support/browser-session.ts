/**
 * One Chromium and the two built sites served on 127.0.0.1, for a browser test
 * file, and pages in contexts of their own.
 */
import type {Browser, Page} from 'playwright-core'
import {afterAll, beforeAll, inject} from 'vitest'

import {launchChromium} from './browser'
import {startStaticServer, type StaticServer} from './static-server'

export const VIEWPORT_HEIGHT = 800

/** Every page type of the bundled site, by a path that shows it. */
export const PAGE_TYPES = {
  home: '/',
  city: '/cities/vienna/',
  article: '/articles/when-client-engagement-becomes-true-partnership/',
  latest: '/latest/',
  category: '/categories/cities/',
  sections: '/categories/',
  cities: '/cities/',
  lists: '/lists/',
  list: '/lists/top-smart-cities-in-the-world/',
  // Search with results showing (the page writes them once Pagefind answers).
  search: '/search/?q=vienna',
  notFound: '/404.html',
} as const

/** Opens a page and, on the search page, waits until it says how many results it found. */
export async function openPage(page: Page, url: string): Promise<void> {
  await page.goto(url)
  if (new URL(url).pathname === '/search/' && new URL(url).search !== '')
    await page.waitForFunction(() =>
      /^\d[\d,]* results?\b/.test(
        document.querySelector('[data-search-status]')?.textContent ?? '',
      ),
    )
}

export interface BrowserSession {
  readonly browser: Browser
  /** The bundled dataset's site. */
  readonly bundled: StaticServer
  /** The paged fixture's site (27 articles). */
  readonly paged: StaticServer
}

/** Starts Chromium and both servers before the file's tests, and stops them after. */
export function useBrowserSession(): BrowserSession {
  const session = {} as {browser: Browser; bundled: StaticServer; paged: StaticServer}
  beforeAll(async () => {
    ;[session.browser, session.bundled, session.paged] = await Promise.all([
      launchChromium(),
      startStaticServer(inject('bundledSite')),
      startStaticServer(inject('pagedSite')),
    ])
  })
  afterAll(async () => {
    await Promise.all([session.browser?.close(), session.bundled?.close(), session.paged?.close()])
  })
  return session
}

/** A page in a context of its own (AxeBuilder opens a second page in it to merge frame results). */
export async function withPage<T>(
  session: BrowserSession,
  options: {width?: number; colorScheme?: 'light' | 'dark'},
  use: (page: Page) => Promise<T>,
): Promise<T> {
  const context = await session.browser.newContext({
    viewport: {width: options.width ?? 1280, height: VIEWPORT_HEIGHT},
    colorScheme: options.colorScheme ?? 'light',
  })
  try {
    return await use(await context.newPage())
  } finally {
    await context.close()
  }
}

/** Loads every image now and waits for them: full-page shots never scroll lazy images in. */
export async function loadAllImages(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const image of document.querySelectorAll('img')) image.loading = 'eager'
  })
  await page.waitForFunction(() => [...document.images].every((image) => image.complete))
  // Loaded is not yet painted: decoding="async" images are decoded off the main thread.
  await page.evaluate(() =>
    Promise.all([...document.images].map((image) => image.decode().catch(() => undefined))),
  )
  await page.evaluate(() => document.fonts.ready)
}

/**
 * Everything a reader scrolling to the end would see, for a full-page capture:
 * Chromium does not lay out `content-visibility: auto` sections for one (they
 * would be blank), nor load lazy images below the first screen.
 */
export async function renderWholePage(page: Page): Promise<void> {
  await page.evaluate(() => {
    for (const element of document.querySelectorAll<HTMLElement>('body *'))
      if (getComputedStyle(element).contentVisibility === 'auto')
        element.style.setProperty('content-visibility', 'visible')
  })
  await loadAllImages(page)
}
