import {createDatasetSource, getContentSource} from '@smart-cities/shared/content'
import {readEnvironment} from '@smart-cities/shared/environment'
import {
  ARTICLES_QUERY,
  CATEGORIES_QUERY,
  CITIES_QUERY,
  LISTICLES_QUERY,
  SITE_SETTINGS_QUERY,
} from '@smart-cities/shared/queries'
import {describe, expect, test} from 'vitest'

import {readBundledDocuments, toNdjson, writeTempDataset} from '../support/dataset-files'
import {bundledDatasetFile} from '../support/paths'
import {SEED_CITY_ORDER, SEED_LATEST_TITLES} from '../support/seed'

const source = createDatasetSource(bundledDatasetFile)

describe('the shared queries over the bundled dataset return the seed content', () => {
  test('the featured listicle ranks the nine cities in the seed order', async () => {
    const settings = await source.fetch(SITE_SETTINGS_QUERY)
    const listicles = await source.fetch(LISTICLES_QUERY)
    const featured = listicles.find((listicle) => listicle._id === settings?.featuredListicleId)
    expect(featured?.title).toBe('The Top Smart Cities in the World')
    expect(featured?.entries.map((entry) => entry.city.name)).toEqual(SEED_CITY_ORDER)
  })

  test('city facts come through dereferenced, with image dimensions', async () => {
    const cities = await source.fetch(CITIES_QUERY)
    const vienna = cities.find((city) => city.slug === 'vienna')
    expect(vienna?.highlights).toContainEqual(
      expect.objectContaining({label: 'Green space', number: 50, unit: '%'}),
    )
    expect(vienna?.themes?.map((theme) => theme.title)).toEqual(['Green space'])
    expect(vienna?.socialEmbed?.url).toBe('https://twitter.com/SiemensBT/status/978918557936422912')
    expect(vienna?.image.asset).toMatchObject({width: 1600, height: 900})
    const sanFrancisco = cities.find((city) => city.slug === 'san-francisco')
    expect(sanFrancisco?.highlights).toContainEqual(
      expect.objectContaining({label: 'Renewable share of the grid', number: 41, unit: '%'}),
    )
    const amsterdam = cities.find((city) => city.slug === 'amsterdam')
    expect(amsterdam?.socialEmbed?.url).toBe(
      'https://twitter.com/NLintheUSA/status/1023678299774623744',
    )
  })

  test('four Latest articles, newest first, with their dates and categories', async () => {
    const articles = await source.fetch(ARTICLES_QUERY)
    expect(articles.map((article) => article.title)).toEqual(SEED_LATEST_TITLES)
    expect(
      articles.map((article) => [article.publishedAt.slice(0, 10), article.category.title]),
    ).toEqual([
      ['2026-02-02', 'Cities'],
      ['2026-02-01', 'Client engagement'],
      ['2026-02-01', 'CG Infinity'],
      ['2026-02-01', 'Salesforce'],
    ])
  })

  test('articles are ordered by the instant they were published, whatever the zone of the text', async () => {
    const documents = await readBundledDocuments()
    // 10:00 in California is 18:00 UTC: after every other seed article, though its text sorts first.
    const shifted = documents.map((doc) =>
      doc._id === 'article-when-building-beats-buying-salesforce-decisions-at-cg-infinity'
        ? {...doc, publishedAt: '2026-02-02T10:00:00-08:00'}
        : doc,
    )
    const file = await writeTempDataset(toNdjson(shifted))
    const articles = await createDatasetSource(file).fetch(ARTICLES_QUERY)
    expect(articles.map((article) => article.publishedAt)).toEqual([
      '2026-02-02T10:00:00-08:00',
      '2026-02-02T15:00:00Z',
      '2026-02-01T17:00:00Z',
      '2026-02-01T16:00:00Z',
    ])
  })

  test('settings carry the three social profiles of the seed', async () => {
    const settings = await source.fetch(SITE_SETTINGS_QUERY)
    expect(
      settings?.socialProfiles?.map(({platform, handle, url}) => ({platform, handle, url})),
    ).toEqual([
      {platform: 'x', handle: '@IOTMKSL', url: 'https://twitter.com/IOTMKSL'},
      {
        platform: 'facebook',
        handle: 'facebook.com/marketscale',
        url: 'https://www.facebook.com/marketscale',
      },
      {
        platform: 'linkedin',
        handle: 'linkedin.com/company/marketscale',
        url: 'https://www.linkedin.com/company/marketscale',
      },
    ])
  })

  test('categories include the cities’ themes and the Latest categories', async () => {
    const titles = (await source.fetch(CATEGORIES_QUERY)).map((category) => category.title)
    expect(titles).toEqual(
      expect.arrayContaining([
        'Transport',
        'Energy',
        'Connectivity',
        'Parking',
        'Green space',
        'Salesforce',
      ]),
    )
  })
})

describe('published perspective', () => {
  test('drafts in the dataset are never returned', async () => {
    const docs = await readBundledDocuments()
    expect(docs.some((doc) => doc._id.startsWith('drafts.'))).toBe(true)
    const articles = await source.fetch(ARTICLES_QUERY)
    const cities = await source.fetch(CITIES_QUERY)
    const everything = JSON.stringify([articles, cities, await source.fetch(LISTICLES_QUERY)])
    expect(everything).not.toContain('DRAFT')
    expect(articles).toHaveLength(4)
  })

  test('release versions are never returned either', async () => {
    const docs = await readBundledDocuments()
    const vienna = docs.find((doc) => doc._id === 'city-vienna')!
    const file = await writeTempDataset(
      toNdjson([
        ...docs,
        {...vienna, _id: 'versions.rSpring.city-vienna', name: 'Vienna (RELEASE)'},
      ]),
    )
    const cities = await createDatasetSource(file).fetch(CITIES_QUERY)
    expect(cities.filter((city) => city.slug === 'vienna').map((city) => city.name)).toEqual([
      'Vienna',
    ])
  })
})

describe('choosing the dataset', () => {
  test('DATASET_FILE points the content source at another file', async () => {
    const docs = await readBundledDocuments()
    const renamed = docs.map((doc) =>
      doc._id === 'city-boston' ? {...doc, name: 'Boston (from DATASET_FILE)'} : doc,
    )
    const file = await writeTempDataset(toNdjson(renamed))
    const cities = await getContentSource(readEnvironment({DATASET_FILE: file}).content).fetch(
      CITIES_QUERY,
    )
    expect(cities.map((city) => city.name)).toContain('Boston (from DATASET_FILE)')
  })

  test('without DATASET_FILE the bundled dataset is used', () => {
    expect(getContentSource(readEnvironment({}).content).description).toBe(
      `dataset file ${bundledDatasetFile}`,
    )
  })
})
