/**
 * Every validation rule editors rely on, exercised through Sanity's own
 * validation with an invalid document (exact path and level of the marker)
 * and a valid one (no marker there). Levels are those the studio shows.
 */
import {analyzeDataset} from '@smart-cities/shared/dataset'
import {
  validateDatasetAgainstSchema,
  type SchemaProblem,
} from '@smart-cities/shared/dataset/validate'
import {describe, expect, test} from 'vitest'

import {readBundledDocuments, toNdjson} from '../support/dataset-files'

type Doc = Record<string, unknown> & {_id: string; _type: string}
type Block = {
  _key: string
  markDefs: Array<Record<string, unknown>>
  children: Array<{marks: string[]}>
}

async function problemsFor(
  id: string,
  mutate: (doc: Doc, all: Doc[]) => void,
): Promise<SchemaProblem[]> {
  const docs = (await readBundledDocuments()) as Doc[]
  mutate(
    docs.find((doc) => doc._id === id)!,
    docs,
  )
  const dataset = analyzeDataset(toNdjson(docs), 'fixture.ndjson')
  return validateDatasetAgainstSchema(dataset, {only: (doc) => doc._id === id})
}

const marker = (field: string, level: 'error' | 'warning', message?: string) =>
  expect.objectContaining({
    field,
    level,
    ...(message ? {message: expect.stringContaining(message) as string} : {}),
  })

const ARTICLE = 'article-when-client-engagement-becomes-true-partnership'

function linkFirstBlock(doc: Doc, field: string, href: string): string {
  const [first] = doc[field] as Block[]
  first!.markDefs = [{_type: 'link', _key: 'lnk', href}]
  first!.children[0]!.marks = ['lnk']
  return `${field}[_key=="${first!._key}"].markDefs[_key=="lnk"].href`
}

interface RuleCase {
  rule: string
  id: string
  invalid: (doc: Doc, all: Doc[]) => string | undefined
  expected: (path: string) => ReturnType<typeof marker>
  valid: (doc: Doc, all: Doc[]) => string | undefined
  field: string
}

const cases: RuleCase[] = [
  {
    rule: 'an article needs a title',
    id: ARTICLE,
    field: 'title',
    invalid: (doc) => void delete doc.title,
    expected: () => marker('title', 'error', 'Required'),
    valid: () => undefined,
  },
  {
    rule: 'the excerpt is limited to 400 characters',
    id: ARTICLE,
    field: 'excerpt',
    invalid: (doc) => void (doc.excerpt = 'x'.repeat(401)),
    expected: () => marker('excerpt', 'error', '400'),
    valid: (doc) => void (doc.excerpt = 'x'.repeat(400)),
  },
  {
    rule: 'publishedAt is required',
    id: ARTICLE,
    field: 'publishedAt',
    invalid: (doc) => void delete doc.publishedAt,
    expected: () => marker('publishedAt', 'error', 'Required'),
    valid: () => undefined,
  },
  {
    rule: 'an article needs a category',
    id: ARTICLE,
    field: 'category',
    invalid: (doc) => void delete doc.category,
    expected: () => marker('category', 'error', 'Required'),
    valid: () => undefined,
  },
  {
    rule: 'alt text is required whenever an image is set',
    id: ARTICLE,
    field: 'heroImage.alt',
    invalid: (doc) => void ((doc.heroImage as Record<string, unknown>).alt = ' '),
    expected: () => marker('heroImage.alt', 'error', 'Alternative text is required'),
    valid: (doc) => void ((doc.heroImage as Record<string, unknown>).alt = 'A skyline at dusk.'),
  },
  {
    rule: 'links may not use javascript: URLs',
    id: ARTICLE,
    field: 'body',
    invalid: (doc) => linkFirstBlock(doc, 'body', 'javascript:alert(1)'),
    expected: (path) => marker(path, 'error'),
    valid: (doc) => linkFirstBlock(doc, 'body', 'mailto:desk@example.com'),
  },
  {
    rule: 'links may be relative paths of this site',
    id: 'city-vienna',
    field: 'summary',
    invalid: (doc) => linkFirstBlock(doc, 'summary', 'data:text/html,<script>alert(1)</script>'),
    expected: (path) => marker(path, 'error'),
    valid: (doc) => linkFirstBlock(doc, 'summary', '/cities/amsterdam/'),
  },
  {
    rule: 'slugs are lower-case, digits and hyphens',
    id: 'city-paris',
    field: 'slug',
    invalid: (doc) => void (doc.slug = {_type: 'slug', current: 'Paris France'}),
    expected: () => marker('slug', 'error', 'lower-case letters'),
    valid: (doc) => void (doc.slug = {_type: 'slug', current: 'paris-france'}),
  },
  {
    rule: 'slugs are unique per type',
    id: 'city-paris',
    field: 'slug',
    invalid: (doc) => void (doc.slug = {_type: 'slug', current: 'vienna'}),
    expected: () => marker('slug', 'error', 'Another city already uses the slug "vienna"'),
    // The same slug in another type is fine: pages of different types have different paths.
    valid: (doc) => void (doc.slug = {_type: 'slug', current: 'energy'}),
  },
  {
    rule: 'social posts must be X/Twitter post URLs',
    id: 'city-vienna',
    field: 'socialEmbed.url',
    invalid: (doc) =>
      void ((doc.socialEmbed as Record<string, unknown>).url = 'https://example.com/post/1'),
    expected: () => marker('socialEmbed.url', 'error', 'single post on X/Twitter'),
    valid: (doc) =>
      void ((doc.socialEmbed as Record<string, unknown>).url =
        'https://x.com/SiemensBT/status/978918557936422912'),
  },
  {
    rule: 'social post URLs must use https',
    id: 'city-vienna',
    field: 'socialEmbed.url',
    invalid: (doc) =>
      void ((doc.socialEmbed as Record<string, unknown>).url =
        'http://twitter.com/SiemensBT/status/978918557936422912'),
    expected: () => marker('socialEmbed.url', 'error'),
    valid: () => undefined,
  },
  {
    rule: 'a city appears once per ranking',
    id: 'listicle-top-smart-cities',
    field: 'entries',
    invalid: (doc) => {
      const entries = doc.entries as Array<Record<string, unknown>>
      entries.push({...entries[0], _key: 'again'})
      return undefined
    },
    expected: () => marker('entries', 'error', 'only once'),
    valid: () => undefined,
  },
  {
    rule: 'updatedAt cannot precede publishedAt',
    id: 'listicle-top-smart-cities',
    field: 'updatedAt',
    invalid: (doc) => void (doc.updatedAt = '2018-01-01T00:00:00Z'),
    expected: () => marker('updatedAt', 'error', 'cannot be before'),
    valid: (doc) => void (doc.updatedAt = '2019-01-01T00:00:00Z'),
  },
  {
    rule: 'a highlight unit needs a number',
    id: 'city-tokyo',
    field: 'highlights',
    invalid: (doc) => {
      const [first] = doc.highlights as Array<Record<string, unknown>>
      first!.unit = '%'
      return `highlights[_key=="${String(first!._key)}"].unit`
    },
    expected: (path) => marker(path, 'error', 'A unit needs a number'),
    valid: (doc) => {
      const [first] = doc.highlights as Array<Record<string, unknown>>
      Object.assign(first!, {unit: '%', number: 90})
      return undefined
    },
  },
  {
    rule: 'each social platform once in the settings',
    id: 'siteSettings',
    field: 'socialProfiles',
    invalid: (doc) => {
      const profiles = doc.socialProfiles as Array<Record<string, unknown>>
      profiles.push({...profiles[0], _key: 'twice'})
      return undefined
    },
    expected: () => marker('socialProfiles', 'error', 'only once'),
    valid: () => undefined,
  },
  {
    rule: 'the subscribe link is a web address or a path',
    id: 'siteSettings',
    field: 'subscribe.url',
    invalid: (doc) =>
      void ((doc.subscribe as Record<string, unknown>).url = 'javascript:subscribe()'),
    expected: () => marker('subscribe.url', 'error'),
    valid: (doc) =>
      void ((doc.subscribe as Record<string, unknown>).url = 'https://example.com/newsletter'),
  },
  {
    rule: 'a city no ranked list uses gets a warning, not an error',
    id: 'city-boston',
    field: '',
    invalid: (_doc, all) => {
      const listicle = all.find((doc) => doc._id === 'listicle-top-smart-cities')!
      listicle.entries = (listicle.entries as Array<{city: {_ref: string}}>).filter(
        (entry) => entry.city._ref !== 'city-boston',
      )
      return undefined
    },
    expected: () => marker('', 'warning', 'No published ranked list includes this city'),
    valid: () => undefined,
  },
]

describe.each(cases)('rule: $rule', ({id, field, invalid, expected, valid}) => {
  test('an invalid document gets the marker', async () => {
    let path = ''
    const problems = await problemsFor(id, (doc, all) => {
      path = invalid(doc, all) ?? field
    })
    expect(problems).toContainEqual(expected(path))
  })

  test('a valid document gets none', async () => {
    let path = field
    const problems = await problemsFor(id, (doc, all) => {
      path = valid(doc, all) ?? field
    })
    expect(problems.filter((problem) => problem.field === path)).toEqual([])
  })
})
