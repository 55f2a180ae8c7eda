/**
 * The hostile-dataset outcomes, proved with two real builds (`pnpm build`'s
 * fail-safe script): one dataset holding every case the build may skip or make
 * safe builds, logs each, and publishes none of what it left out; then a dataset
 * that must stop the build fails with the precise message and leaves the site
 * from the first build byte for byte.
 */
import {existsSync} from 'node:fs'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {beforeAll, describe, expect, test} from 'vitest'

import {
  ARTICLE,
  DRAFT_MARKER,
  find,
  HUGE_BODY_LAST,
  hostileDocuments,
  LISTICLE,
  writeHostileFixture,
  type Doc,
  type DocumentFixture,
} from '../fixtures/hostile/corpus'
import {expectNoStackTrace, fingerprint, newDistDir, runFailSafeBuild} from '../support/build-site'
import {listFiles} from '../support/built-site'
import {toNdjson, writeTempDataset} from '../support/dataset-files'
import {forbiddenCharsIn} from '../support/forbidden-chars'

/** Every document fixture whose outcome is "builds" (some of them with warnings). */
const BUILDS: DocumentFixture[] = [
  'article-missing-required-fields',
  'article-wrong-field-type',
  'slug-with-dot-dot',
  'slug-with-spaces',
  'slug-with-upper-case',
  'slug-with-non-latin-letters',
  'article-malformed-dates',
  'article-wrong-reference-type',
  'weak-reference-to-missing-category',
  'unranked-city-missing-required-field',
  'control-characters',
  'non-characters-and-lone-surrogates',
  'unknown-type',
  'weak-reference-to-missing-city',
  'related-city-is-a-category',
  'reference-cycle',
  'article-image-without-asset',
  'body-image-without-asset',
  'asset-without-dimensions',
  'malformed-optional-dates',
  'future-dated-article',
  'huge-body',
  'same-slug-in-two-types',
  'drafts-differ-from-published',
  'incomplete-draft',
]

/** Articles the build leaves out (or holds back): none of their text may be published. */
const LEFT_OUT = [
  'article-hostile-incomplete',
  'article-hostile-number-title',
  'article-hostile-traversal',
  'article-hostile-spaces',
  'article-hostile-upper',
  'article-hostile-cyrillic',
  'article-hostile-february-30',
  'article-hostile-yesterday',
  'article-hostile-city-as-category',
  'article-hostile-weak-category',
  'article-hostile-future',
  'article-hostile-typo-type',
]

/** New articles that are published, made safe where needed. */
const PUBLISHED = [
  'article-hostile-about-atlantis',
  'article-hostile-controls',
  'article-hostile-surrogates',
  'article-hostile-weak',
  'article-hostile-category-as-city',
  'article-hostile-self',
  'article-hostile-no-asset',
  'article-hostile-body-image',
  'article-hostile-huge',
  'article-hostile-vienna',
]

let dist: string
let file: string
let docs: Doc[]
/** The dataset file as written for the build. */
let datasetText: string
let first: {code: number; output: string}
/** Every text file of the build (pages, feeds, sitemap), by path. */
const texts = new Map<string, string>()

beforeAll(async () => {
  dist = await newDistDir('hostile-')
  docs = await hostileDocuments(BUILDS)
  datasetText = toNdjson(docs)
  file = await writeTempDataset(datasetText, 'hostile-builds.ndjson')
  first = await runFailSafeBuild(dist, {DATASET_FILE: file})
  if (first.code !== 0) return
  for (const path of await listFiles(dist)) {
    if (/\.(html|xml|txt|json)$/.test(path))
      texts.set(path, await readFile(join(dist, path), 'utf8'))
  }
}, 240_000)

/**
 * Text a left-out article carries in the fixture and would bring to any page, list,
 * feed or sitemap it reached: its title and excerpt where they are text, and its slug
 * where it is a valid one (it would be in the article's address). Not every article
 * has all three: the fixtures remove or break some of them.
 */
function markersOf(doc: Doc): string[] {
  const slug = (doc.slug as {current?: unknown} | undefined)?.current
  return [
    doc.title,
    doc.excerpt,
    typeof slug === 'string' && /^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(slug) ? slug : undefined,
  ].filter((marker): marker is string => typeof marker === 'string' && marker.length > 0)
}

const lineOf = (id: string) => docs.findIndex((doc) => doc._id === id) + 1
const containing = (needle: string) =>
  [...texts].filter(([, text]) => text.includes(needle)).map(([path]) => path)

describe('a dataset with every skippable problem builds, and says what it left out', () => {
  test('the build succeeds and prints a warning per problem, naming file, line, document and field', () => {
    expect(first.code, first.output).toBe(0)
    const at = (id: string, field: string) =>
      `warning: ${file}:${lineOf(id)}, document "${id}", field "${field}": `
    for (const expected of [
      at('article-hostile-incomplete', 'title'),
      at('article-hostile-traversal', 'slug.current'),
      at('article-hostile-february-30', 'publishedAt'),
      at('city-hostile-unranked', 'country'),
      at('article-hostile-controls', 'title'),
      at('promotion-1', '_type'),
      at(ARTICLE, 'heroImage'),
      at(LISTICLE, 'updatedAt'),
      `scheduled: ${file}:${lineOf('article-hostile-future')}, document "article-hostile-future", field "publishedAt": `,
    ]) {
      expect(first.output).toContain(expected)
    }
  })

  test('no page, list, feed or sitemap carries a left-out article; every published one is there', () => {
    expect(first.code).toBe(0)
    for (const id of LEFT_OUT) {
      const markers = markersOf(find(docs, id))
      expect(markers.length, `${id} carries no marker to look for`).toBeGreaterThan(0)
      for (const marker of markers) {
        // The marker is really in the input, so its absence from the output means something.
        expect(datasetText.includes(JSON.stringify(marker).slice(1, -1)), `${id}: ${marker}`).toBe(
          true,
        )
        expect(containing(marker), `${id}: ${marker}`).toEqual([])
      }
    }
    for (const id of PUBLISHED) {
      const slug = (find(docs, id).slug as {current: string}).current
      expect(existsSync(join(dist, 'articles', slug, 'index.html')), id).toBe(true)
    }
    expect(containing('/articles/from-the-future/')).toEqual([])
    expect(containing('From the future')).toEqual([])
    expect(containing('Atlantis')).toEqual([])
  })

  test('the "../" slug wrote nothing outside the site folder', () => {
    expect(first.code).toBe(0)
    expect(existsSync(join(dist, '..', '..', 'etc'))).toBe(false)
    expect([...texts.keys()].filter((path) => path.includes('etc/passwd'))).toEqual([])
  })

  test('no draft or release version text is anywhere in the output', () => {
    expect(first.code).toBe(0)
    expect(texts.size).toBeGreaterThan(30)
    expect(containing(DRAFT_MARKER)).toEqual([])
  })

  test('cleaned text is published clean: no control character, noncharacter or lone surrogate in any file', () => {
    expect(first.code).toBe(0)
    const page = texts.get('articles/article-hostile-controls/index.html')!
    expect(page).toContain('Smart cities and[31m bells')
    for (const [path, text] of texts) expect(forbiddenCharsIn(text), path).toEqual([])
  })

  test('the 1 MB article is published whole', () => {
    expect(first.code).toBe(0)
    expect(texts.get('articles/article-hostile-huge/index.html')).toContain(HUGE_BODY_LAST)
  })
})

describe('a dataset that must stop the build', () => {
  // Without SITE_URL the build reads the dataset (for the site URL) before Astro starts;
  // with it, as on a host, the pages read it first, after Astro has emptied its output
  // folder: only the staging folder keeps the live site whole.
  test.each([
    ['before Astro starts', {}],
    ['while Astro builds (SITE_URL set)', {SITE_URL: 'https://smartcities.example'}],
  ])(
    'found %s: exit code 1, only the problem list (file, line, document, field), the site untouched',
    async (_when, env) => {
      expect(first.code).toBe(0)
      const before = await fingerprint(dist)
      const broken = await writeHostileFixture('listicle-entry-is-an-article')
      const text = await readFile(broken, 'utf8')
      const line =
        text.split('\n').findIndex((source) => source.includes(`"_id":"${LISTICLE}"`)) + 1
      const result = await runFailSafeBuild(dist, {...env, DATASET_FILE: broken})
      expect(result.code).not.toBe(0)
      expect(result.output).toMatch(
        new RegExp(
          `${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:${line}, document "${LISTICLE}", ` +
            `field "entries\\[_key=="[0-9a-f]+"\\]\\.city": must reference a city, but "${ARTICLE}" is an article`,
        ),
      )
      expect(result.output).toContain(`Fix it in ${broken}`)
      expectNoStackTrace(result.output)
      expect(result.output).toContain('was left as it was')
      expect(await fingerprint(dist)).toEqual(before)
    },
    240_000,
  )
})
