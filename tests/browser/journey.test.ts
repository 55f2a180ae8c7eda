/**
 * Readers' journeys through the built site in a real browser (Debian's Chromium
 * through playwright-core), by clicks, as a reader would take them.
 */
import {mkdir} from 'node:fs/promises'
import {join} from 'node:path'

import type {Page} from 'playwright-core'
import {describe, expect, test} from 'vitest'

import {renderWholePage, useBrowserSession, withPage} from '../support/browser-session'
import {artifactsDir} from '../support/paths'

const TIMEOUT = 120_000
const session = useBrowserSession()

const pathOf = (page: Page) => new URL(page.url()).pathname
const h1Visible = (page: Page, name: string) =>
  page.getByRole('heading', {level: 1, name, exact: true}).isVisible()

describe('a reader’s journey, by clicks', {timeout: TIMEOUT}, () => {
  test('from the ranking to a city, an article, its category, page 2 and the feed', async () => {
    await withPage(session, {}, async (page) => {
      await page.goto(`${session.paged.url}/`)
      expect(await h1Visible(page, 'The Top Smart Cities in the World')).toBe(true)

      await page.getByRole('link', {name: 'More about Vienna', exact: true}).click()
      await page.waitForURL('**/cities/vienna/')
      expect(await h1Visible(page, 'Vienna')).toBe(true)

      const latest = page.getByRole('region', {name: /^Latest about Vienna/})
      expect(await latest.isVisible()).toBe(true)
      const articleLink = latest.getByRole('link', {name: /^Fixture article \d+$/}).first()
      const articleTitle = (await articleLink.textContent())!.trim()
      await articleLink.click()
      await page.waitForURL(/\/articles\/fixture-article-\d+\/$/)
      expect(await h1Visible(page, articleTitle)).toBe(true)

      // The kicker above the headline, not the breadcrumb or a card's category.
      await page.locator('article.article > header').getByRole('link', {name: 'Cities'}).click()
      await page.waitForURL('**/categories/cities/')
      expect(await h1Visible(page, 'Cities')).toBe(true)

      await page.getByRole('link', {name: 'Older →'}).click()
      await page.waitForURL('**/categories/cities/2/')
      expect(await h1Visible(page, 'Cities')).toBe(true)
      expect(await page.getByText('Page 2 of 3').isVisible()).toBe(true)

      const subscribe = page.getByRole('main').getByRole('link', {name: /^Subscribe to/})
      const href = await subscribe.getAttribute('href')
      expect(href).toBe('/categories/cities/rss.xml')
      const feed = await page.request.get(new URL(href!, page.url()).href)
      expect(feed.status()).toBe(200)
      expect(feed.headers()['content-type']).toMatch(/xml/)
      expect((await feed.text()).match(/<item>/g)?.length ?? 0).toBeGreaterThan(0)
    })
  })

  describe.each([390, 1280])('through the header at %i px', (width) => {
    test.each(['light', 'dark'] as const)(
      '%s: Sections, a section, an article, its author, what to read next, Cities, a city',
      async (colorScheme) => {
        const dir = join(artifactsDir, 'journey', `${width}-${colorScheme}`)
        await mkdir(dir, {recursive: true})
        let step = 0
        const shot = async (page: Page, name: string) => {
          await renderWholePage(page)
          await page.screenshot({path: join(dir, `${++step}-${name}.png`), fullPage: true})
        }
        /** A section of the main navigation; on a phone it sits behind "Menu". */
        const openSection = async (page: Page, name: string) => {
          const nav = page.getByRole('navigation', {name: 'Main'})
          const menu = nav.getByText('Menu', {exact: true})
          if (await menu.isVisible()) await menu.click()
          await nav.getByRole('link', {name, exact: true}).click()
        }

        await withPage(session, {width, colorScheme}, async (page) => {
          await page.goto(`${session.bundled.url}/`)
          await shot(page, 'home')

          await openSection(page, 'Sections')
          await page.waitForURL('**/categories/')
          expect(await h1Visible(page, 'Sections')).toBe(true)
          await shot(page, 'sections')

          await page.getByRole('main').getByRole('link', {name: 'Client engagement'}).click()
          await page.waitForURL('**/categories/client-engagement/')
          expect(await h1Visible(page, 'Client engagement')).toBe(true)
          await shot(page, 'section')

          const title = 'When Client Engagement Becomes True Partnership'
          await page.getByRole('main').getByRole('link', {name: title}).click()
          await page.waitForURL('**/articles/when-client-engagement-becomes-true-partnership/')
          expect(await h1Visible(page, title)).toBe(true)
          const author = page.getByRole('complementary', {name: /About the author/})
          await author.scrollIntoViewIfNeeded()
          expect(await author.isVisible()).toBe(true)
          expect(await author.textContent()).toContain('IoT Desk')
          await shot(page, 'article')

          const next = page
            .getByRole('region', {name: 'Read next'})
            .getByRole('heading', {level: 3})
            .first()
          const nextTitle = (await next.textContent())!.trim()
          await next.getByRole('link').click()
          await page.waitForURL(/\/articles\/[a-z0-9-]+\/$/)
          expect(await h1Visible(page, nextTitle)).toBe(true)
          await shot(page, 'read-next')

          await openSection(page, 'Cities')
          await page.waitForURL('**/cities/')
          await shot(page, 'cities')

          await page.getByRole('main').getByRole('link', {name: 'Vienna', exact: true}).click()
          await page.waitForURL('**/cities/vienna/')
          expect(await h1Visible(page, 'Vienna')).toBe(true)
          expect(pathOf(page)).toBe('/cities/vienna/')
          await shot(page, 'city')
        })
      },
      TIMEOUT,
    )
  })
})
