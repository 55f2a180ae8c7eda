/**
 * What `pnpm build` prints when it cannot use its dataset, as a user reads it:
 * every problem of the file at once (file:line, document, field), what to do
 * about them, and nothing a user cannot act on: no stack trace, no Astro config
 * banner.
 */
import {rm} from 'node:fs/promises'
import {join} from 'node:path'

import {describe, expect, test} from 'vitest'

import {expectNoStackTrace, newDistDir, runFailSafeBuild} from '../support/build-site'
import {readBundledDocuments, toNdjson, writeTempDataset} from '../support/dataset-files'

async function failedBuild(datasetFile: string) {
  const result = await runFailSafeBuild(await newDistDir('errors-'), {DATASET_FILE: datasetFile})
  expect(result.code, result.output).toBe(1)
  expectNoStackTrace(result.output)
  expect(result.output).toContain('The build failed;')
  return result.output
}

describe('a build that cannot use its dataset prints only the problem list', () => {
  test('a malformed line: its line, and what its absence breaks', async () => {
    const documents = await readBundledDocuments()
    const lines = toNdjson(documents).split('\n')
    const index = documents.findIndex((doc) => doc._id === 'category-energy')
    lines[index] = '{"_id": "category-energy", "_type": "category",'
    const file = await writeTempDataset(lines.join('\n'))
    const output = await failedBuild(file)
    expect(output).toContain('The dataset has ')
    expect(output).toContain(`${file}:${index + 1}: not valid JSON`)
    // Every document that references the lost category is named too, in the same run.
    const referrers = documents.filter(
      (doc) => doc._id !== 'category-energy' && JSON.stringify(doc).includes('"category-energy"'),
    )
    expect(referrers.length).toBeGreaterThan(0)
    for (const doc of referrers) {
      const line = documents.indexOf(doc) + 1
      expect(output).toContain(
        `${file}:${line}, document "${doc._id}", field "${fieldReferencing(doc, 'category-energy')}": references "category-energy", which is not in the dataset`,
      )
    }
    expect(output).toContain(`pnpm dataset:check ${file}`)
  }, 120_000)

  test('a dangling reference and missing settings fields: all of them in one run', async () => {
    const documents = (await readBundledDocuments()).map((doc) => {
      if (doc._id === 'article-when-client-engagement-becomes-true-partnership')
        return {...doc, category: {_type: 'reference', _ref: 'category-nope'}}
      if (doc._id === 'siteSettings') {
        const {tagline: _tagline, siteUrl: _siteUrl, ...rest} = doc
        return rest
      }
      return doc
    })
    const file = await writeTempDataset(toNdjson(documents))
    const lineOf = (id: string) => documents.findIndex((doc) => doc._id === id) + 1
    const output = await failedBuild(file)
    expect(output).toContain('The dataset has 3 problems:')
    expect(output).toContain(
      `${file}:${lineOf('siteSettings')}, document "siteSettings", field "tagline": required, but missing`,
    )
    expect(output).toContain(
      `${file}:${lineOf('siteSettings')}, document "siteSettings", field "siteUrl": required, but missing`,
    )
    expect(output).toContain(
      `${file}:${lineOf('article-when-client-engagement-becomes-true-partnership')}, document "article-when-client-engagement-becomes-true-partnership", field "category": references "category-nope", which is not in the dataset`,
    )
  }, 120_000)

  test('a dataset without its images/ folder is named once, before any page renders', async () => {
    const file = await writeTempDataset(toNdjson(await readBundledDocuments()))
    await rm(join(file, '..', 'images'))
    const output = await failedBuild(file)
    expect(output).toContain('The dataset has 1 problem:')
    expect(output).toContain(
      `${file}: there is no images/ folder beside it; a dataset keeps its image files there`,
    )
    expect(output).not.toContain('Caught error rendering')
  }, 120_000)

  test('a missing file is named plainly', async () => {
    const output = await failedBuild('/nonexistent/folder/production.ndjson')
    expect(output).toContain('/nonexistent/folder/production.ndjson: no such file')
    expect(output).toContain('The dataset has 1 problem:')
  }, 120_000)
})

/** The path of the field of `doc` that holds a reference to `id` (top-level or in a keyed list). */
function fieldReferencing(doc: Record<string, unknown>, id: string): string {
  for (const [field, value] of Object.entries(doc)) {
    if (!JSON.stringify(value)?.includes(`"${id}"`)) continue
    if (!Array.isArray(value)) return field
    const item = value.find((entry) => JSON.stringify(entry).includes(`"${id}"`)) as {
      _key?: string
    }
    return `${field}[_key=="${item._key}"]`
  }
  throw new Error(`${doc._id} does not reference ${id}`)
}
