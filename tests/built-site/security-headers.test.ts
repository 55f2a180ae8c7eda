/**
 * The Content-Security-Policy and security headers: the host files say what
 * site/src/lib/csp.ts says, and that is the policy written out below; every page
 * carries the meta policy with the hashes of its own inlined styles, the pages load
 * in Chromium with both policies and not one violation, and every external link has
 * rel="noopener noreferrer".
 */
import {createHash} from 'node:crypto'
import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {load} from 'cheerio'
import type {Browser} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, inject, test} from 'vitest'

import {SECURITY_HEADERS} from '../../site/src/lib/csp'
import {headersFile, vercelJson} from '../../site/src/lib/host-files'
import {launchChromium} from '../support/browser'
import {htmlFiles, pageFiles, urlPathOf} from '../support/built-site'
import {repoRoot} from '../support/paths'
import {startStaticServer, type StaticServer} from '../support/static-server'

const headersPath = join(repoRoot, 'site', 'public', '_headers')
const vercelPath = join(repoRoot, 'site', 'vercel.json')

/** A policy as directive name → sorted sources. */
function parsePolicy(policy: string): Map<string, string[]> {
  const directives = new Map<string, string[]>()
  for (const directive of policy.split(';')) {
    const [name, ...sources] = directive.trim().split(/\s+/)
    if (name) directives.set(name.toLowerCase(), sources.sort())
  }
  return directives
}

/** Headers for every path, from a _headers file (only "/*" blocks are written here). */
function parseHeadersFile(text: string): Record<string, string> {
  const headers: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const match = /^\s+([\w-]+):\s*(.+)$/.exec(line)
    if (match) headers[match[1]!] = match[2]!
  }
  return headers
}

/**
 * The policy hosts must send, written out here once (not read from csp.ts, whose
 * generator also writes the files compared against it): nothing loads but the site's
 * own images and Sanity's image CDN, its own fonts, fetches only from its own origin
 * (the search index; tools such as Lighthouse read /robots.txt from a page), scripts
 * and workers from the site's origin and WebAssembly (what the search page needs:
 * each page's meta policy narrows this, below), inline styles (which the meta policy
 * pins by hash), no <base>, forms only to the site itself, no framing.
 */
const EXPECTED_HOST_POLICY: Record<string, string[]> = {
  'default-src': ["'none'"],
  'img-src': ["'self'", 'https://cdn.sanity.io'],
  'font-src': ["'self'"],
  'connect-src': ["'self'"],
  'base-uri': ["'none'"],
  'form-action': ["'self'"],
  'script-src': ["'self'", "'wasm-unsafe-eval'"],
  'worker-src': ["'self'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'frame-ancestors': ["'none'"],
}
/** The one page that runs script, and what its meta policy adds for Pagefind. */
const SEARCH_PAGE = '/search/'
const SEARCH_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"]
const expectedHostPolicy = new Map(
  Object.entries(EXPECTED_HOST_POLICY).map(([name, sources]) => [name, [...sources].sort()]),
)
/**
 * Directives the meta policy carries as the header does (it has script-src and
 * style-src of its own, and cannot carry frame-ancestors).
 */
const SHARED_DIRECTIVES = [
  'default-src',
  'img-src',
  'font-src',
  'connect-src',
  'base-uri',
  'form-action',
]

/** The other headers hosts must send with every response, written out likewise. */
const EXPECTED_OTHER_HEADERS: Record<string, string> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
}

const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

describe('the host headers files', () => {
  test('say exactly what site/src/lib/csp.ts says (UPDATE_HOST_HEADERS=1 rewrites them)', async () => {
    if (process.env.UPDATE_HOST_HEADERS === '1') {
      await writeFile(headersPath, headersFile())
      await writeFile(vercelPath, vercelJson())
    }
    expect(await readFile(headersPath, 'utf8')).toBe(headersFile())
    expect(await readFile(vercelPath, 'utf8')).toBe(vercelJson())
  })

  test('send the same, expected headers on Netlify/Cloudflare (_headers) and Vercel (vercel.json)', async () => {
    const netlify = parseHeadersFile(await readFile(headersPath, 'utf8'))
    const vercel = JSON.parse(await readFile(vercelPath, 'utf8')) as {
      headers: Array<{source: string; headers: Array<{key: string; value: string}>}>
    }
    expect(vercel.headers).toHaveLength(1)
    expect(vercel.headers[0]!.source).toBe('/(.*)')
    expect(
      Object.fromEntries(vercel.headers[0]!.headers.map(({key, value}) => [key, value])),
    ).toEqual(netlify)
    expect(netlify).toEqual(SECURITY_HEADERS)
    const {'Content-Security-Policy': policy, ...others} = netlify
    expect(parsePolicy(policy!)).toEqual(expectedHostPolicy)
    expect(others).toEqual(EXPECTED_OTHER_HEADERS)
  })

  test('are published with the site', async () => {
    const built = await readFile(join(inject('bundledSite'), '_headers'), 'utf8')
    expect(built).toBe(await readFile(headersPath, 'utf8'))
  })
})

describe('the meta Content-Security-Policy of every page', () => {
  test('is the host policy: same directives, frame-ancestors only in the header, inline styles pinned by hash', async () => {
    const host = expectedHostPolicy
    const shared = SHARED_DIRECTIVES
    for (const root of [inject('bundledSite'), inject('pagedSite')]) {
      for (const file of await htmlFiles(root)) {
        const $ = load(await readFile(join(root, file), 'utf8'))
        const metas = $('meta[http-equiv="content-security-policy" i]')
        expect(metas.length, file).toBe(1)
        // A meta policy governs only what comes after it. Astro writes it at the end of
        // <head>, after the font declarations of its <Font> component: those are the only
        // styles before it, they hold nothing but @font-face rules and the font's custom
        // property, and the meta lists their hashes too (checked below with every style).
        const metaIndex = $('head > *').index(metas)
        $('head > style').each((_, style) => {
          if ($('head > *').index(style) > metaIndex) return
          const rest = ($(style).html() ?? '')
            .replace(/@font-face\s*\{[^{}]*\}/g, '')
            .replace(/:root\s*\{\s*--font-(?:serif|sans):[^;{}]*;?\s*\}/g, '')
          expect(rest.trim(), `${file}: a style before the policy`).toBe('')
        })
        const meta = parsePolicy(metas.attr('content')!)
        const isSearch = urlPathOf(file) === SEARCH_PAGE
        for (const name of shared)
          expect(meta.get(name), `${file}: ${name}`).toEqual(host.get(name))
        const own = isSearch
          ? ['script-src', 'style-src', 'worker-src']
          : ['script-src', 'style-src']
        expect([...meta.keys()].sort(), file).toEqual([...shared, ...own].sort())
        // The meta cannot carry frame-ancestors: the header forbids framing.
        expect(meta.has('frame-ancestors')).toBe(false)
        // Inline styles: the header allows them, the meta only those whose hash it lists.
        const styleSources = meta.get('style-src')!
        expect(styleSources).not.toContain("'unsafe-inline'")
        expect(styleSources).toContain("'self'")
        for (const source of styleSources)
          expect(source, `${file}: style-src`).toMatch(/^(?:'self'|'sha256-[A-Za-z0-9+/]+=*')$/)
        // Scripts: on every page but search, hashes only (of Astro's island runtimes, which
        // no page carries), so no script can run; search adds its origin and WebAssembly.
        const scriptSources = meta.get('script-src')!
        const hashes = scriptSources.filter((source) => /^'sha256-[A-Za-z0-9+/]+=*'$/.test(source))
        // ('report-sample' allows nothing: it asks violation reports for a sample.)
        expect(scriptSources.filter((source) => !hashes.includes(source)).sort(), file).toEqual(
          ["'report-sample'", ...(isSearch ? SEARCH_SCRIPT_SOURCES : [])].sort(),
        )
        if (isSearch) expect(meta.get('worker-src'), file).toEqual(["'self'"])
        $('style').each((_, style) => {
          expect(styleSources, `${file}: a <style> without its hash`).toContain(
            sha256($(style).html() ?? ''),
          )
        })
        expect($('[style]').length, `${file}: style attributes are not allowed`).toBe(0)
        const executable = $('script').filter(
          (_, script) => $(script).attr('type') !== 'application/ld+json',
        )
        expect(executable.length, file).toBe(isSearch ? 1 : 0)
      }
    }
  })
})

describe('in Chromium, with the host headers and the meta policy', () => {
  let browser: Browser
  let server: StaticServer
  beforeAll(async () => {
    ;[browser, server] = await Promise.all([
      launchChromium(),
      startStaticServer(inject('pagedSite')),
    ])
  })
  afterAll(async () => {
    await Promise.all([browser?.close(), server?.close()])
  })

  test('every page loads with zero CSP violations and its images shown', async () => {
    const headers = parseHeadersFile(await readFile(join(inject('pagedSite'), '_headers'), 'utf8'))
    const context = await browser.newContext()
    // Serve what Netlify or Cloudflare Pages would: every response with the _headers.
    await context.route('**/*', async (route) => {
      try {
        const response = await route.fetch()
        await route.fulfill({response, headers: {...response.headers(), ...headers}})
      } catch (error) {
        // A lazy image the page abandoned by navigating on has nobody left to serve.
        if (!/disposed|closed/i.test(String(error))) throw error
      }
    })
    await context.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (event) => {
        const store = window as unknown as {violations?: string[]}
        ;(store.violations ??= []).push(`${event.effectiveDirective} ${event.blockedURI}`)
      })
    })
    const violations: string[] = []
    const page = await context.newPage()
    page.on('console', (message) => {
      if (/Content.Security.Policy|Refused to/i.test(message.text()))
        violations.push(message.text())
    })
    // A page at an old address sends the browser on at once, to a page checked here too.
    const files = await pageFiles(inject('pagedSite'))
    expect(files.length).toBeGreaterThan(30)
    let checkedImages = 0
    for (const file of files) {
      const path = urlPathOf(file)
      // The search page runs a search: Pagefind's script, worker, WebAssembly and index.
      const query = path === SEARCH_PAGE ? '?q=vienna' : ''
      const response = await page.goto(`${server.url}${path}${query}`, {waitUntil: 'load'})
      const policy = response?.headers()['content-security-policy'] ?? ''
      expect(parsePolicy(policy), path).toEqual(expectedHostPolicy)
      if (query) await page.locator('.result-link').first().waitFor()
      // Scroll lazy images into view so they load too.
      await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight))
      await page.waitForLoadState('load')
      const state = await page.evaluate(() => ({
        violations: (window as unknown as {violations?: string[]}).violations ?? [],
        broken: [...document.images]
          .filter((image) => image.complete && image.naturalWidth === 0)
          .map((image) => image.src),
        loaded: [...document.images].filter((image) => image.complete && image.naturalWidth > 0)
          .length,
        styled: getComputedStyle(document.querySelector('.skip-link')!).position,
      }))
      violations.push(...state.violations.map((violation) => `${path}: ${violation}`))
      expect(state.broken, path).toEqual([])
      // The inlined stylesheet applied (CSP did not block it).
      expect(state.styled, path).toBe('absolute')
      checkedImages += state.loaded
    }
    expect(violations).toEqual([])
    expect(checkedImages).toBeGreaterThan(10)
    await context.unrouteAll({behavior: 'ignoreErrors'})
    await context.close()
  }, 180_000)

  test('an injected inline script or style would be blocked (so the test above can fail)', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(`${server.url}/`)
    const blocked = await page.evaluate(async () => {
      const seen: string[] = []
      document.addEventListener('securitypolicyviolation', (event) =>
        seen.push(event.effectiveDirective),
      )
      const script = document.createElement('script')
      script.textContent = 'window.ran = true'
      document.body.append(script)
      const style = document.createElement('style')
      style.textContent = 'body { color: red }'
      document.head.append(style)
      await new Promise((done) => setTimeout(done, 100))
      return {seen, ran: (window as unknown as {ran?: boolean}).ran ?? false}
    })
    expect(blocked.ran).toBe(false)
    expect(blocked.seen).toEqual(expect.arrayContaining(['script-src-elem', 'style-src-elem']))
    await context.close()
  })
})

test('every external link of both builds has rel="noopener noreferrer"', async () => {
  let external = 0
  for (const root of [inject('bundledSite'), inject('pagedSite')]) {
    for (const file of await htmlFiles(root)) {
      const $ = load(await readFile(join(root, file), 'utf8'))
      $('a[href]').each((_, a) => {
        const href = $(a).attr('href')!
        if (!/^(?:https?:)?\/\//i.test(href)) return
        if (href.startsWith('https://smartcities.example/')) return
        external++
        const rel = ($(a).attr('rel') ?? '').split(/\s+/)
        expect(rel, `${file}: ${href}`).toEqual(expect.arrayContaining(['noopener', 'noreferrer']))
      })
    }
  }
  expect(external).toBeGreaterThan(10)
})
