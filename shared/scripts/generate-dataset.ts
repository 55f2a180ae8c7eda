/**
 * `pnpm dataset:generate --articles N --seed S --out FILE`: a deterministic
 * dataset in the bundled format, for scale tests and benchmarks. N articles
 * (bodies of about 600 words with links and images), N/10 cities, 20 categories,
 * a few ranked lists, references between them, and some drafts. The same
 * arguments always give the same bytes. Images are the bundled files, copied
 * into images/ beside FILE.
 */
import {createWriteStream} from 'node:fs'
import {copyFile, mkdir, readdir, readFile, rename, rm} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {Readable} from 'node:stream'
import {pipeline} from 'node:stream/promises'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {pathFromWhereTyped} from '../src/environment.ts'
import {block, keyFor} from './portable-text.ts'

const {values} = parseArgs({
  options: {
    articles: {type: 'string', default: '1000'},
    seed: {type: 'string', default: '1'},
    out: {type: 'string'},
  },
})
const articleCount = Number(values.articles)
if (!Number.isInteger(articleCount) || articleCount < 1)
  throw new Error('--articles must be a positive whole number')
if (!values.out) throw new Error('--out FILE is required')
const out = pathFromWhereTyped(values.out)

// mulberry32: small, fast and deterministic.
let state = Number(values.seed) >>> 0 || 1
function random(): number {
  state = (state + 0x6d2b79f5) >>> 0
  let t = state
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!
const WORDS =
  'city data sensor network grid transit energy parking street light water waste citizen service platform cloud edge device mobile signal traffic route bus rail bike charge solar wind storage building park tree air quality noise map model budget council vendor partner pilot program public private open standard secure privacy resilient smart connected'.split(
    ' ',
  )
const sentence = (words: number) => {
  const text = Array.from({length: words}, () => pick(WORDS)).join(' ')
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`
}

const datasetDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'dataset')
const bundled = (await readFile(join(datasetDir, 'production.ndjson'), 'utf8'))
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as {_id: string; _type: string; [field: string]: unknown})
const assets = bundled.filter((doc) => doc._type === 'sanity.imageAsset')
const settings = bundled.find((doc) => doc._id === 'siteSettings')!
const image = (alt: string) => ({
  _type: 'accessibleImage',
  asset: {_type: 'reference', _ref: pick(assets)._id},
  alt,
})
const ref = (id: string, key?: string) => ({
  _type: 'reference',
  _ref: id,
  ...(key ? {_key: key} : {}),
})

const authors = Array.from({length: 5}, (_, index) => ({
  _id: `author-${index + 1}`,
  _type: 'author',
  name: `Author ${index + 1}`,
  slug: {_type: 'slug', current: `author-${index + 1}`},
}))
const categories = Array.from({length: 20}, (_, index) => ({
  _id: `category-${index + 1}`,
  _type: 'category',
  title: `Category ${index + 1}`,
  slug: {_type: 'slug', current: `category-${index + 1}`},
  description: sentence(12),
}))
const cityCount = Math.max(1, Math.floor(articleCount / 10))
const cities = Array.from({length: cityCount}, (_, index) => {
  const id = `city-${index + 1}`
  return {
    _id: id,
    _type: 'city',
    name: `City ${index + 1}`,
    slug: {_type: 'slug', current: `city-${index + 1}`},
    country: `Country ${(index % 40) + 1}`,
    region: pick(['Europe', 'Asia', 'North America', 'South America', 'Africa', 'Oceania']),
    summary: [block(`${sentence(14)} ${sentence(12)}`, {seed: id})],
    highlights: [
      {
        _type: 'highlight',
        _key: keyFor(id, 'h'),
        label: 'Green space',
        value: `${index % 60} percent`,
        number: index % 60,
        unit: '%',
      },
    ],
    themes: [ref(pick(categories)._id, keyFor(id, 't'))],
    image: image(`Abstract skyline illustration for City ${index + 1}.`),
  }
})
const listicles = Array.from({length: 4}, (_, index) => {
  const id = `listicle-${index + 1}`
  const entries = cities.slice(index * 10, index * 10 + 10)
  return {
    _id: id,
    _type: 'listicle',
    title: `Ranked list ${index + 1}`,
    slug: {_type: 'slug', current: `ranked-list-${index + 1}`},
    dek: sentence(14),
    heroImage: image(`Abstract illustration for ranked list ${index + 1}.`),
    intro: [block(sentence(30), {seed: id})],
    entries: entries.map((city) => ({
      _type: 'listicleEntry',
      _key: keyFor(id, city._id),
      city: ref(city._id),
    })),
    author: ref(authors[0]!._id),
    publishedAt: new Date(Date.UTC(2024, index, 1)).toISOString(),
    categories: [ref(categories[0]!._id, keyFor(id, 'c'))],
  }
}).filter((listicle) => listicle.entries.length > 0)

/** Article `index` (0-based): about 600 words in 12 paragraphs of about 50, a heading, a link, an image. */
function article(index: number) {
  const id = `article-${index + 1}`
  const body: object[] = []
  for (let paragraph = 0; paragraph < 12; paragraph += 1) {
    if (paragraph === 4) body.push(block(sentence(5), {style: 'h2', seed: `${id}-${paragraph}`}))
    const text =
      paragraph === 2
        ? `${sentence(20)} Read more at [the city page](/cities/${pick(cities).slug.current}/) or [an outside source](https://example.org/${index}). ${sentence(20)}`
        : `${sentence(16)} ${sentence(17)} ${sentence(17)}`
    body.push(block(text, {seed: `${id}-${paragraph}`}))
    if (paragraph === 6)
      body.push({...image(`Illustration in article ${index + 1}.`), _key: keyFor(id, 'img')})
  }
  const published = new Date(Date.UTC(2026, 0, 1) - index * 3_600_000)
  return {
    _id: id,
    _type: 'article',
    title: `Article ${index + 1}: ${sentence(6).slice(0, -1)}`,
    slug: {_type: 'slug', current: `article-${index + 1}`},
    publishedAt: published.toISOString(),
    category: ref(pick(categories)._id),
    author: ref(pick(authors)._id),
    excerpt: sentence(30).slice(0, 390),
    heroImage: image(`Hero illustration for article ${index + 1}.`),
    body,
    relatedCities: [ref(pick(cities)._id, keyFor(id, 'rc'))],
  }
}

/** Everything before the articles: few enough documents to hold. */
const head = [
  ...assets,
  {...settings, featuredListicle: ref(listicles[0]!._id)},
  ...authors,
  ...categories,
  ...cities,
  ...listicles,
]
// About one article in fifty has an unpublished draft that must never be published.
const hasDraft = (index: number) => index % 50 === 0
const draftCount = Math.ceil(articleCount / 50)

/**
 * The file, one line at a time: articles are made as they are written, so memory
 * holds one article (and the drafts, which the file lists last), never the file.
 */
function* lines(): Generator<string> {
  for (const doc of head) yield `${JSON.stringify(doc)}\n`
  const drafts: string[] = []
  for (let index = 0; index < articleCount; index += 1) {
    const written = article(index)
    yield `${JSON.stringify(written)}\n`
    if (hasDraft(index)) {
      const draft = {...written, _id: `drafts.${written._id}`, title: `DRAFT ${written.title}`}
      drafts.push(`${JSON.stringify(draft)}\n`)
    }
  }
  yield* drafts
}

await mkdir(join(dirname(out), 'images'), {recursive: true})
for (const file of await readdir(join(datasetDir, 'images'))) {
  await copyFile(join(datasetDir, 'images', file), join(dirname(out), 'images', file))
}
// Written beside FILE and renamed when complete: a failed run never leaves half a dataset.
// pipeline() waits whenever the file stream's buffer is full (backpressure).
const partial = `${out}.partial`
try {
  await pipeline(Readable.from(lines()), createWriteStream(partial))
  await rename(partial, out)
} catch (error) {
  await rm(partial, {force: true})
  throw error
}
console.log(
  `Wrote ${head.length + articleCount + draftCount} documents (${articleCount} articles, ${cities.length} cities, ${draftCount} drafts) to ${out}`,
)
