/**
 * axe-core (WCAG 2.2 AA and best practice) on every page type, on a phone and a wide
 * screen, in both colour schemes; and the keyboard's way in.
 */
import AxeBuilder from '@axe-core/playwright'
import {describe, expect, test} from 'vitest'

import {PAGE_TYPES, openPage, useBrowserSession, withPage} from '../support/browser-session'

const session = useBrowserSession()
const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']
// A phone as Lighthouse's mobile run sees it, and a wide screen.
const WIDTHS = [412, 1280]

describe('axe-core finds no violations', {timeout: 120_000}, () => {
  const pages = [
    ...Object.values(PAGE_TYPES).map((path) => ({site: 'bundled' as const, path})),
    // A paginated listing, and an article with a full "Read next".
    {site: 'paged' as const, path: '/categories/cities/2/'},
    {site: 'paged' as const, path: '/articles/fixture-article-01/'},
  ]
  test.each(
    pages.flatMap((page) =>
      WIDTHS.flatMap((width) =>
        (['light', 'dark'] as const).map((colorScheme) => ({...page, width, colorScheme})),
      ),
    ),
  )('$path ($site) at $width px in $colorScheme mode', async ({site, path, width, colorScheme}) => {
    const violations = await withPage(session, {width, colorScheme}, async (page) => {
      await openPage(page, `${session[site].url}${path}`)
      return (await new AxeBuilder({page}).withTags(AXE_TAGS).analyze()).violations
    })
    const found = violations.map(
      (violation) =>
        `${violation.id} (${violation.impact ?? 'unknown impact'}): ${violation.help}\n` +
        violation.nodes.map((node) => `    ${node.target.join(' ')}`).join('\n'),
    )
    expect(
      found,
      `axe violations on ${path} at ${width} px (${colorScheme}):\n${found.join('\n')}`,
    ).toEqual([])
  })
})

describe('keyboard', {timeout: 120_000}, () => {
  test('the skip link is the first focusable element, and focus is visible', async () => {
    await withPage(session, {}, async (page) => {
      await page.goto(`${session.bundled.url}/`)
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

  test('on a wide screen every section of the header is reached by Tab, after the masthead', async () => {
    await withPage(session, {width: 1280}, async (page) => {
      await page.goto(`${session.bundled.url}/`)
      const reached: string[] = []
      for (let step = 0; step < 7; step += 1) {
        await page.keyboard.press('Tab')
        reached.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''))
      }
      expect(reached).toEqual([
        'Skip to content',
        'MarketScale IoT',
        'Top cities',
        'Latest',
        'Sections',
        'Cities',
        'RSS',
      ])
    })
  })
})
