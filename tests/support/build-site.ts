import {execFile} from 'node:child_process'
import {mkdir, mkdtemp} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {repoRoot} from './paths'

const run = promisify(execFile)

export interface BuildResult {
  outDir: string
  ok: boolean
  output: string
}

const siteDir = join(repoRoot, 'site')
// Inside the site folder: for an out dir elsewhere, Astro stages its prerender
// chunks in one shared site/.astro folder, and parallel builds would collide.
const buildsDir = join(siteDir, '.test-builds')

/** Runs the site's real build (`astro build`) into a fresh folder. */
export async function buildSite(env: Record<string, string> = {}): Promise<BuildResult> {
  await mkdir(buildsDir, {recursive: true})
  const outDir = await mkdtemp(join(buildsDir, 'build-'))
  try {
    const {stdout, stderr} = await run(join(siteDir, 'node_modules', '.bin', 'astro'), ['build'], {
      cwd: siteDir,
      env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...env, SITE_OUT_DIR: outDir},
      maxBuffer: 64 * 1024 * 1024,
    })
    return {outDir, ok: true, output: stdout + stderr}
  } catch (error) {
    const failed = error as {stdout?: string; stderr?: string}
    return {outDir, ok: false, output: `${failed.stdout ?? ''}${failed.stderr ?? ''}`}
  }
}
