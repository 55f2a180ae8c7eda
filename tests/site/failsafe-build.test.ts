/**
 * `pnpm build` replaces the site only when the whole build succeeded: a failed
 * build exits non-zero and leaves the previous site byte for byte. Each fault
 * here strikes after Astro has started on its output folder (which it empties
 * first), so only the staging folder and the final swap keep the live site whole.
 */
import {existsSync} from 'node:fs'
import {cp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {beforeAll, describe, expect, test} from 'vitest'

import {expectNoStackTrace, fingerprint, newDistDir, runFailSafeBuild} from '../support/build-site'
import {readBundledDocuments, toNdjson, writeTempDataset} from '../support/dataset-files'
import {bundledImagesDir} from '../support/paths'

let dist: string
// As on a host, the public URL comes from the environment, so the build reads the
// content only once Astro is building (without it, the URL is read from the settings
// before Astro starts, and a bad dataset stops the build before anything is touched).
const build = (env: Record<string, string>) =>
  runFailSafeBuild(dist, {SITE_URL: 'https://smartcities.example', ...env})

beforeAll(async () => {
  dist = await newDistDir('failsafe-')
  const first = await build({})
  expect(first.code, first.output).toBe(0)
}, 180_000)

async function renamedVienna() {
  const docs = await readBundledDocuments()
  return docs.map((doc) => (doc._id === 'city-vienna' ? {...doc, name: 'Vienna, renamed'} : doc))
}

describe('a failed build never replaces the site', () => {
  test('a dataset that cannot be read: exit code 1, the message names file and line, dist unchanged', async () => {
    const before = await fingerprint(dist)
    expect(Object.keys(before).length).toBeGreaterThan(50)
    const lines = toNdjson(await renamedVienna()).split('\n')
    lines[2] = '{"_id": "half-written'
    const file = await writeTempDataset(lines.join('\n'))
    const result = await build({DATASET_FILE: file})
    expect(result.code).toBe(1)
    expect(result.output).toContain('[build] Building static entrypoints')
    expect(result.output).toContain(`${file}:3: not valid JSON`)
    expect(result.output).toContain('was left as it was')
    expectNoStackTrace(result.output)
    expect(await fingerprint(dist)).toEqual(before)
    expect(existsSync(join(dist, '..', '.dist-staging'))).toBe(false)
  }, 180_000)

  test('a failure half-way through rendering (an image file that is not an image) also leaves dist unchanged', async () => {
    const before = await fingerprint(dist)
    const file = await writeTempDataset(toNdjson(await renamedVienna()))
    // The dataset is sound, but one image file is garbage: pages render, that image cannot.
    const images = join(file, '..', 'images')
    await rm(images)
    await cp(bundledImagesDir, images, {recursive: true})
    const [broken] = (await readdir(images)).sort()
    await writeFile(join(images, broken!), 'not a PNG')
    const result = await build({DATASET_FILE: file})
    expect(result.code).toBe(1)
    expect(result.output).toContain(`${join(images, broken!)} is not an image sharp can read`)
    expectNoStackTrace(result.output)
    expect(await fingerprint(dist)).toEqual(before)
    expect(existsSync(join(dist, '..', '.dist-staging'))).toBe(false)
  }, 180_000)

  test('a search index that cannot be written (Pagefind fails) also leaves dist unchanged', async () => {
    const before = await fingerprint(dist)
    const file = await writeTempDataset(toNdjson(await renamedVienna()))
    // Pagefind's own override of its binary: one that exits at once, as a crash would.
    const result = await build({DATASET_FILE: file, PAGEFIND_BINARY_PATH: '/bin/false'})
    expect(result.code).toBe(1)
    expect(result.output).toContain('[build] Complete!')
    // (Pagefind logs its own closed pipe, with a stack, before our one-line message.)
    expect(result.output).toContain('Search index: Pagefind failed')
    expect(result.output).toContain('was left as it was')
    expect(await fingerprint(dist)).toEqual(before)
    expect(existsSync(join(dist, '..', '.dist-staging'))).toBe(false)
  }, 180_000)

  test('a Pagefind that reads its request and ends without answering also leaves dist unchanged', async () => {
    const before = await fingerprint(dist)
    const file = await writeTempDataset(toNdjson(await renamedVienna()))
    // Reads the first byte of the first request (so that the request is sent), then quits.
    const silentPagefind = join(file, '..', 'silent-pagefind')
    await writeFile(silentPagefind, '#!/bin/sh\nhead -c 1 > /dev/null\n', {mode: 0o755})
    const result = await build({DATASET_FILE: file, PAGEFIND_BINARY_PATH: silentPagefind})
    expect(result.code, result.output).toBe(1)
    expect(result.output).toContain(
      'Search index: Pagefind failed (its process ended without answering).',
    )
    expect(result.output).toContain('was left as it was')
    expectNoStackTrace(result.output)
    expect(await fingerprint(dist)).toEqual(before)
    expect(existsSync(join(dist, '..', '.dist-staging'))).toBe(false)
  }, 180_000)

  test('an Astro process out of memory: the message says so and how to allow more; dist unchanged', async () => {
    const before = await fingerprint(dist)
    // A heap far too small for the build: V8 aborts the process, as a site too large would.
    const result = await build({NODE_OPTIONS: '--max-old-space-size=40'})
    expect(result.code, result.output).toBe(1)
    expect(result.output).toContain('JavaScript heap out of memory')
    expect(result.output).toContain(
      "Astro's build process was aborted (SIGABRT), most often because its JavaScript heap was full",
    )
    expect(result.output).toContain(
      'Its heap may grow to 40 MB; NODE_OPTIONS=--max-old-space-size=<megabytes> allows more.',
    )
    expect(result.output).toContain('was left as it was')
    expect(await fingerprint(dist)).toEqual(before)
    expect(existsSync(join(dist, '..', '.dist-staging'))).toBe(false)
  }, 180_000)

  test('a successful build does replace it', async () => {
    const result = await build({
      DATASET_FILE: await writeTempDataset(toNdjson(await renamedVienna())),
    })
    expect(result.code, result.output).toBe(0)
    expect(await readFile(join(dist, 'cities', 'vienna', 'index.html'), 'utf8')).toContain(
      'Vienna, renamed',
    )
  }, 180_000)
})
