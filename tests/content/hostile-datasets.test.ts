/**
 * The hostile-dataset corpus (tests/fixtures/hostile/corpus.ts), case by case, at the
 * content layer: each fixture is loaded through the functions the site uses
 * (loadDataset, then the shared queries through the dataset content source), and
 * each test name states the outcome decided for it:
 *
 * - "stops the build": loadDataset throws a DatasetError whose message names the
 *   file, line, document id and field (the build prints it and writes nothing);
 * - "is left out" / "is dropped": the build goes on, prints a warning naming file,
 *   line, id and field, and the site never sees the document or value;
 * - "builds": nothing is wrong, or the content is made safe (and said so).
 *
 * tests/content/hostile-datasets-build.test.ts proves the same with real builds.
 */
import {createDatasetSource} from '@smart-cities/shared/content'
import {
  DatasetError,
  formatProblem,
  loadDataset,
  analyzeDataset,
  readDataset,
  type Dataset,
} from '@smart-cities/shared/dataset'
import {PUBLICATION_CONTRACT} from '@smart-cities/shared/dataset/contract'
import {validateDatasetAgainstSchema} from '@smart-cities/shared/dataset/validate'
import {
  ARTICLES_QUERY,
  CATEGORIES_QUERY,
  CITIES_QUERY,
  LISTICLES_QUERY,
  SITE_SETTINGS_QUERY,
} from '@smart-cities/shared/queries'
import {describe, expect, test} from 'vitest'

import {
  ARTICLE,
  DRAFT_MARKER,
  find,
  HUGE_BODY_LAST,
  HUGE_BODY_PARAGRAPHS,
  hostileDocuments,
  hostileFixture,
  LISTICLE,
  RANKED_CITY,
  type Doc,
  type HostileFixture,
} from '../fixtures/hostile/corpus'
import {readBundledDocuments, toNdjson, writeTempDataset} from '../support/dataset-files'

const BUNDLED_PUBLISHED = 43

interface Written {
  file: string
  /** The fixture as text (decoded leniently for the byte-level cases), for line numbers. */
  text: string
}

async function write(name: HostileFixture): Promise<Written> {
  const contents = await hostileFixture(name)
  const file = await writeTempDataset(contents, `${name}.ndjson`)
  const text = typeof contents === 'string' ? contents : new TextDecoder().decode(contents)
  return {file, text}
}

/** 1-based line of the document with this id in NDJSON text (as JSON.stringify writes it). */
function lineOf(text: string, id: string): number {
  const needle = `"_id":${JSON.stringify(id)}`
  const index = text.split('\n').findIndex((line) => line.includes(needle))
  if (index === -1) throw new Error(`No line holds ${needle}`)
  return index + 1
}

/** The build's outcome "stops": loadDataset refuses the fixture. */
async function stops(name: HostileFixture): Promise<Written & {error: DatasetError}> {
  const written = await write(name)
  const error: unknown = await loadDataset(written.file, {warn: () => {}}).then(
    () => new Error(`expected ${name} to stop the build`),
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DatasetError)
  return {...written, error: error as DatasetError}
}

/** The build's outcome "builds": loadDataset accepts the fixture; what it would print. */
async function builds(
  name: HostileFixture,
): Promise<Written & {dataset: Dataset; printed: string}> {
  const written = await write(name)
  let printed = ''
  const dataset = await loadDataset(written.file, {warn: (message) => (printed += message)})
  return {...written, dataset, printed}
}

/** Warnings as the build prints them, one string each. */
const warningsOf = (dataset: Dataset) => dataset.warnings.map(formatProblem)

/** Everything the site would get: the five queries every build runs. */
async function siteContent(file: string) {
  const source = createDatasetSource(file)
  const [settings, listicles, articles, categories, cities] = await Promise.all([
    source.fetch(SITE_SETTINGS_QUERY),
    source.fetch(LISTICLES_QUERY),
    source.fetch(ARTICLES_QUERY),
    source.fetch(CATEGORIES_QUERY),
    source.fetch(CITIES_QUERY),
  ])
  return {settings, listicles, articles, categories, cities}
}

const articleIds = async (file: string) => (await siteContent(file)).articles.map((a) => a._id)

describe('a broken file stops the build, naming file and line (and document, when known)', () => {
  test('a malformed JSON line stops the build, naming its line', async () => {
    const {file, error} = await stops('malformed-json')
    expect(error.message).toContain(`${file}:3: not valid JSON (`)
    expect(error.problems).toHaveLength(1)
  })

  test('an empty file stops the build: "the file holds no documents"', async () => {
    const {file, error} = await stops('empty-file')
    expect(error.message).toContain(
      `${file}:1: the file holds no documents (it is empty); expected one JSON document per line`,
    )
  })

  test('a file of blank lines only stops the build like an empty one', async () => {
    const {file, error} = await stops('blank-lines-only')
    expect(error.message).toContain(`${file}:1: the file holds no documents (it is empty)`)
  })

  test("a leading UTF-8 byte-order mark is accepted, as Sanity's import accepts it: the site is the same", async () => {
    const {file, dataset} = await builds('byte-order-mark')
    expect(dataset.published).toHaveLength(BUNDLED_PUBLISHED)
    expect(dataset.lineOf.get('siteSettings')).toBe(1)
    expect((await siteContent(file)).settings?.title).toBe('MarketScale IoT')
  })

  test('a byte-order mark starting a later line (two exports joined) is accepted too', async () => {
    const {file, text, dataset} = await builds('byte-order-mark-mid-file')
    const line = text.split('\n').findIndex((source) => source.startsWith('\uFEFF')) + 1
    expect(line).toBeGreaterThan(1)
    expect(dataset.lineOf.get('category-extra')).toBe(line)
    expect((await siteContent(file)).categories.map((category) => category._id)).toContain(
      'category-extra',
    )
  })

  test('a UTF-16 file stops the build: datasets are UTF-8', async () => {
    const {file, error} = await stops('utf-16')
    expect(error.message).toContain(
      `${file}:1: the file is UTF-16 text; a dataset must be UTF-8, as Sanity exports it`,
    )
  })

  test('bytes that are not UTF-8 (Latin-1 "café") stop the build, naming line and document', async () => {
    const {file, text, error} = await stops('latin-1-bytes')
    const line = text.trimEnd().split('\n').length
    expect(error.message).toContain(
      `${file}:${line}, document "category-cafe": not valid UTF-8 text (was the file saved in another encoding, such as Latin-1?)`,
    )
    expect(error.problems).toHaveLength(1)
  })

  test('lines that are JSON but not objects (a number, a string, null) stop the build, each named', async () => {
    const {file, text, error} = await stops('non-object-lines')
    const last = text.trimEnd().split('\n').length
    expect(error.problems.map((problem) => formatProblem(problem))).toEqual([
      `${file}:${last - 2}: each line must be one JSON object (a document), not a JSON number`,
      `${file}:${last - 1}: each line must be one JSON object (a document), not a JSON string`,
      `${file}:${last}: each line must be one JSON object (a document), not null`,
    ])
  })

  test('a JSON array line stops the build: one document per line, not a list of them', async () => {
    const {file, text, error} = await stops('array-line')
    const line = text.trimEnd().split('\n').length
    expect(error.message).toContain(
      `${file}:${line}: each line must be one JSON object (a document), not a JSON array`,
    )
  })

  test('a truncated last line (no newline, cut mid-document) stops the build, naming that line', async () => {
    const {file, text, error} = await stops('truncated-last-line')
    expect(text.endsWith('\n')).toBe(false)
    expect(error.message).toContain(`${file}:${text.split('\n').length}: not valid JSON (`)
    expect(error.problems).toHaveLength(1)
  })

  test('a complete last line without a final newline is accepted', async () => {
    const {text, dataset} = await builds('no-final-newline')
    expect(text.endsWith('}')).toBe(true)
    expect(dataset.published).toHaveLength(BUNDLED_PUBLISHED)
  })

  test('CRLF line endings and blank lines are accepted; line numbers still count every line', async () => {
    const {dataset, text} = await builds('crlf-line-endings')
    expect(text.includes('}\r\n\r\n\r\r\n{'), 'CRLF and blank lines in the fixture').toBe(true)
    expect(dataset.published).toHaveLength(BUNDLED_PUBLISHED)
    // The same file with a broken line at the end: its number counts the blank line.
    const broken = `${text}{"_id":"category-extra","_type":"category",\r\n`
    const file = await writeTempDataset(broken)
    const error = await loadDataset(file).catch((caught: unknown) => caught)
    expect((error as DatasetError).problems).toEqual([
      expect.objectContaining({line: broken.trimEnd().split('\n').length}),
    ])
  })

  test('a value nested 100,000 levels deep stops the build at once, without a stack overflow', async () => {
    const started = performance.now()
    const {file, text, error} = await stops('deep-nesting')
    const line = lineOf(text, 'article-hostile-deep')
    expect(error.message).toContain(
      `${file}:${line}, document "article-hostile-deep", field "body[0][0][0]`,
    )
    expect(error.message).toContain('nested more than 64 levels deep')
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('a document the file cannot vouch for stops the build, naming file, line, id and field', () => {
  test('a duplicate _id stops the build, naming both lines', async () => {
    const {file, text, error} = await stops('duplicate-id')
    const first = lineOf(text, 'category-iot')
    const second = text.trimEnd().split('\n').length
    expect(error.message).toContain(
      `${file}:${second}, document "category-iot", field "_id": duplicate _id: already used on line ${first}`,
    )
  })

  test('a document without _id stops the build, naming line and field', async () => {
    const {file, text, error} = await stops('missing-id')
    const line = text.trimEnd().split('\n').length
    expect(error.message).toContain(
      `${file}:${line}, field "_id": the document has no "_id" string`,
    )
  })

  test('an _id with illegal characters (spaces, <script>) stops the build, naming it', async () => {
    const {file, text, error} = await stops('illegal-id')
    const line = lineOf(text, 'article <script>alert(1)</script>')
    expect(error.message).toContain(
      `${file}:${line}, document "article <script>alert(1)</script>", field "_id": not a valid document id: ` +
        'use letters, digits, ".", "_" and "-" only, at most 128 characters, not starting with "-"',
    )
  })

  test('a document without _type stops the build, naming id and field', async () => {
    const {file, text, error} = await stops('missing-type')
    const line = lineOf(text, 'article-hostile-no-type')
    expect(error.message).toContain(
      `${file}:${line}, document "article-hostile-no-type", field "_type": the document has no "_type" string`,
    )
  })

  test('a dangling (strong) reference stops the build, naming id and field: the export is incomplete', async () => {
    const {file, text, error} = await stops('dangling-reference')
    const line = lineOf(text, 'article-hostile-dangling')
    expect(error.message).toContain(
      `${file}:${line}, document "article-hostile-dangling", field "relatedCities[_key=="rc1"]": ` +
        'references "city-atlantis", which is not in the dataset',
    )
  })
})

describe('a bad ranked list, ranked city, category or settings document stops the build', () => {
  test('a listicle entry pointing at an article instead of a city stops the build, naming the entry', async () => {
    const {file, text, error} = await stops('listicle-entry-is-an-article')
    const docs = await hostileDocuments(['listicle-entry-is-an-article'])
    const key = (find(docs, LISTICLE).entries as Array<{_key: string}>)[2]!._key
    expect(error.problems).toHaveLength(1)
    expect(error.message).toContain(
      `${file}:${lineOf(text, LISTICLE)}, document "${LISTICLE}", field "entries[_key=="${key}"].city": ` +
        `must reference a city, but "${ARTICLE}" is an article`,
    )
  })

  test('a ranked city missing a required field stops the build (leaving it out would renumber the list)', async () => {
    const {file, text, error} = await stops('ranked-city-missing-required-field')
    expect(error.message).toContain(
      `${file}:${lineOf(text, RANKED_CITY)}, document "${RANKED_CITY}", field "name": required, but missing ` +
        `(ranked in "${LISTICLE}", so the city cannot be left out)`,
    )
  })

  test('a ranked city with a slug that is not URL-safe stops the build, naming slug.current', async () => {
    const {file, text, error} = await stops('ranked-city-bad-slug')
    expect(error.message).toContain(
      `${file}:${lineOf(text, RANKED_CITY)}, document "${RANKED_CITY}", field "slug.current": ` +
        '"Vienna Austria" is not a URL slug: use lower-case letters a-z, digits and single hyphens only',
    )
  })

  test('a ranked city whose image has no asset stops the build (its image is required)', async () => {
    const {file, text, error} = await stops('ranked-city-image-without-asset')
    expect(error.message).toContain(
      `${file}:${lineOf(text, RANKED_CITY)}, document "${RANKED_CITY}", field "image": ` +
        'the image has no asset (no file was uploaded for it)',
    )
  })

  test('a ranked city whose asset has no dimensions stops the build, naming the asset and its line', async () => {
    const {file, text, error} = await stops('ranked-city-asset-without-dimensions')
    const asset = (find(await readBundledDocuments(), RANKED_CITY).image as {asset: {_ref: string}})
      .asset._ref
    expect(error.message).toContain(
      `${file}:${lineOf(text, RANKED_CITY)}, document "${RANKED_CITY}", field "image": ` +
        `its asset "${asset}" (line ${lineOf(text, asset)}) has no width and height (metadata.dimensions)`,
    )
  })

  test('a ranked entry whose weak reference points at a missing city stops the build (no silent renumbering)', async () => {
    const {file, text, error} = await stops('ranked-entry-weak-reference-to-missing-city')
    const docs = await hostileDocuments(['ranked-entry-weak-reference-to-missing-city'])
    const key = (find(docs, LISTICLE).entries as Array<{_key: string}>)[0]!._key
    expect(error.problems.map((problem) => formatProblem(problem))).toEqual([
      `${file}:${lineOf(text, LISTICLE)}, document "${LISTICLE}", field "entries[_key=="${key}"].city": ` +
        'references "city-atlantis", which is not a published document in the dataset',
    ])
  })

  test('an author missing a name stops the build (every article and list is by someone)', async () => {
    const {file, text, error} = await stops('author-missing-name')
    expect(error.problems.map((problem) => formatProblem(problem))).toEqual([
      `${file}:${lineOf(text, 'author-iot-desk')}, document "author-iot-desk", field "name": required, but missing`,
    ])
  })

  test('a category missing its title stops the build (articles and cities depend on it)', async () => {
    const {file, text, error} = await stops('category-missing-title')
    expect(error.message).toContain(
      `${file}:${lineOf(text, 'category-iot')}, document "category-iot", field "title": required, but missing`,
    )
  })

  test('settings featuring a city instead of a ranked list stop the build', async () => {
    const {file, error} = await stops('settings-feature-a-city')
    expect(error.message).toContain(
      `${file}:1, document "siteSettings", field "featuredListicle": must reference a ranked list, but "${RANKED_CITY}" is a city`,
    )
  })

  test('a ranked list with a malformed publishedAt stops the build', async () => {
    const {file, text, error} = await stops('listicle-malformed-date')
    expect(error.message).toContain(
      `${file}:${lineOf(text, LISTICLE)}, document "${LISTICLE}", field "publishedAt": "August 2018" is not a date and time`,
    )
  })

  test('two articles with the same slug stop the build, naming both documents and lines', async () => {
    const {file, text, error} = await stops('duplicate-article-slug')
    const slug = (find(await readBundledDocuments(), ARTICLE).slug as {current: string}).current
    expect(error.message).toContain(
      `${file}:${lineOf(text, 'article-hostile-same-slug')}, document "article-hostile-same-slug", field "slug.current": ` +
        `"${slug}" is also the slug of article "${ARTICLE}" (line ${lineOf(text, ARTICLE)}); two pages cannot share one address`,
    )
  })
})

describe('a bad Latest article is left out with a warning; everything else still builds', () => {
  const LEFT_OUT = '; the article is left out of the site'

  async function leftOut(name: HostileFixture, id: string, expected: Record<string, string>) {
    const {file, text, dataset, printed} = await builds(name)
    const line = lineOf(text, id)
    expect(warningsOf(dataset)).toEqual(
      Object.entries(expected).map(
        ([field, message]) =>
          `${file}:${line}, document "${id}", field "${field}": ${message}${LEFT_OUT}`,
      ),
    )
    // The build prints the same lines.
    for (const warning of warningsOf(dataset)) expect(printed).toContain(`warning: ${warning}`)
    expect(dataset.byId.has(id)).toBe(false)
    const ids = await articleIds(file)
    expect(ids).not.toContain(id)
    expect(ids).toContain(ARTICLE)
  }

  test('an article missing required fields (title, excerpt) is left out, one warning per field', async () => {
    await leftOut('article-missing-required-fields', 'article-hostile-incomplete', {
      title: 'required, but missing',
      excerpt: 'required, but missing',
    })
  })

  test('an article whose title is a number is left out', async () => {
    await leftOut('article-wrong-field-type', 'article-hostile-number-title', {
      title: 'must be text, not a number (42)',
    })
  })

  const slugMessage = (slug: string) =>
    `${JSON.stringify(slug)} is not a URL slug: use lower-case letters a-z, digits and single hyphens only (for example "new-york-city")`

  test('an article with the slug "../../../etc/passwd" is left out: no path ever leaves its folder', async () => {
    await leftOut('slug-with-dot-dot', 'article-hostile-traversal', {
      'slug.current': slugMessage('../../../etc/passwd'),
    })
  })

  test('an article whose slug has spaces is left out', async () => {
    await leftOut('slug-with-spaces', 'article-hostile-spaces', {
      'slug.current': slugMessage('smart city news'),
    })
  })

  test('an article whose slug has upper case is left out', async () => {
    await leftOut('slug-with-upper-case', 'article-hostile-upper', {
      'slug.current': slugMessage('Smart-Cities'),
    })
  })

  test('an article whose slug has non-Latin letters is left out', async () => {
    await leftOut('slug-with-non-latin-letters', 'article-hostile-cyrillic', {
      'slug.current': slugMessage('умный-город'),
    })
  })

  test('articles with malformed dates (February 30, "yesterday") are left out', async () => {
    const {file, text, dataset} = await builds('article-malformed-dates')
    expect(warningsOf(dataset)).toEqual([
      `${file}:${lineOf(text, 'article-hostile-february-30')}, document "article-hostile-february-30", field "publishedAt": ` +
        '"2026-02-30T09:00:00Z" is not a date and time (expected ISO 8601 with a time zone, for example "2026-02-01T09:00:00Z")' +
        LEFT_OUT,
      `${file}:${lineOf(text, 'article-hostile-yesterday')}, document "article-hostile-yesterday", field "publishedAt": ` +
        '"yesterday" is not a date and time (expected ISO 8601 with a time zone, for example "2026-02-01T09:00:00Z")' +
        LEFT_OUT,
    ])
    // Each one on its own: not.arrayContaining([a, b]) would pass with only one of them absent.
    const ids = await articleIds(file)
    for (const id of ['article-hostile-february-30', 'article-hostile-yesterday']) {
      expect(dataset.byId.has(id), id).toBe(false)
      expect(ids, id).not.toContain(id)
    }
    expect(ids).toContain(ARTICLE)
  })

  test('an article whose category is a city is left out', async () => {
    await leftOut('article-wrong-reference-type', 'article-hostile-city-as-category', {
      category: `must reference a category, but "${RANKED_CITY}" is a city`,
    })
  })

  test('an article whose required category is a weak reference to a missing document is left out', async () => {
    await leftOut('weak-reference-to-missing-category', 'article-hostile-weak-category', {
      category: 'references "category-nope", which is not a published document in the dataset',
    })
  })

  test('a city no ranked list includes is left out when broken, and references to it are dropped', async () => {
    const {file, text, dataset} = await builds('unranked-city-missing-required-field')
    const cityLine = lineOf(text, 'city-hostile-unranked')
    const articleLine = lineOf(text, 'article-hostile-about-atlantis')
    expect(warningsOf(dataset)).toEqual([
      `${file}:${cityLine}, document "city-hostile-unranked", field "country": required, but missing; ` +
        'the city is left out of the site (no ranked list includes it)',
      `${file}:${articleLine}, document "article-hostile-about-atlantis", field "relatedCities[_key=="rc1"]": ` +
        `references "city-hostile-unranked" (line ${cityLine}), which is left out (country: required, but missing); ` +
        'the reference is dropped',
    ])
    const {articles, cities} = await siteContent(file)
    expect(cities.map((city) => city._id)).not.toContain('city-hostile-unranked')
    const article = articles.find((candidate) => candidate._id === 'article-hostile-about-atlantis')
    expect(article?.relatedCities?.map((city) => city._id)).toEqual([RANKED_CITY])
  })
})

describe('a malformed redirect is left out, a malformed earlier slug dropped, with a warning', () => {
  test('each redirect names what is wrong, by line and field; the page keeps its sound earlier slugs', async () => {
    const {file, text, dataset, printed} = await builds('redirects-malformed')
    const at = (id: string, field: string, message: string, consequence: string) =>
      `${file}:${lineOf(text, id)}, document "${id}", field "${field}": ${message}; ${consequence}`
    const LEFT_OUT = 'the redirect is left out'
    const DROPPED = 'the earlier address is dropped'
    expect(warningsOf(dataset)).toEqual([
      at(ARTICLE, 'previousSlugs[1]', '"../etc" is not a URL slug', DROPPED),
      at(ARTICLE, 'previousSlugs[2]', '"client-partnership" is listed twice', DROPPED),
      at(ARTICLE, 'previousSlugs[3]', 'a number (7) is not a URL slug', DROPPED),
      at(
        'redirect-hostile-external',
        'toPath',
        'must be a path on this site without the domain, such as "/2018/08/old-post/"',
        LEFT_OUT,
      ),
      at(
        'redirect-hostile-splat',
        'from',
        '"*" is not allowed in a path: use letters, digits, "-", "_", ".", "~", or percent-escapes such as "%C3%A9"',
        LEFT_OUT,
      ),
      at(
        'redirect-hostile-both',
        'toPath',
        'a redirect goes to a page (toDocument) or to a path (toPath), not both',
        LEFT_OUT,
      ),
      at(
        'redirect-hostile-neither',
        'toDocument',
        'required: the page (toDocument) or the path (toPath) the redirect goes to',
        LEFT_OUT,
      ),
      at(
        'redirect-hostile-author',
        'toDocument',
        'must reference a page, but "author-iot-desk" is an author, which has no page',
        LEFT_OUT,
      ),
    ])
    for (const warning of warningsOf(dataset)) expect(printed).toContain(`warning: ${warning}`)
    for (const id of dataset.all
      .map((doc) => doc._id)
      .filter((id) => id.startsWith('redirect-hostile'))) {
      expect(dataset.byId.has(id), id).toBe(false)
    }
    expect(dataset.byId.get(ARTICLE)?.previousSlugs).toEqual(['client-partnership'])
  })
})

describe('text, references, images and dates are made safe, said so, and the rest builds', () => {
  test('control characters (U+0000-U+001F but tab and newline, DEL) are removed with a warning naming each field', async () => {
    const {file, text, dataset} = await builds('control-characters')
    const at = `${file}:${lineOf(text, 'article-hostile-controls')}, document "article-hostile-controls"`
    expect(warningsOf(dataset)).toEqual([
      `${at}, field "title": removed 3 invisible control or non-characters (U+0000, U+0007, U+001B); the text is published without them`,
      `${at}, field "excerpt": removed 2 invisible control or non-characters (U+000B, U+007F); the text is published without them`,
      `${at}, field "body[_key=="b1"].children[_key=="b1s"].text": removed 3 invisible control or non-characters (U+0008, U+000C, U+001F); the text is published without them`,
    ])
    const article = (await siteContent(file)).articles.find(
      (candidate) => candidate._id === 'article-hostile-controls',
    )!
    expect(article.title).toBe('Smart cities and[31m bells')
    expect(article.excerpt).toBe('Tabs\tand\nnew lines stay; the vertical tab and  DEL go.')
    expect(JSON.stringify(article)).not.toMatch(/\\u00(?:0[0-8bcef]|1[0-9a-f]|7f)/i)
  })

  test('U+FFFE and other non-characters are removed; lone surrogates become U+FFFD; real emoji stay', async () => {
    const {file, dataset} = await builds('non-characters-and-lone-surrogates')
    expect(warningsOf(dataset).map((warning) => warning.split(': ').slice(1).join(': '))).toEqual([
      'replaced 2 broken characters (a lone UTF-16 surrogate) with U+FFFD and removed 1 invisible control or non-character (U+FFFE); the text is published without them',
      'removed 2 invisible control or non-characters (U+FFFF, U+FDD0); the text is published without them',
    ])
    const article = (await siteContent(file)).articles.find(
      (candidate) => candidate._id === 'article-hostile-surrogates',
    )!
    expect(article.title).toBe('Broken \uFFFD emoji, stray \uFFFD half and  non-character')
    expect(article.excerpt).toBe('A real emoji \uD83D\uDE00 stays;  and  go.')
    expect(article.title).not.toMatch(/[\uD800-\uDFFF]/)
  })

  test('an unknown _type is not published, with a warning naming the document; the rest builds', async () => {
    const {file, text, dataset} = await builds('unknown-type')
    expect(warningsOf(dataset)).toEqual([
      `${file}:${lineOf(text, 'promotion-1')}, document "promotion-1", field "_type": unknown document type "promotion"; the document is not published`,
      `${file}:${lineOf(text, 'article-hostile-typo-type')}, document "article-hostile-typo-type", field "_type": unknown document type "articel"; the document is not published`,
    ])
    const content = JSON.stringify(await siteContent(file))
    expect(content).not.toContain('promotion-1')
    expect(content).not.toContain('article-hostile-typo-type')
  })

  test('a weak reference to a missing city is dropped with a warning; the article is published', async () => {
    const {file, text, dataset} = await builds('weak-reference-to-missing-city')
    expect(warningsOf(dataset)).toEqual([
      `${file}:${lineOf(text, 'article-hostile-weak')}, document "article-hostile-weak", field "relatedCities[_key=="rc1"]": ` +
        'references "city-atlantis", which is not a published document in the dataset; the reference is dropped',
    ])
    const article = (await siteContent(file)).articles.find((a) => a._id === 'article-hostile-weak')
    expect(article?.relatedCities?.map((city) => city._id)).toEqual([RANKED_CITY])
  })

  test('a related city that is a category is dropped from the list with a warning; the article is published', async () => {
    const {file, text, dataset} = await builds('related-city-is-a-category')
    expect(warningsOf(dataset)).toEqual([
      `${file}:${lineOf(text, 'article-hostile-category-as-city')}, document "article-hostile-category-as-city", ` +
        'field "relatedCities[_key=="rc1"]": must reference a city, but "category-iot" is a category; the item is dropped',
    ])
    const article = (await siteContent(file)).articles.find(
      (a) => a._id === 'article-hostile-category-as-city',
    )
    expect(article?.relatedCities?.map((city) => city._id)).toEqual([RANKED_CITY])
  })

  test('reference cycles (city -> article -> city, an article relating to itself) build, and quickly', async () => {
    const started = performance.now()
    const {file, text, dataset} = await builds('reference-cycle')
    expect(warningsOf(dataset)).toEqual([
      `${file}:${lineOf(text, 'article-hostile-self')}, document "article-hostile-self", field "relatedCities[_key=="self"]": ` +
        'must reference a city, but "article-hostile-self" is an article; the item is dropped',
    ])
    const {articles, cities} = await siteContent(file)
    expect(cities.find((city) => city._id === RANKED_CITY)?.name).toBe('Vienna')
    expect(articles.find((a) => a._id === ARTICLE)?.relatedCities?.[0]?._id).toBe(RANKED_CITY)
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  test('an article image without an asset is left out with a warning; the article is published without it', async () => {
    const {file, text, dataset} = await builds('article-image-without-asset')
    expect(warningsOf(dataset)).toEqual([
      `${file}:${lineOf(text, 'article-hostile-no-asset')}, document "article-hostile-no-asset", field "heroImage": ` +
        'the image has no asset (no file was uploaded for it); the image is left out',
    ])
    const article = (await siteContent(file)).articles.find(
      (a) => a._id === 'article-hostile-no-asset',
    )
    expect(article?.heroImage).toBeNull()
  })

  test('an image block without an asset is left out of the body; the paragraphs around it stay', async () => {
    const {file, text, dataset} = await builds('body-image-without-asset')
    expect(warningsOf(dataset)).toEqual([
      `${file}:${lineOf(text, 'article-hostile-body-image')}, document "article-hostile-body-image", field "body[_key=="img1"]": ` +
        'the image has no asset (no file was uploaded for it); the image is left out',
    ])
    const article = (await siteContent(file)).articles.find(
      (a) => a._id === 'article-hostile-body-image',
    )
    expect(article?.body?.map((item) => item._key)).toEqual(['b1', 'b2'])
  })

  test('an asset document without dimensions: images using it are left out with a warning naming the asset', async () => {
    const {file, text, dataset} = await builds('asset-without-dimensions')
    const asset = (find(await readBundledDocuments(), ARTICLE).heroImage as {asset: {_ref: string}})
      .asset._ref
    expect(warningsOf(dataset)).toEqual([
      `${file}:${lineOf(text, ARTICLE)}, document "${ARTICLE}", field "heroImage": its asset "${asset}" ` +
        `(line ${lineOf(text, asset)}) has no width and height (metadata.dimensions); the image is left out`,
    ])
    const article = (await siteContent(file)).articles.find((a) => a._id === ARTICLE)
    expect(article?.title).toBeTruthy()
    expect(article?.heroImage).toBeNull()
  })

  test('malformed optional dates (a list updatedAt, a post postedAt) are left out with a warning; the rest builds', async () => {
    const {file, text, dataset} = await builds('malformed-optional-dates')
    const expected = (id: string, field: string, value: string) =>
      `${file}:${lineOf(text, id)}, document "${id}", field "${field}": "${value}" is not a date and time ` +
      '(expected ISO 8601 with a time zone, for example "2026-02-01T09:00:00Z"); the date is left out'
    expect(warningsOf(dataset)).toEqual([
      expected(LISTICLE, 'updatedAt', 'soon'),
      expected(RANKED_CITY, 'socialEmbed.postedAt', '28/03/2018'),
    ])
    const {listicles, cities} = await siteContent(file)
    expect(listicles[0]?.updatedAt).toBeNull()
    expect(cities.find((city) => city._id === RANKED_CITY)?.socialEmbed?.postedAt).toBeNull()
  })

  test('a future-dated article is held back (no page, list or feed) until a build on or after its date', async () => {
    const {file, text, dataset, printed} = await builds('future-dated-article')
    const notice =
      `${file}:${lineOf(text, 'article-hostile-future')}, document "article-hostile-future", field "publishedAt": ` +
      'dated 2999-01-01T09:00:00Z, in the future: the article is held back until a build on or after that date'
    expect(dataset.scheduled.map(formatProblem)).toEqual([notice])
    expect(dataset.warnings).toEqual([])
    expect(printed).toContain(`scheduled: ${notice}`)
    expect(JSON.stringify(await siteContent(file))).not.toContain('From the future')
    // A build after that date publishes it.
    const later = analyzeDataset(text, file, {now: new Date('2999-01-02T00:00:00Z')})
    expect(later.byId.has('article-hostile-future')).toBe(true)
    expect(later.scheduled).toEqual([])
  })

  test('a 1 MB body builds, whole, in well under a few seconds', async () => {
    const started = performance.now()
    const {file, text, dataset} = await builds('huge-body')
    expect(text.length).toBeGreaterThan(1_000_000)
    expect(dataset.warnings).toEqual([])
    const article = (await siteContent(file)).articles.find((a) => a._id === 'article-hostile-huge')
    expect(article?.body).toHaveLength(HUGE_BODY_PARAGRAPHS)
    expect(JSON.stringify(article?.body?.at(-1))).toContain(HUGE_BODY_LAST)
    expect(performance.now() - started).toBeLessThan(5_000)
  })

  test('the same slug in two types (an article and a city "vienna") builds: their addresses differ', async () => {
    const {file, dataset} = await builds('same-slug-in-two-types')
    expect(dataset.warnings).toEqual([])
    expect(await articleIds(file)).toContain('article-hostile-vienna')
  })
})

describe('drafts never reach the site', () => {
  test("a draft and a release version whose content differs from the published article: none of their text is in any query's result", async () => {
    const {file, dataset} = await builds('drafts-differ-from-published')
    expect(dataset.unpublishedCount).toBe(4)
    const content = JSON.stringify(await siteContent(file))
    expect(content).not.toContain(DRAFT_MARKER)
    expect(content).toContain('When Client Engagement Becomes True Partnership')
  })

  test('an incomplete draft (no title, bad slug, bad date) neither stops the build nor warns', async () => {
    const {file, dataset, printed} = await builds('incomplete-draft')
    expect(dataset.warnings).toEqual([])
    expect(printed).toBe('')
    expect(JSON.stringify(await siteContent(file))).not.toContain('article-hostile-half-written')
  })
})

describe('the build prints what it left out', () => {
  test('one block of warnings per dataset, each naming file, line, document and field', async () => {
    const {file, text, printed} = await builds('article-missing-required-fields')
    const line = lineOf(text, 'article-hostile-incomplete')
    expect(printed).toBe(
      `${file}: 2 notices about the dataset:\n` +
        `  warning: ${file}:${line}, document "article-hostile-incomplete", field "title": required, but missing; the article is left out of the site\n` +
        `  warning: ${file}:${line}, document "article-hostile-incomplete", field "excerpt": required, but missing; the article is left out of the site`,
    )
  })

  test('readDataset reports problems that would stop a build without throwing (for pnpm dataset:check)', async () => {
    const {file} = await write('category-missing-title')
    const dataset = await readDataset(file)
    expect(dataset.blocking).toEqual([
      expect.objectContaining({documentId: 'category-iot', field: 'title'}),
    ])
  })
})

describe('the publication contract agrees with the schema', () => {
  // Every field the build requires is required in the studio too, so an editor who
  // publishes without a warning never has a document left out or a build stopped.
  const required = Object.entries(PUBLICATION_CONTRACT).flatMap(([type, fields]) =>
    Object.entries(fields)
      .filter(([, rule]) => rule.required)
      .map(([field]) => ({type, field})),
  )

  test('every required field of the contract is required by Sanity validation', async () => {
    const docs = (await readBundledDocuments()) as Doc[]
    const missing: string[] = []
    for (const {type, field} of required) {
      const copy = structuredClone(docs)
      const target = copy.find((doc) => doc._type === type)!
      Reflect.deleteProperty(target, field)
      const dataset = analyzeDataset(toNdjson(copy), 'contract.ndjson')
      const problems = await validateDatasetAgainstSchema(dataset, {
        only: (doc) => doc._id === target._id,
      })
      const flagged = problems.some(
        (problem) =>
          problem.level === 'error' &&
          (problem.field === field || problem.field?.startsWith(`${field}.`)),
      )
      if (!flagged) missing.push(`${type}.${field}`)
    }
    expect(missing).toEqual([])
  }, 60_000)
})
