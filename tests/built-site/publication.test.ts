/**
 * The publication around the pages: index pages that list everything, a header
 * that reaches every section from every page, share links, what to read next,
 * and one address for the featured list. Expectations come from the raw dataset
 * documents, not from the site's code.
 */
import {describe, expect, inject, test} from 'vitest'

import {htmlFiles, loadPage, urlPathOf} from '../support/built-site'
import {readBundledDocuments} from '../support/dataset-files'
import {pagedDocuments} from '../support/fixtures'

const SITE = 'https://smartcities.example'
const bundled = inject('bundledSite')

type Doc = {_id: string; _type: string; [field: string]: unknown}
const isPublished = (doc: Doc) => !doc._id.startsWith('drafts.') && !doc._id.startsWith('versions.')
const slugOf = (doc: Doc) => (doc.slug as {current: string}).current
const publishedOf = async (type: string) =>
  (await readBundledDocuments()).filter((doc) => doc._type === type && isPublished(doc))

describe('index pages', () => {
  test('/categories/ lists every category with its description and how many articles it has', async () => {
    const documents = (await readBundledDocuments()).filter(isPublished)
    const categories = documents.filter((doc) => doc._type === 'category')
    const $ = await loadPage(bundled, '/categories/')
    const items = $('main li')
    expect(items.length).toBe(categories.length)
    for (const category of categories) {
      const item = items.filter(
        (_, li) => $(li).find('h2 a').attr('href') === `/categories/${slugOf(category)}/`,
      )
      expect(item.length, category._id).toBe(1)
      expect(item.find('h2').text().trim()).toBe(category.title)
      expect(item.text()).toContain(String(category.description))
      const count = documents.filter(
        (doc) => doc._type === 'article' && (doc.category as {_ref: string})._ref === category._id,
      ).length
      expect(item.find('.meta').text().trim()).toBe(`${count} article${count === 1 ? '' : 's'}`)
    }
  })

  test('/cities/ lists every city under its region, with its country, image and ranks', async () => {
    const cities = await publishedOf('city')
    const $ = await loadPage(bundled, '/cities/')
    expect($('main h3 a').length).toBe(cities.length)
    for (const city of cities) {
      const link = $(`main h3 a[href="/cities/${slugOf(city)}/"]`)
      expect(link.text(), city._id).toBe(city.name)
      const item = link.closest('li')
      const region = item.closest('section').find('h2').first().text()
      expect(region, city._id).toBe(city.region)
      expect(item.find('.meta').text()).toBe(city.country)
      expect(item.find('img').attr('alt')).toBeTruthy()
    }
    // Vienna ranks third in the featured list.
    expect($('a[href="/cities/vienna/"]').closest('li').find('.badges').text()).toContain('#3')
  })

  test('/lists/ lists every ranked list, the featured one at its canonical address', async () => {
    const lists = await publishedOf('listicle')
    const $ = await loadPage(bundled, '/lists/')
    const titles = $('main h2 a')
      .map((_, link) => $(link).text())
      .get()
    expect(titles.sort()).toEqual(lists.map((list) => String(list.title)).sort())
    expect($('main h2 a').first().attr('href')).toBe('/')
  })
})

describe('every page', () => {
  test('reaches each section from its header, and its own section is marked', async () => {
    for (const file of await htmlFiles(bundled)) {
      const path = urlPathOf(file)
      const $ = await loadPage(bundled, file === '404.html' ? '404.html' : path)
      const nav = $('header nav[aria-label="Main"]')
      const links = nav
        .find('a')
        .map((_, link) => $(link).attr('href'))
        .get()
      expect(links, file).toEqual(['/', '/latest/', '/categories/', '/cities/', '/rss.xml'])
      const current = nav.find('a[aria-current]')
      if (path.startsWith('/articles/') || path.startsWith('/latest/'))
        expect(current.attr('href'), file).toBe('/latest/')
      if (path.startsWith('/categories/')) expect(current.attr('href'), file).toBe('/categories/')
      if (path.startsWith('/cities/')) expect(current.attr('href'), file).toBe('/cities/')
      if (path === '/') expect(current.attr('aria-current'), file).toBe('page')
    }
  })

  test('ends with a footer holding the sections, the feeds, the follow links and a copyright', async () => {
    const categories = await publishedOf('category')
    for (const file of await htmlFiles(bundled)) {
      const $ = await loadPage(bundled, file === '404.html' ? '404.html' : urlPathOf(file))
      const footer = $('footer')
      for (const category of categories)
        expect(footer.find(`a[href="/categories/${slugOf(category)}/"]`).length, file).toBe(1)
      // The feed, and the subscribe button the settings point at the feed.
      expect(footer.find('a[href="/rss.xml"]').length, file).toBe(2)
      expect(footer.find('.subscribe a.button').attr('href'), file).toBe('/rss.xml')
      expect(footer.find('a[href="/feed.json"]').length, file).toBe(1)
      expect(footer.find('.social a').length, file).toBe(3)
      expect(footer.text(), file).toMatch(/© 2026 MarketScale IoT/)
    }
  })
})

describe('articles', () => {
  test('share links are the networks’ own share addresses for this page and title, with no script', async () => {
    for (const article of await publishedOf('article')) {
      const path = `/articles/${slugOf(article)}/`
      const $ = await loadPage(bundled, path)
      const links = $('nav[aria-label="Share this article"] a')
      const byNetwork = new Map<string, string>()
      links.each((_, link) => void byNetwork.set($(link).text(), $(link).attr('href')!))
      const pageUrl = `${SITE}${path}`
      const x = new URL(byNetwork.get('X')!)
      expect(`${x.origin}${x.pathname}`).toBe('https://x.com/intent/post')
      expect(x.searchParams.get('url')).toBe(pageUrl)
      expect(x.searchParams.get('text')).toBe(article.title)
      const linkedin = new URL(byNetwork.get('LinkedIn')!)
      expect(`${linkedin.origin}${linkedin.pathname}`).toBe(
        'https://www.linkedin.com/sharing/share-offsite/',
      )
      expect(linkedin.searchParams.get('url')).toBe(pageUrl)
      const facebook = new URL(byNetwork.get('Facebook')!)
      expect(`${facebook.origin}${facebook.pathname}`).toBe(
        'https://www.facebook.com/sharer/sharer.php',
      )
      expect(facebook.searchParams.get('u')).toBe(pageUrl)
      const email = new URL(byNetwork.get('Email')!)
      expect(email.protocol).toBe('mailto:')
      expect(email.searchParams.get('subject')).toBe(article.title)
      expect(email.searchParams.get('body')).toBe(pageUrl)
      expect(links.length).toBe(4)
      expect($('script:not([type="application/ld+json"])').length).toBe(0)
    }
  })

  test('"Read next" never offers the article itself, and always offers three on a site with more', async () => {
    for (const [root, documents] of [
      [bundled, await readBundledDocuments()],
      [inject('pagedSite'), await pagedDocuments()],
    ] as const) {
      const articles = documents.filter((doc) => doc._type === 'article' && isPublished(doc))
      for (const article of articles) {
        const path = `/articles/${slugOf(article)}/`
        const $ = await loadPage(root, path)
        const next = $('section[aria-labelledby="related-heading"] .card-title a')
          .map((_, link) => $(link).attr('href'))
          .get()
        expect(next, path).not.toContain(path)
        expect(next.length, path).toBe(3)
        expect(new Set(next).size, path).toBe(3)
      }
    }
  })

  test('the author box introduces the author', async () => {
    const author = (await publishedOf('author'))[0]!
    const $ = await loadPage(bundled, '/articles/when-client-engagement-becomes-true-partnership/')
    const box = $('aside.author')
    expect(box.find('h2').text()).toContain(String(author.name))
    expect(box.text()).toContain(String(author.bio))
  })
})

describe('the featured list', () => {
  test('has one canonical address, the home page; its own page points there', async () => {
    const home = await loadPage(bundled, '/')
    const list = await loadPage(bundled, '/lists/top-smart-cities-in-the-world/')
    expect(home('link[rel="canonical"]').attr('href')).toBe(`${SITE}/`)
    expect(list('link[rel="canonical"]').attr('href')).toBe(`${SITE}/`)
    expect(list('meta[property="og:url"]').attr('content')).toBe(`${SITE}/`)
  })
})
