/**
 * The committed schema.json and sanity.types.ts must be what TypeGen produces
 * from the current schema and queries. Regenerate with `pnpm typegen`.
 */
import {execFile} from 'node:child_process'
import {mkdir, readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {beforeAll, expect, test} from 'vitest'

import {repoRoot} from '../support/paths'

const run = promisify(execFile)
const studioDir = join(repoRoot, 'studio')
const generatedDir = join(repoRoot, 'shared', 'src', 'generated')
// Inside the repository so prettier finds the project's configuration, as `pnpm typegen` does.
const checkDir = join(studioDir, '.typegen-check')

beforeAll(async () => {
  await rm(checkDir, {recursive: true, force: true})
  await mkdir(checkDir, {recursive: true})
  const env = {
    ...process.env,
    SANITY_STUDIO_QUIET: '1',
    SANITY_TELEMETRY_DISABLED: '1',
    TYPEGEN_SCHEMA_FILE: '.typegen-check/schema.json',
    TYPEGEN_TYPES_FILE: '.typegen-check/sanity.types.ts',
  }
  const sanity = join(studioDir, 'node_modules', '.bin', 'sanity')
  // The CLI resolves --path against the studio folder, even when it is absolute.
  const extract = [
    'schema',
    'extract',
    '--path',
    '.typegen-check/schema.json',
    '--enforce-required-fields',
    '--force',
  ]
  await run(sanity, extract, {cwd: studioDir, env})
  await run(sanity, ['typegen', 'generate'], {cwd: studioDir, env})
}, 180_000)

// TypeGen notes each input's path relative to where it ran; only the content matters here.
const withoutSourcePaths = (text: string) => text.replace(/^\/\/ Source: .*$/gm, '// Source: …')

test.each(['schema.json', 'sanity.types.ts'])(
  'committed %s is up to date (run `pnpm typegen`)',
  async (name) => {
    const committed = withoutSourcePaths(await readFile(join(generatedDir, name), 'utf8'))
    const fresh = withoutSourcePaths(await readFile(join(checkDir, name), 'utf8'))
    expect(
      fresh === committed,
      `${name} differs from a fresh TypeGen run: run \`pnpm typegen\``,
    ).toBe(true)
  },
)
