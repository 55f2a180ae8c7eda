/**
 * A dataset for paging and journeys: the bundled one plus 23 extra articles in the
 * "Cities" category, each related to a ranked city, so /latest/ and
 * /categories/cities/ have three pages (10, 10, 7 articles with the four seed ones).
 * Its site is built with a search index in parts of 12 records at most (49
 * records: five parts), as a site of 100,000 articles is in parts of 20,000.
 */
import {readBundledDocuments, toNdjson, writeTempDataset, type Doc} from './dataset-files'

export const EXTRA_ARTICLES = 23
export const PAGED_SEARCH_PART_SIZE = 12
const CITY_IDS = ['city-vienna', 'city-boston', 'city-seoul', 'city-tokyo']

/** The paged fixture's documents: the bundled ones, then the extra articles. */
export async function pagedDocuments(): Promise<Doc[]> {
  const docs = await readBundledDocuments()
  // The extras are new articles: they take the seed article's fields, not its earlier slugs.
  const {previousSlugs: _previousSlugs, ...template} = docs.find(
    (doc) => doc._id === 'article-craftsmanship-and-the-soul-of-cities-with-mike-ablon',
  )!
  const extra = Array.from({length: EXTRA_ARTICLES}, (_, index) => {
    const number = String(index + 1).padStart(2, '0')
    const day = String(28 - index).padStart(2, '0')
    return {
      ...template,
      _id: `article-fixture-${number}`,
      title: `Fixture article ${number}`,
      slug: {_type: 'slug', current: `fixture-article-${number}`},
      publishedAt: `2026-01-${day}T12:00:00Z`,
      excerpt: `Fixture article number ${number}, written for the pagination tests.`,
      relatedCities: [
        {_type: 'reference', _key: `rc${number}`, _ref: CITY_IDS[index % CITY_IDS.length]},
      ],
    }
  })
  return [...docs, ...extra]
}

export async function writePagedDataset(): Promise<string> {
  return writeTempDataset(toNdjson(await pagedDocuments()))
}
