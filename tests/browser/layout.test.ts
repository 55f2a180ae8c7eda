/** Layouts a reader would notice breaking: the narrowest phones, and paper. */
import {describe, expect, test} from 'vitest'

import {openPage, PAGE_TYPES, useBrowserSession, withPage} from '../support/browser-session'

const session = useBrowserSession()

describe('at 320 px, the narrowest phones', {timeout: 120_000}, () => {
  test.each(Object.entries(PAGE_TYPES))('%s (%s) never scrolls sideways', async (_name, path) => {
    const overflow = await withPage(session, {width: 320}, async (page) => {
      await openPage(page, `${session.bundled.url}${path}`)
      return page.evaluate(() => ({
        page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        // The widest element's right edge, to name the culprit if any.
        widest: [...document.querySelectorAll('body *')]
          .map((element) => ({
            what: `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`,
            right: Math.round(element.getBoundingClientRect().right),
          }))
          .sort((a, b) => b.right - a.right)[0],
      }))
    })
    expect(overflow.page, JSON.stringify(overflow.widest)).toBe(0)
  })

  test('the menu opens without JavaScript and lists every section', async () => {
    const context = await session.browser.newContext({
      javaScriptEnabled: false,
      viewport: {width: 320, height: 640},
    })
    try {
      const page = await context.newPage()
      await page.goto(`${session.bundled.url}/cities/vienna/`)
      const nav = page.getByRole('navigation', {name: 'Main'})
      const sections = nav.getByRole('link', {name: 'Sections', exact: true})
      expect(await sections.isVisible()).toBe(false)
      await nav.getByText('Menu', {exact: true}).click()
      expect(await sections.isVisible()).toBe(true)
      expect(
        await nav.getByRole('link', {name: 'Cities', exact: true}).getAttribute('aria-current'),
      ).toBe('true')
    } finally {
      await context.close()
    }
  })
})

describe('printed', {timeout: 120_000}, () => {
  test.each([PAGE_TYPES.article, PAGE_TYPES.city])(
    '%s keeps the text and leaves out navigation; links show where they lead',
    async (path) => {
      const printed = await withPage(session, {}, async (page) => {
        await page.goto(`${session.bundled.url}${path}`)
        await page.emulateMedia({media: 'print'})
        return page.evaluate(() => {
          const shown = (selector: string) =>
            [...document.querySelectorAll(selector)].some(
              (element) => getComputedStyle(element).display !== 'none',
            )
          const link = document.querySelector('main .prose a[href^="http"]')
          return {
            header: shown('header.site-header'),
            footer: shown('footer.site-footer'),
            breadcrumbs: shown('nav.breadcrumbs'),
            share: shown('nav.share'),
            title: shown('main h1'),
            text: shown('main .prose'),
            linkAddress: link ? getComputedStyle(link, '::after').content : 'no link in the text',
            href: link?.getAttribute('href'),
          }
        })
      })
      expect(printed).toMatchObject({
        header: false,
        footer: false,
        breadcrumbs: false,
        share: false,
      })
      expect(printed).toMatchObject({title: true, text: true})
      if (printed.href) expect(printed.linkAddress).toBe(`" (${printed.href})"`)
    },
  )
})
