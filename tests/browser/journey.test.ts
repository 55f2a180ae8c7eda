/**
 * The built site in a real browser (Debian's Chromium through playwright-core): a reader's
 * journey by clicks, screenshots for people to look at, axe-core in both colour schemes,
 * and keyboard focus.
 */
import {mkdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'

import AxeBuilder from '@axe-core/playwright'
import type {Browser, Page} from 'playwright-core'
import sharp from 'sharp'
import {afterAll, beforeAll, describe, expect, inject, test} from 'vitest'

import {launchChromium} from '../support/browser'
import {artifactsDir} from '../support/paths'
import {startStaticServer, type StaticServer} from '../support/static-server'

const TIMEOUT = 120_000
const VIEWPORT_HEIGHT = 800

let browser: Browser
let bundled: StaticServer
let paged: StaticServer

beforeAll(async () => {
  ;[browser, bundled, paged] = await Promise.all([
    launchChromium(),
    startStaticServer(inject('bundledSite')),
    startStaticServer(inject('pagedSite')),
  ])
})

afterAll(async () => {
  await Promise.all([browser?.close(), bundled?.close(), paged?.close()])
})

async function withPage<T>(
  options: {width?: number; colorScheme?: 'light' | 'dark'},
  use: (page: Page) => Promise<T>,
): Promise<T> {
  // A context of its own: AxeBuilder opens a second page in it to merge frame results.
  const context = await browser.newContext({
    viewport: {width: options.width ?? 1280, height: VIEWPORT_HEIGHT},
  })
  try {
    const page = await context.newPage()
    if (options.colorScheme) await page.emulateMedia({colorScheme: options.colorScheme})
    return await use(page)
  } finally {
    await context.close()
  }
}

const pathOf = (page: Page) => new URL(page.url()).pathname
const h1Visible = (page: Page, name: string) =>
  page.getByRole('heading', {level: 1, name, exact: true}).isVisible()

describe('a reader’s journey, by clicks', {timeout: TIMEOUT}, () => {
  test('from the ranking to a city, an article, its category, page 2 and the feed', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${paged.url}/`)
      expect(await h1Visible(page, 'The Top Smart Cities in the World')).toBe(true)

      await page.getByRole('link', {name: 'More about Vienna', exact: true}).click()
      await page.waitForURL('**/cities/vienna/')
      expect(pathOf(page)).toBe('/cities/vienna/')
      expect(await h1Visible(page, 'Vienna')).toBe(true)

      const latest = page.getByRole('region', {name: 'Latest about Vienna'})
      expect(await latest.isVisible()).toBe(true)
      const articleLink = latest.getByRole('link', {name: /^Fixture article \d+$/}).first()
      const articleTitle = (await articleLink.textContent())!.trim()
      await articleLink.click()
      await page.waitForURL(/\/articles\/fixture-article-\d+\/$/)
      expect(pathOf(page)).toMatch(/^\/articles\/fixture-article-\d+\/$/)
      expect(await h1Visible(page, articleTitle)).toBe(true)

      // The kicker above the headline, not the breadcrumb or a card's category.
      await page.locator('article.article > header').getByRole('link', {name: 'Cities'}).click()
      await page.waitForURL('**/categories/cities/')
      expect(pathOf(page)).toBe('/categories/cities/')
      expect(await h1Visible(page, 'Cities')).toBe(true)

      await page.getByRole('link', {name: 'Older →'}).click()
      await page.waitForURL('**/categories/cities/2/')
      expect(pathOf(page)).toBe('/categories/cities/2/')
      expect(await h1Visible(page, 'Cities')).toBe(true)
      expect(await page.getByText('Page 2 of 3').isVisible()).toBe(true)

      const subscribe = page.getByRole('main').getByRole('link', {name: /^Subscribe to/})
      const href = await subscribe.getAttribute('href')
      expect(href).toBe('/categories/cities/rss.xml')
      const feed = await page.request.get(new URL(href!, page.url()).href)
      expect(feed.status()).toBe(200)
      expect(feed.headers()['content-type']).toMatch(/xml/)
      const xml = await feed.text()
      expect(xml).toContain('<rss')
      expect(xml.match(/<item>/g)?.length ?? 0).toBeGreaterThan(0)
    })
  })
})

const SCREENSHOT_PAGES = [
  {name: 'home', path: '/'},
  {name: 'city', path: '/cities/vienna/'},
  {name: 'article', path: '/articles/when-client-engagement-becomes-true-partnership/'},
  {name: 'category', path: '/categories/cities/'},
  {name: 'latest', path: '/latest/'},
]
const WIDTHS = [375, 1280]

/**
 * A PNG's real pixel size, read from its bytes: the IHDR chunk's big-endian 32-bit
 * width and height, at offsets 16 and 20.
 */
function pngSize(png: Buffer): {width: number; height: number} {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(png.toString('latin1', 12, 16)).toBe('IHDR')
  return {width: png.readUInt32BE(16), height: png.readUInt32BE(20)}
}

/** How many distinct colours the top `rows` of an image hold (decoded by sharp). */
async function distinctColours(png: Buffer, rows: number): Promise<number> {
  const {data, info} = await sharp(png).removeAlpha().raw().toBuffer({resolveWithObject: true})
  const colours = new Set<number>()
  const end = Math.min(rows, info.height) * info.width * 3
  for (let index = 0; index < end; index += 3)
    colours.add((data[index]! << 16) | (data[index + 1]! << 8) | data[index + 2]!)
  return colours.size
}

describe('screenshots of the bundled site', {timeout: TIMEOUT}, () => {
  const dir = join(artifactsDir, 'screenshots')

  test.each(SCREENSHOT_PAGES.flatMap((shot) => WIDTHS.map((width) => ({...shot, width}))))(
    '$name at $width px',
    async ({name, path, width}) => {
      await mkdir(dir, {recursive: true})
      const file = join(dir, `${name}-${width}.png`)
      await withPage({width}, async (page) => {
        await page.goto(`${bundled.url}${path}`)
        // A full-page shot never scrolls, so lazy images below the fold would stay blank.
        await page.evaluate(() => {
          for (const image of document.querySelectorAll('img')) image.loading = 'eager'
        })
        await page.waitForFunction(() => [...document.images].every((image) => image.complete))
        await page.screenshot({path: file, fullPage: true})
      })
      const png = await readFile(file)
      const size = pngSize(png)
      // As wide as the viewport (nothing overflows sideways), the whole page long.
      expect(size.width).toBe(width)
      expect(size.height).toBeGreaterThan(VIEWPORT_HEIGHT)
      // Not blank: the first screenful holds anti-aliased text and images, hundreds of
      // colours (500 or more on these pages); a blank or hidden page has one or a few.
      expect(await distinctColours(png, VIEWPORT_HEIGHT)).toBeGreaterThan(100)
    },
  )
})

const AXE_PAGES = [
  '/',
  '/cities/vienna/',
  '/articles/when-client-engagement-becomes-true-partnership/',
  '/categories/energy/',
  '/latest/',
  '/lists/top-smart-cities-in-the-world/',
  '/404.html',
]
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']

describe('axe-core finds no violations', {timeout: TIMEOUT}, () => {
  test.each(
    AXE_PAGES.flatMap((path) =>
      (['light', 'dark'] as const).map((colorScheme) => ({path, colorScheme})),
    ),
  )('$path in $colorScheme mode', async ({path, colorScheme}) => {
    const violations = await withPage({colorScheme}, async (page) => {
      await page.goto(`${bundled.url}${path}`)
      const results = await new AxeBuilder({page}).withTags(AXE_TAGS).analyze()
      return results.violations
    })
    const found = violations.map(
      (violation) =>
        `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n` +
        violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n'),
    )
    expect(found, `axe violations on ${path} (${colorScheme}):\n${found.join('\n')}`).toEqual([])
  })
})

describe('keyboard', {timeout: TIMEOUT}, () => {
  test('the skip link is the first focusable element, and focus is visible', async () => {
    await withPage({}, async (page) => {
      await page.goto(`${bundled.url}/`)
      await page.keyboard.press('Tab')
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement | null
        return element
          ? {
              text: element.textContent?.trim(),
              href: element.getAttribute('href'),
              outlineStyle: getComputedStyle(element).outlineStyle,
            }
          : undefined
      })
      expect(focused?.text).toBe('Skip to content')
      expect(focused?.href).toBe('#main')
      expect(focused?.outlineStyle).not.toBe('none')
    })
  })
})
