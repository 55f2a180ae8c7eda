/**
 * SITE_INCREMENTAL_BUILD=true after the other edits editors make (a title edit
 * is incremental-build.test.ts): a section renamed, an article deleted, an
 * article published. Each rebuild, made in the same folder and cache as the
 * build before it, as on a host, must equal a full build of the edited content,
 * file for file; and it must have reused what the edit did not touch, or the
 * comparison would prove nothing about reuse.
 */
import {mkdtemp} from 'node:fs/promises'
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
import {readBundledDocuments, toNdjson, writeTempDataset, type Doc} from '../support/dataset-files'

let documents: Doc[]
let incremental: Record<string, string>
let dist: string

const slugOf = (doc: Doc) => (doc.slug as {current: string}).current
const published = (type: string) => (doc: Doc) => doc._type === type && !doc._id.includes('.')

/** The dataset changed as an editor would: incrementally rebuilt in place, and built afresh. */
async function rebuild(edited: Doc[]): Promise<{after: BuildResult; full: BuildResult}> {
  documents = edited
  const dataset = await writeTempDataset(toNdjson(edited))
  const [after, full] = await Promise.all([
    buildSite({...incremental, DATASET_FILE: dataset}, dist),
    buildSite({DATASET_FILE: dataset}),
  ])
  expect(after.ok, after.output).toBe(true)
  expect(full.ok, full.output).toBe(true)
  return {after, full}
}

async function expectSameFiles(after: BuildResult, full: BuildResult) {
  const [incrementalFiles, fullFiles] = await Promise.all([
    fingerprint(after.outDir),
    fingerprint(full.outDir),
  ])
  expect(incrementalFiles).toEqual(fullFiles)
}

beforeAll(async () => {
  documents = await readBundledDocuments()
  incremental = {
    SITE_INCREMENTAL_BUILD: 'true',
    SITE_CACHE_DIR: await mkdtemp(join(tmpdir(), 'astro-cache-')),
    SITE_BUILD_LOG: 'files',
  }
  dist = await newDistDir('incremental-edits-')
  const first = await buildSite(
    {...incremental, DATASET_FILE: await writeTempDataset(toNdjson(documents))},
    dist,
  )
  expect(first.ok, first.output).toBe(true)
}, 300_000)

// The tests run in order, each rebuilding on the one before, as edits follow each other.

test('a renamed section is renamed on every page that names it, the footer of every page included', async () => {
  const category = documents.find((doc) => doc._id === 'category-cities')!
  const {after, full} = await rebuild(
    documents.map((doc) => (doc === category ? {...doc, title: 'Cities and civic life'} : doc)),
  )
  const {rendered, reused} = filesWritten(after)
  expect(rendered).toContain('/categories/cities/index.html')
  // Every page's footer lists the sections: every page is rendered again, only images are reused.
  expect(rendered).toContain('/cities/vienna/index.html')
  expect(reused.length).toBeGreaterThan(0)
  expect(reused.every((file) => file.startsWith('/images/'))).toBe(true)
  await expectSameFiles(after, full)
}, 300_000)

test('a deleted article is gone from the rebuilt site, and pages that did not show it are reused', async () => {
  const article = documents.find(
    (doc) => doc._id === 'article-when-building-beats-buying-salesforce-decisions-at-cg-infinity',
  )!
  const {after, full} = await rebuild(documents.filter((doc) => doc !== article))
  const {rendered, reused} = filesWritten(after)
  const page = `/articles/${slugOf(article)}/index.html`
  expect([...rendered, ...reused]).not.toContain(page)
  expect(rendered).toContain('/latest/index.html')
  expect(reused.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(0)
  await expectSameFiles(after, full)
}, 300_000)

test('a new article appears in the rebuilt site, and pages that do not show it are reused', async () => {
  const model = documents.find(published('article'))!
  const article: Doc = {
    ...model,
    _id: 'article-a-new-bench-for-every-bus-stop',
    title: 'A new bench for every bus stop',
    slug: {_type: 'slug', current: 'a-new-bench-for-every-bus-stop'},
    // Newer than every other piece, in the same year as the newest: the footer's year stays.
    publishedAt: '2026-02-03T09:00:00.000Z',
    previousSlugs: undefined,
  }
  const {after, full} = await rebuild([...documents, article])
  const {rendered, reused} = filesWritten(after)
  expect(rendered).toContain('/articles/a-new-bench-for-every-bus-stop/index.html')
  expect(rendered).toContain('/index.html')
  expect(rendered).toContain('/rss.xml')
  expect(reused.filter((file) => file.endsWith('.html')).length).toBeGreaterThan(0)
  await expectSameFiles(after, full)
}, 300_000)
