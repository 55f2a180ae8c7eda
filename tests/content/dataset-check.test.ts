/**
 * `pnpm dataset:check <file>`: the build's rules plus Sanity's validation, for any
 * NDJSON of ours, from the command line.
 */
import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {describe, expect, test} from 'vitest'

import {readBundledDocuments, toNdjson, writeTempDataset} from '../support/dataset-files'
import {repoRoot} from '../support/paths'

const run = promisify(execFile)

async function datasetCheck(file?: string) {
  const studioDir = join(repoRoot, 'studio')
  const args = ['exec', '../shared/scripts/dataset-check.ts', '--', ...(file ? [file] : [])]
  return run(join(studioDir, 'node_modules', '.bin', 'sanity'), args, {
    cwd: studioDir,
    env: {...process.env, SANITY_TELEMETRY_DISABLED: '1', INIT_CWD: repoRoot},
  }).then(
    ({stdout, stderr}) => ({code: 0, output: stdout + stderr}),
    (error: {code: number; stdout: string; stderr: string}) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  )
}

describe('pnpm dataset:check', () => {
  test('passes the bundled dataset (the default)', async () => {
    const result = await datasetCheck()
    expect(result.output).toContain('45 documents (2 drafts or versions) read.')
    expect(result.output).toContain('0 errors, 0 warnings.')
    expect(result.code).toBe(0)
  }, 120_000)

  test('fails a dataset that breaks an editor rule, naming file, line, document and field', async () => {
    const docs = await readBundledDocuments()
    const bad = docs.map((doc) =>
      doc._id === 'city-paris' ? {...doc, slug: {_type: 'slug', current: 'Paris!'}} : doc,
    )
    const file = await writeTempDataset(toNdjson(bad))
    const line = bad.findIndex((doc) => doc._id === 'city-paris') + 1
    const result = await datasetCheck(file)
    // The build's wording (what happens to the page) and the studio's, in one line.
    expect(result.output).toContain(
      `error: ${file}:${line}, document "city-paris", field "slug.current": "Paris!" is not a URL slug`,
    )
    expect(result.output).toContain('(the studio says: Use lower-case letters')
    expect(result.output.match(/city-paris/g)).toHaveLength(1)
    expect(result.output).toContain('1 error, 0 warnings.')
    expect(result.code).not.toBe(0)
  }, 120_000)

  test('fails a dataset the build would refuse', async () => {
    const file = await writeTempDataset(
      '{"_id": "a", "_type": "category"}\n{"_id": "a", "_type": "category"}\n',
    )
    const result = await datasetCheck(file)
    expect(result.output).toContain(
      `${file}:2, document "a", field "_id": duplicate _id: already used on line 1`,
    )
    expect(result.code).not.toBe(0)
  }, 120_000)
})
