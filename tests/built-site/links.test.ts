/**
 * No internal link or asset is broken: every href, src and srcset that stays on
 * the site resolves to a built file, and every #fragment to an element. A link to
 * nowhere (href="#" or href="") is broken too: it only takes the reader back to
 * the top of the page they are on.
 */
import {describe, expect, inject, test} from 'vitest'

import {htmlFiles, listFiles, loadPage, urlPathOf} from '../support/built-site'

const SITE = 'https://smartcities.example'

function internalPath(reference: string, from: string): string | undefined {
  const url = new URL(reference, `${SITE}${from}`)
  return url.origin === SITE ? url.pathname : undefined
}

const fileFor = (path: string) => {
  const relative = decodeURIComponent(path).replace(/^\//, '')
  return relative === '' || relative.endsWith('/') ? `${relative}index.html` : relative
}

describe.each([
  ['bundled', inject('bundledSite')],
  ['paged', inject('pagedSite')],
])('the %s site', (_name, root) => {
  test('has no broken internal link, image, feed link or fragment', async () => {
    const files = new Set(await listFiles(root))
    const broken: string[] = []
    let checked = 0
    for (const file of await htmlFiles(root)) {
      const from = urlPathOf(file)
      const $ = await loadPage(root, file === '404.html' ? '404.html' : from)
      const references = [
        ...$('a[href], link[href]')
          .map((_, element) => $(element).attr('href')!)
          .get(),
        ...$('img[src]')
          .map((_, element) => $(element).attr('src')!)
          .get(),
        ...$('img[srcset]')
          .map((_, element) =>
            $(element)
              .attr('srcset')!
              .split(',')
              .map((candidate) => candidate.trim().split(' ')[0]!),
          )
          .get(),
        ...$('meta[property="og:image"], meta[name="twitter:image"]')
          .map((_, element) => $(element).attr('content')!)
          .get(),
      ]
      for (const reference of references) {
        if (reference.trim() === '' || reference.trim() === '#') {
          checked += 1
          broken.push(`${file}: "${reference}" (links nowhere)`)
          continue
        }
        if (reference.startsWith('mailto:')) continue
        const fragment = reference.startsWith('#') ? reference.slice(1) : undefined
        if (fragment !== undefined) {
          checked += 1
          if (fragment && $(`[id="${fragment}"]`).length === 0)
            broken.push(`${file}: ${reference} (no such id)`)
          continue
        }
        const path = internalPath(reference, from)
        if (path === undefined) continue
        checked += 1
        if (!files.has(fileFor(path))) broken.push(`${file}: ${reference}`)
      }
    }
    expect(checked).toBeGreaterThan(500)
    expect(broken).toEqual([])
  })
})
