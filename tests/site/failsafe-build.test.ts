/**
 * `pnpm build` replaces the site only when the whole build succeeded: a failed
 * build exits non-zero and leaves the previous site byte for byte.
 */
import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {beforeAll, describe, expect, test} from 'vitest'

import {listFiles} from '../support/built-site'
import {readBundledDocuments, toNdjson, writeTempDataset} from '../support/dataset-files'
import {repoRoot} from '../support/paths'

const run = promisify(execFile)
const siteDir = join(repoRoot, 'site')
let dist: string

async function build(env: Record<string, string>) {
  return run(process.execPath, [join(siteDir, 'scripts', 'build.ts')], {
    cwd: siteDir,
    env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1', SITE_DIST_DIR: dist, ...env},
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({stdout, stderr}) => ({code: 0, output: stdout + stderr}),
    (error: {code: number; stdout: string; stderr: string}) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  )
}

/** Every file of a folder with its SHA-256, to compare byte for byte. */
async function fingerprint(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  for (const file of (await listFiles(root)).sort()) {
    result[file] = createHash('sha256')
      .update(await readFile(join(root, file)))
      .digest('hex')
  }
  return result
}

beforeAll(async () => {
  await mkdir(join(siteDir, '.test-builds'), {recursive: true})
  dist = join(await mkdtemp(join(siteDir, '.test-builds', 'failsafe-')), 'dist')
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
    await run('rm', [join(file, '..', 'images')])
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
