/**
 * SITE_INCREMENTAL_BUILD=true (Astro's experimental incremental build): after
 * an editor corrects one article, the rebuild renders only the pages that show
 * it and copies the rest from the previous build, and the result is the same,
 * byte for byte, as a full build of the corrected content.
 */
import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {beforeAll, expect, test} from 'vitest'

import {
  buildSite,
  filesWritten,
  fingerprint,
  newDistDir,
  type BuildResult,
} from '../support/build-site'
import {readBundledDocuments, toNdjson, writeTempDataset} from '../support/dataset-files'

const CORRECTED = 'Corrected headline about municipal data platforms'
let before: BuildResult
let after: BuildResult
let full: BuildResult
let articleSlug: string
let untouchedCitySlug: string
let peerSlug: string

beforeAll(async () => {
  const documents = await readBundledDocuments()
  const published = documents.filter((doc) => doc._type === 'article' && !doc._id.includes('.'))
  // The oldest article: city pages fill their "Latest" with the newest ones, so most do not show it.
  const [article, peer] = published.sort((a, b) =>
    String(a.publishedAt).localeCompare(String(b.publishedAt)),
  ) as [(typeof documents)[number], (typeof documents)[number]]
  // Give the article a category peer: the peer's "Read next" then shows its title too.
  peer.category = article.category
  articleSlug = (article.slug as {current: string}).current
  peerSlug = (peer.slug as {current: string}).current
  const originalTitle = String(article.title)
  const citySlugs = documents
    .filter((doc) => doc._type === 'city' && !doc._id.includes('.'))
    .map((doc) => (doc.slug as {current: string}).current)

  const original = await writeTempDataset(toNdjson(documents))
  const corrected = await writeTempDataset(
    toNdjson(documents.map((doc) => (doc === article ? {...doc, title: CORRECTED} : doc))),
  )
  const incremental = {
    SITE_INCREMENTAL_BUILD: 'true',
    SITE_CACHE_DIR: await mkdtemp(join(tmpdir(), 'astro-cache-')),
    SITE_BUILD_LOG: 'files',
  }
  // Rebuilt in place, as a host does: the same output (and so staging) folder each time.
  // (Astro's incremental cache, with its fonts API on, also keys pages by that folder.)
  const dist = await newDistDir('incremental-')
  before = await buildSite({...incremental, DATASET_FILE: original}, dist)
  expect(before.ok, before.output).toBe(true)
  // A city page that, as built, neither names nor links the article.
  for (const slug of citySlugs) {
    const html = await readFile(join(before.outDir, 'cities', slug, 'index.html'), 'utf8')
    if (!html.includes(originalTitle) && !html.includes(`/articles/${articleSlug}/`)) {
      untouchedCitySlug = slug
      break
    }
  }
  expect(untouchedCitySlug, 'a city page that does not show the article').toBeDefined()
  ;[after, full] = await Promise.all([
    buildSite({...incremental, DATASET_FILE: corrected}, dist),
    buildSite({DATASET_FILE: corrected}),
  ])
  expect(after.ok, after.output).toBe(true)
  expect(full.ok, full.output).toBe(true)
}, 300_000)

test('the rebuild renders the corrected article and the pages listing it', () => {
  const {rendered} = filesWritten(after)
  expect(rendered).toContain(`/articles/${articleSlug}/index.html`)
  expect(rendered).toContain('/latest/index.html')
  expect(rendered).toContain('/rss.xml')
})

test('pages that do not show the article are reused from the previous build', () => {
  const {rendered, reused} = filesWritten(after)
  expect(reused).toContain(`/cities/${untouchedCitySlug}/index.html`)
  expect(rendered).not.toContain(`/cities/${untouchedCitySlug}/index.html`)
  expect(reused.length).toBeGreaterThan(rendered.length)
})

test('the corrected title is on the article page, in Latest, beside its category peers and in the feed', async () => {
  for (const file of [
    join('articles', articleSlug, 'index.html'),
    'latest/index.html',
    join('articles', peerSlug, 'index.html'),
    'rss.xml',
  ])
    expect(await readFile(join(after.outDir, file), 'utf8'), file).toContain(CORRECTED)
})

test('the incremental rebuild equals a full build of the corrected content, file for file', async () => {
  const [incremental, fresh] = await Promise.all([
    fingerprint(after.outDir),
    fingerprint(full.outDir),
  ])
  expect(incremental).toEqual(fresh)
})
