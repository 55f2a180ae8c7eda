/**
 * The studio as its CLI sees it, offline: it builds, with the Presentation tool
 * showing the preview server the environment names, and a studio for a real
 * project refuses to build without one. (Schema validation runs in milliseconds
 * in tests/content/schema.test.ts, through the same Sanity code.)
 */
import {execFile} from 'node:child_process'
import {mkdtemp, readdir, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {PREVIEW_ENABLE_PATH} from '@smart-cities/shared/routes'
import {describe, expect, test} from 'vitest'

import {repoRoot} from '../support/paths'

const run = promisify(execFile)
const studioDir = join(repoRoot, 'studio')
const sanity = join(studioDir, 'node_modules', '.bin', 'sanity')
const env = {...process.env, SANITY_TELEMETRY_DISABLED: '1', CI: 'true'}
const PREVIEW_URL = 'https://preview.smartcities.example'

describe('the Sanity CLI, offline', () => {
  test('`sanity build` produces the studio: index.html plus assets', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'smart-cities-studio-'))
    await run(sanity, ['build', outDir, '--yes'], {
      cwd: studioDir,
      env: {...env, SANITY_STUDIO_PREVIEW_URL: PREVIEW_URL},
      maxBuffer: 32 * 1024 * 1024,
    })
    const html = await readFile(join(outDir, 'index.html'), 'utf8')
    expect(html).toContain('<div id="sanity">')
    const assets = await readdir(join(outDir, 'static'), {recursive: true})
    expect(assets.some((file) => String(file).endsWith('.js'))).toBe(true)
    // Auto updates are off: the studio runs its own bundle; no import map pulls `sanity` from Sanity's CDN.
    expect(html).toMatch(/<script src="\/static\/sanity-[\w-]+\.js"/)
    expect(html).not.toContain('importmap')
    // The Presentation tool is in the bundle, pointed at the preview server the environment named.
    const bundle = (
      await Promise.all(
        assets
          .filter((file) => String(file).endsWith('.js'))
          .map((file) => readFile(join(outDir, 'static', String(file)), 'utf8')),
      )
    ).join('\n')
    expect(bundle.includes(PREVIEW_URL), `the bundle names ${PREVIEW_URL}`).toBe(true)
    expect(bundle.includes(PREVIEW_ENABLE_PATH), `the bundle names ${PREVIEW_ENABLE_PATH}`).toBe(
      true,
    )
  }, 300_000)

  test('`sanity build` for a real project without SANITY_STUDIO_PREVIEW_URL stops, saying what to set', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'smart-cities-studio-'))
    const failure = await run(sanity, ['build', outDir, '--yes'], {
      cwd: studioDir,
      env: {...env, SANITY_STUDIO_PROJECT_ID: 'abc123xy', SANITY_STUDIO_PREVIEW_URL: ''},
    }).then(
      () => undefined,
      (error: {stdout: string; stderr: string}) => error.stdout + error.stderr,
    )
    expect(failure).toContain('SANITY_STUDIO_PREVIEW_URL is not set')
    expect(failure).toContain('Preview drafts in the studio')
    expect(await readdir(outDir)).toEqual([])
  }, 120_000)
})
