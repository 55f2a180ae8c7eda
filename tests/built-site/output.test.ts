/**
 * The built site as readers and crawlers get it: every page exists, listings
 * page correctly, no needless script, no drafts, and every page carries what
 * search engines and link previews need.
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {describe, expect, inject, test} from 'vitest'

import {htmlFiles, listFiles, loadPage, pageFiles, urlPathOf} from '../support/built-site'
import {readBundledDocuments} from '../support/dataset-files'
import {EXTRA_ARTICLES} from '../support/fixtures'
import {SEED_CITY_ORDER, SEED_LATEST_TITLES} from '../support/seed'

const bundled = inject('bundledSite')
const paged = inject('pagedSite')
const SITE = 'https://smartcities.example'
/** The featured list's own page; its canonical address is the home page. */
const FEATURED_LIST_PATH = '/lists/top-smart-cities-in-the-world/'

type Doc = {_id: string; _type: string; slug?: {current: string}; title?: string; name?: string}
const published = async (type: string) =>
  ((await readBundledDocuments()) as Doc[]).filter(
    (doc) => doc._type === type && !doc._id.startsWith('drafts.'),
  )

describe('every document has its page', () => {
  test.each([
    ['city', '/cities/'],
    ['article', '/articles/'],
    ['category', '/categories/'],
    ['listicle', '/lists/'],
  ])('each %s', async (type, prefix) => {
    const docs = await published(type)
    expect(docs.length).toBeGreaterThan(0)
    for (const doc of docs) {
      const $ = await loadPage(bundled, `${prefix}${doc.slug!.current}/`)
      expect($('h1').text()).toBe(doc.title ?? doc.name)
    }
  })

  test('the home page is the featured listicle, with the nine cities in order and an overview of the ranking', async () => {
    const $ = await loadPage(bundled, '/')
    expect($('h1').text()).toBe('The Top Smart Cities in the World')
    const overview = $('nav[aria-labelledby="overview-heading"] a')
    expect(overview.map((_, link) => $(link).find('.name').text()).get()).toEqual(SEED_CITY_ORDER)
    expect(overview.map((_, link) => $(link).find('.rank').text()).get()).toEqual(
      SEED_CITY_ORDER.map((_, index) => String(index + 1)),
    )
    // Each overview row shows the city's image.
    expect(overview.find('img').length).toBe(SEED_CITY_ORDER.length)
    expect(overview.map((_, link) => $(link).attr('href')).get()).toEqual([
      '#boston',
      '#seoul',
      '#vienna',
      '#amsterdam',
      '#tokyo',
      '#stockholm',
      '#paris',
      '#san-francisco',
      '#new-york-city',
    ])
  })

  test('the home page shows the four Latest articles, newest first, as cards with image, category and date', async () => {
    const $ = await loadPage(bundled, '/')
    const cards = $('section[aria-labelledby="latest-heading"] article')
    expect(cards.map((_, card) => $(card).find('h3').text()).get()).toEqual(SEED_LATEST_TITLES)
    expect(cards.first().find('time').attr('datetime')).toBe('2026-02-02T15:00:00Z')
    expect(cards.first().find('.kicker').text()).toBe('Cities')
    expect(cards.first().find('h3 a').attr('href')).toBe(
      '/articles/craftsmanship-and-the-soul-of-cities-with-mike-ablon/',
    )
    cards.each((_, card) => void expect($(card).find('img[alt]').length).toBe(1))
  })

  test('embedded posts are static cards linking to the original, with no third-party script', async () => {
    const $ = await loadPage(bundled, '/')
    const card = $('#vienna .social-card')
    expect(card.find('a').attr('href')).toBe(
      'https://twitter.com/SiemensBT/status/978918557936422912',
    )
    expect(card.find('a').attr('rel')).toBe('noopener noreferrer')
    expect(card.text()).toContain('@SiemensBT')
    expect($('#amsterdam .social-card a').attr('href')).toBe(
      'https://twitter.com/NLintheUSA/status/1023678299774623744',
    )
    const html = await readFile(join(bundled, 'index.html'), 'utf8')
    expect(html).not.toContain('platform.twitter.com')
  })

  test('follow links and the subscribe call to action come from the settings', async () => {
    const $ = await loadPage(bundled, '/')
    const follow = $('footer .social a')
      .map((_, link) => $(link).attr('href'))
      .get()
    expect(follow).toEqual([
      'https://twitter.com/IOTMKSL',
      'https://www.facebook.com/marketscale',
      'https://www.linkedin.com/company/marketscale',
    ])
    expect($('footer .subscribe a').attr('href')).toBe('/rss.xml')
  })

  test('a city page shows its rank, and previous and next by rank', async () => {
    const $ = await loadPage(bundled, '/cities/vienna/')
    expect($('main').text()).toContain('Number 3 in The Top Smart Cities in the World')
    expect($('a[rel="prev"]').attr('href')).toBe('/cities/seoul/')
    expect($('a[rel="next"]').attr('href')).toBe('/cities/amsterdam/')
    const first = await loadPage(bundled, '/cities/boston/')
    expect(first('a[rel="prev"]')).toHaveLength(0)
  })

  test('an article page has its hero, body, category, author, date and more from its category', async () => {
    const $ = await loadPage(
      bundled,
      '/articles/craftsmanship-and-the-soul-of-cities-with-mike-ablon/',
    )
    expect($('article time').attr('datetime')).toBe('2026-02-02T15:00:00Z')
    expect($('article .meta').text()).toContain('IoT Desk')
    expect($('.kicker a').attr('href')).toBe('/categories/cities/')
    expect($('article img').first().attr('fetchpriority')).toBe('high')
    expect($('article a[href="https://population.un.org/wup/"]').attr('rel')).toBe(
      'noopener noreferrer',
    )
  })
})

describe('pagination (fixture with 27 articles, 10 a page)', () => {
  test('/latest/ has pages 1 to 3 and no page 4', async () => {
    const files = await listFiles(paged)
    expect(files).toEqual(
      expect.arrayContaining(['latest/index.html', 'latest/2/index.html', 'latest/3/index.html']),
    )
    expect(files).not.toContain('latest/4/index.html')
    expect(files).not.toContain('latest/1/index.html')
  })

  test('pages hold 10, 10 and the remaining 7 articles, newest first, without overlap', async () => {
    const titles = async (path: string) => {
      const $ = await loadPage(paged, path)
      return $('main article h2')
        .map((_, heading) => $(heading).text())
        .get()
    }
    const pages = [await titles('/latest/'), await titles('/latest/2/'), await titles('/latest/3/')]
    expect(pages.map((page) => page.length)).toEqual([10, 10, EXTRA_ARTICLES + 4 - 20])
    expect(new Set(pages.flat()).size).toBe(EXTRA_ARTICLES + 4)
    expect(pages[0]!.slice(0, 4)).toEqual(SEED_LATEST_TITLES)
  })

  test('links: page 1 has only "older", the last page only "newer"', async () => {
    const first = await loadPage(paged, '/latest/')
    expect(first('a[rel="next"]').attr('href')).toBe('/latest/2/')
    expect(first('a[rel="prev"]')).toHaveLength(0)
    const last = await loadPage(paged, '/latest/3/')
    expect(last('a[rel="prev"]').attr('href')).toBe('/latest/2/')
    expect(last('a[rel="next"]')).toHaveLength(0)
    expect(last('.pagination').text()).toContain('Page 3 of 3')
  })

  test('category pages paginate the same way', async () => {
    const files = await listFiles(paged)
    expect(files).toEqual(
      expect.arrayContaining(['categories/cities/2/index.html', 'categories/cities/3/index.html']),
    )
    expect(files).not.toContain('categories/cities/4/index.html')
    expect(files).not.toContain('categories/energy/2/index.html')
  })
})

describe('every page', () => {
  test('has no script except JSON-LD, but /search/, which loads one module of the site', async () => {
    for (const file of await htmlFiles(bundled)) {
      const path = urlPathOf(file)
      const $ = await loadPage(bundled, path === '/404.html' ? '404.html' : path)
      const scripts = $('script')
        .filter((_, script) => $(script).attr('type') !== 'application/ld+json')
        .map((_, script) => `${$(script).attr('type')} ${$(script).attr('src')}`)
        .get()
      if (path === '/search/')
        expect(scripts, file).toEqual([expect.stringMatching(/^module \/_astro\/[\w.-]+\.js$/)])
      else expect(scripts, file).toEqual([])
    }
  })

  test('has a unique title and description, a canonical URL, lang, a skip link and landmarks', async () => {
    const titles = new Map<string, string>()
    const descriptions = new Map<string, string>()
    // Pages at old addresses point elsewhere (tests/built-site/redirects.test.ts).
    for (const file of await pageFiles(bundled)) {
      const path = urlPathOf(file)
      const $ = await loadPage(bundled, path === '/404.html' ? '404.html' : path)
      const title = $('title').text()
      const description = $('meta[name="description"]').attr('content') ?? ''
      expect(title, file).not.toBe('')
      expect(description.length, file).toBeGreaterThan(20)
      expect(titles.get(title), `${file} repeats the title of ${titles.get(title)}`).toBeUndefined()
      titles.set(title, file)
      if (path !== '/404.html') {
        expect(
          descriptions.get(description),
          `${file} repeats the description of ${descriptions.get(description)}`,
        ).toBeUndefined()
        descriptions.set(description, file)
        // The featured list is the home page: its own page points there.
        const canonical = path === FEATURED_LIST_PATH ? `${SITE}/` : `${SITE}${path}`
        expect($('link[rel="canonical"]').attr('href'), file).toBe(canonical)
      }
      expect($('html').attr('lang'), file).toBe('en')
      expect($('a.skip-link').attr('href'), file).toBe('#main')
      expect($('header').length, file).toBeGreaterThan(0)
      expect($('main#main').length, file).toBe(1)
      expect($('footer').length, file).toBeGreaterThan(0)
      expect(
        $('link[rel="alternate"][type="application/rss+xml"]').first().attr('href'),
        file,
      ).toBe(`${SITE}/rss.xml`)
    }
  })

  test('every page carries Open Graph and Twitter card images with dimensions', async () => {
    for (const file of await htmlFiles(bundled)) {
      const path = file === '404.html' ? '404.html' : urlPathOf(file)
      const $ = await loadPage(bundled, path)
      const image = $('meta[property="og:image"]').attr('content')
      expect(image, path).toMatch(new RegExp(`^${SITE}/images/.+\\.webp$`))
      expect(Number($('meta[property="og:image:width"]').attr('content')), path).toBeGreaterThan(0)
      expect(Number($('meta[property="og:image:height"]').attr('content')), path).toBeGreaterThan(0)
      expect($('meta[name="twitter:card"]').attr('content'), path).toBe('summary_large_image')
      expect($('meta[name="twitter:image"]').attr('content'), path).toBe(image)
      expect($('meta[property="og:title"]').attr('content'), path).toBeTruthy()
    }
  })

  test('structured data: ItemList of places on the listicle, NewsArticle on articles, breadcrumbs inside', async () => {
    const jsonLd = async (path: string) => {
      const $ = await loadPage(bundled, path)
      return $('script[type="application/ld+json"]')
        .map(
          (_, script) => JSON.parse($(script).text()) as {'@type': string; [key: string]: unknown},
        )
        .get()
    }
    const home = await jsonLd('/')
    const list = home.find((data) => data['@type'] === 'ItemList') as unknown as {
      itemListElement: Array<{position: number; item: {name: string}}>
    }
    expect(list.itemListElement.map((element) => element.item.name)).toEqual(SEED_CITY_ORDER)
    const article = await jsonLd('/articles/when-client-engagement-becomes-true-partnership/')
    expect(article.map((data) => data['@type'])).toEqual(['NewsArticle', 'BreadcrumbList'])
    expect(article[0]).toMatchObject({
      headline: 'When Client Engagement Becomes True Partnership',
      datePublished: '2026-02-01T17:00:00Z',
    })
    expect((await jsonLd('/cities/vienna/')).map((data) => data['@type'])).toContain(
      'BreadcrumbList',
    )
  })

  test('images have explicit width and height, srcset, and load lazily below the fold', async () => {
    const $ = await loadPage(bundled, '/')
    const images = $('main img')
    // The hero, the nine in the overview, the nine entries, the four Latest cards.
    expect(images.length).toBe(1 + 9 + 9 + 4)
    images.each((index, image) => {
      expect($(image).attr('width')).toBe('1600')
      expect($(image).attr('height')).toBe('900')
      expect($(image).attr('srcset')).toMatch(/ 320w(,|$)/)
      expect($(image).attr('alt')).toBeTruthy()
      expect($(image).attr('loading')).toBe(index === 0 ? 'eager' : 'lazy')
    })
  })
})

describe('drafts', () => {
  test('never appear in any page, feed or the sitemap', async () => {
    const docs = (await readBundledDocuments()) as Doc[]
    const draftSlugs = docs
      .filter(
        (doc) =>
          doc._id.startsWith('drafts.') && !docs.some((other) => other._id === doc._id.slice(7)),
      )
      .map((doc) => doc.slug!.current)
    expect(draftSlugs).toEqual(['draft-smart-streetlights'])
    for (const file of await listFiles(bundled)) {
      if (!/\.(html|xml|txt)$/.test(file)) continue
      const text = await readFile(join(bundled, file), 'utf8')
      expect(text, file).not.toContain('DRAFT')
      expect(text, file).not.toContain('draft-smart-streetlights')
    }
  })
})

describe('crawlers', () => {
  test('robots.txt points at the sitemap index, which lists every canonical page (not the 404, not the featured list twice)', async () => {
    const robots = await readFile(join(bundled, 'robots.txt'), 'utf8')
    expect(robots).toContain(`Sitemap: ${SITE}/sitemap-index.xml`)
    const sitemap = await readFile(join(bundled, 'sitemap-0.xml'), 'utf8')
    const urls = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1])
    const pages = (await pageFiles(bundled))
      .filter((file) => file !== '404.html')
      .map((file) => urlPathOf(file))
      .filter((path) => path !== FEATURED_LIST_PATH)
      .map((path) => `${SITE}${path}`)
    expect(urls.sort()).toEqual(pages.sort())
    // The index pages are there too.
    for (const index of ['/categories/', '/cities/', '/lists/'])
      expect(urls).toContain(`${SITE}${index}`)
  })

  test('the 404 page helps the reader on', async () => {
    const $ = await loadPage(bundled, '404.html')
    expect($('h1').text()).toBe('Page not found')
    expect($('main a[href="/latest/"]').length).toBe(1)
    expect($('meta[name="robots"]').attr('content')).toBe('noindex')
  })
})
