/**
 * The studio as its CLI sees it, offline: it builds. (Schema validation runs in
 * milliseconds in tests/content/schema.test.ts, through the same Sanity code.)
 */
import {execFile} from 'node:child_process'
import {mkdtemp, readdir, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {describe, expect, test} from 'vitest'

import {repoRoot} from '../support/paths'

const run = promisify(execFile)
const studioDir = join(repoRoot, 'studio')
const sanity = join(studioDir, 'node_modules', '.bin', 'sanity')
const env = {...process.env, SANITY_TELEMETRY_DISABLED: '1', CI: 'true'}

describe('the Sanity CLI, offline', () => {
  test('`sanity build` produces the studio: index.html plus assets', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'smart-cities-studio-'))
    await run(sanity, ['build', outDir, '--yes'], {
      cwd: studioDir,
      env,
      maxBuffer: 32 * 1024 * 1024,
    })
    const html = await readFile(join(outDir, 'index.html'), 'utf8')
    expect(html).toContain('<div id="sanity">')
    const assets = await readdir(join(outDir, 'static'), {recursive: true})
    expect(assets.some((file) => String(file).endsWith('.js'))).toBe(true)
    // Auto updates are off: the studio runs its own bundle; no import map pulls `sanity` from Sanity's CDN.
    expect(html).toMatch(/<script src="\/static\/sanity-[\w-]+\.js"/)
    expect(html).not.toContain('importmap')
  }, 300_000)
})
