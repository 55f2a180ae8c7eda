/**
 * `pnpm build` replaces the site only when the whole build succeeded: a failed
 * build exits non-zero and leaves the previous site byte for byte.
 */
import {existsSync} from 'node:fs'
import {readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'

import {beforeAll, describe, expect, test} from 'vitest'

import {fingerprint, newDistDir, runFailSafeBuild} from '../support/build-site'
import {readBundledDocuments, toNdjson, writeTempDataset} from '../support/dataset-files'

let dist: string
const build = (env: Record<string, string>) => runFailSafeBuild(dist, env)

beforeAll(async () => {
  dist = await newDistDir('failsafe-')
  const first = await build({})
  expect(first.code, first.output).toBe(0)
}, 180_000)

describe('a failed build never replaces the site', () => {
  test('a dataset that cannot be read: exit code 1, the message names file and line, dist unchanged', async () => {
    const before = await fingerprint(dist)
    expect(Object.keys(before).length).toBeGreaterThan(50)
    const lines = toNdjson(await readBundledDocuments()).split('\n')
    lines[2] = '{"_id": "half-written'
    const file = await writeTempDataset(lines.join('\n'))
    const result = await build({DATASET_FILE: file})
    expect(result.code).not.toBe(0)
    expect(result.output).toContain(`${file}:3: not valid JSON`)
    expect(result.output).toContain('was left as it was')
    expect(await fingerprint(dist)).toEqual(before)
    expect(existsSync(join(dist, '..', '.dist-staging'))).toBe(false)
  }, 180_000)

  test('a failure half-way through rendering (an image file missing) also leaves dist unchanged', async () => {
    const before = await fingerprint(dist)
    const docs = await readBundledDocuments()
    const renamed = docs.map((doc) =>
      doc._id === 'city-vienna' ? {...doc, name: 'Vienna, renamed'} : doc,
    )
    const file = await writeTempDataset(toNdjson(renamed))
    // The dataset is fine, but its images folder points nowhere: pages render, images fail.
    await rm(join(file, '..', 'images'))
    const result = await build({DATASET_FILE: file})
    expect(result.code).not.toBe(0)
    expect(result.output).toMatch(
      /Image asset "image-[0-9a-f]+-1600x900-png": its file .* cannot be read/,
    )
    expect(await fingerprint(dist)).toEqual(before)
  }, 180_000)

  test('a successful build does replace it', async () => {
    const docs = await readBundledDocuments()
    const renamed = docs.map((doc) =>
      doc._id === 'city-vienna' ? {...doc, name: 'Vienna, renamed'} : doc,
    )
    const result = await build({DATASET_FILE: await writeTempDataset(toNdjson(renamed))})
    expect(result.code, result.output).toBe(0)
    expect(await readFile(join(dist, 'cities', 'vienna', 'index.html'), 'utf8')).toContain(
      'Vienna, renamed',
    )
  }, 180_000)
})
