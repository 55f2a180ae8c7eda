/**
 * Page-weight budget on a generated dataset (articles of about 600 words): an
 * article page stays within 40 KB of HTML and CSS, with no JavaScript at all.
 */
import {execFile} from 'node:child_process'
import {mkdtemp, readdir, readFile, stat} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {load} from 'cheerio'
import {beforeAll, expect, test} from 'vitest'

import {buildSite, type BuildResult} from '../support/build-site'
import {listFiles} from '../support/built-site'
import {repoRoot} from '../support/paths'

const run = promisify(execFile)
const ARTICLE_BUDGET_BYTES = 40 * 1024
/** Every font file a page declares: the serif (upright and italic) and the sans, Latin only. */
const FONT_BUDGET_BYTES = 180 * 1024
let site: BuildResult

/** The generator as `pnpm dataset:generate --articles 120 --seed 42 --out FILE` runs it. */
const generate = (out: string) =>
  run(process.execPath, [
    join(repoRoot, 'shared', 'scripts', 'generate-dataset.ts'),
    '--articles',
    '120',
    '--seed',
    '42',
    '--out',
    out,
  ])
let datasetFile: string

beforeAll(async () => {
  datasetFile = join(await mkdtemp(join(tmpdir(), 'generated-')), 'generated.ndjson')
  await generate(datasetFile)
  site = await buildSite({DATASET_FILE: datasetFile})
  expect(site.ok, site.output).toBe(true)
}, 240_000)

/** HTML plus any stylesheet it links (styles are inlined today, so usually none). */
async function pageWeight(root: string, page: string): Promise<number> {
  const html = await readFile(join(root, page), 'utf8')
  const $ = load(html)
  let bytes = Buffer.byteLength(html)
  for (const link of $('link[rel="stylesheet"]').toArray()) {
    bytes += (await stat(join(root, $(link).attr('href')!))).size
  }
  return bytes
}

/** The font files a page's @font-face rules point at (on this site), and their bytes. */
async function fontWeight(root: string, page: string): Promise<{files: number; bytes: number}> {
  const html = await readFile(join(root, page), 'utf8')
  const urls = new Set(
    [...html.matchAll(/@font-face\s*\{[^}]*?url\("?(\/[^")]+\.woff2)"?\)/g)].map(
      (match) => match[1]!,
    ),
  )
  let bytes = 0
  for (const url of urls) bytes += (await stat(join(root, url))).size
  return {files: urls.size, bytes}
}

test('fonts: the page declares three WOFF2 files of its own (serif, serif italic, sans), within 180 KB', async () => {
  for (const page of ['index.html', join('articles', 'article-1', 'index.html')]) {
    const fonts = await fontWeight(site.outDir, page)
    console.log(`${page}: ${fonts.files} font files, ${fonts.bytes} bytes`)
    expect(fonts.files, page).toBe(3)
    expect(fonts.bytes, page).toBeLessThanOrEqual(FONT_BUDGET_BYTES)
  }
})

test('the generator is deterministic: same arguments, same bytes', async () => {
  const again = join(await mkdtemp(join(tmpdir(), 'generated-')), 'again.ndjson')
  await generate(again)
  expect(await readFile(again, 'utf8')).toBe(await readFile(datasetFile, 'utf8'))
}, 60_000)

test('every article page is within 40 KB of HTML and CSS', async () => {
  const articles = await readdir(join(site.outDir, 'articles'))
  expect(articles).toHaveLength(120)
  let heaviest = 0
  for (const slug of articles)
    heaviest = Math.max(
      heaviest,
      await pageWeight(site.outDir, join('articles', slug, 'index.html')),
    )
  console.log(
    `Heaviest article page: ${heaviest} bytes; listicle page: ${await pageWeight(site.outDir, 'index.html')} bytes`,
  )
  expect(heaviest).toBeLessThanOrEqual(ARTICLE_BUDGET_BYTES)
})

test('the site ships JavaScript for search only: its module and Pagefind', async () => {
  const files = await listFiles(site.outDir)
  const scripts = files.filter((file) => /\.m?js$/.test(file))
  const own = scripts.filter((file) => !file.startsWith('pagefind/'))
  // One module of the site's own, small: the search page's.
  expect(own).toEqual([expect.stringMatching(/^_astro\/[\w.-]+\.js$/)])
  expect((await readFile(join(site.outDir, own[0]!))).byteLength).toBeLessThan(8 * 1024)
  expect(scripts.filter((file) => file.startsWith('pagefind/')).sort()).toEqual([
    'pagefind/pagefind-worker.js',
    'pagefind/pagefind.js',
  ])
  for (const file of files.filter((candidate) => candidate.endsWith('.html'))) {
    const $ = load(await readFile(join(site.outDir, file), 'utf8'))
    const expected = file === 'search/index.html' ? 1 : 0
    expect($('script:not([type="application/ld+json"])'), file).toHaveLength(expected)
  }
})

test('drafts in the generated dataset stay out of the build', async () => {
  for (const file of (await listFiles(site.outDir)).filter((candidate) =>
    /\.(html|xml)$/.test(candidate),
  )) {
    expect(await readFile(join(site.outDir, file), 'utf8'), file).not.toContain('DRAFT')
  }
})

test('feeds carry the newest 50 items, not the whole archive', async () => {
  const items = (xml: string) => [...xml.matchAll(/<item>[\s\S]*?<\/item>/g)].map(([item]) => item)
  const feed = items(await readFile(join(site.outDir, 'rss.xml'), 'utf8'))
  expect(feed).toHaveLength(50)
  const dates = feed.map((item) => Date.parse(/<pubDate>(.*?)<\/pubDate>/.exec(item)![1]!))
  expect(dates).toEqual([...dates].sort((a, b) => b - a))
  // The newest article of the whole dataset leads the feed.
  const $ = load(await readFile(join(site.outDir, 'latest', 'index.html'), 'utf8'))
  const newest = $('.card-title a').first().text().trim()
  expect(feed[0]).toContain(newest)
})

test('"Read next" shows three others: shared cities first, then the same category, then the newest', async () => {
  type Ref = {_ref: string}
  type ArticleDoc = {
    _id: string
    _type: string
    slug: {current: string}
    publishedAt: string
    category: Ref
    relatedCities?: Ref[]
  }
  // Worked out from the raw documents, newest first (ties by id, as the query orders them).
  const articles = (await readFile(datasetFile, 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as ArticleDoc)
    .filter((doc) => doc._type === 'article' && !doc._id.includes('.'))
    .sort(
      (a, b) => Date.parse(b.publishedAt) - Date.parse(a.publishedAt) || (a._id < b._id ? -1 : 1),
    )
  const cities = (doc: ArticleDoc) => (doc.relatedCities ?? []).map((ref) => ref._ref)
  for (const article of articles.slice(0, 12)) {
    const expected: string[] = []
    const add = (candidates: ArticleDoc[]) => {
      for (const other of candidates) {
        const href = `/articles/${other.slug.current}/`
        if (other._id !== article._id && !expected.includes(href) && expected.length < 3)
          expected.push(href)
      }
    }
    for (const city of cities(article))
      add(articles.filter((other) => cities(other).includes(city)))
    add(articles.filter((other) => other.category._ref === article.category._ref))
    add(articles)
    const slug = article.slug.current
    const $ = load(await readFile(join(site.outDir, 'articles', slug, 'index.html'), 'utf8'))
    const shown = $('section[aria-labelledby="related-heading"] .card-title a')
      .toArray()
      .map((link) => $(link).attr('href'))
    expect(shown, slug).toEqual(expected)
    expect(shown, slug).not.toContain(`/articles/${slug}/`)
  }
})
