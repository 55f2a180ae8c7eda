import {execFile} from 'node:child_process'
import {mkdtemp} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {repoRoot} from './paths'

const run = promisify(execFile)

export interface BuildResult {
  outDir: string
  ok: boolean
  output: string
}

/** Runs the site's real build (`astro build`) into a fresh temporary folder. */
export async function buildSite(env: Record<string, string> = {}): Promise<BuildResult> {
  const outDir = await mkdtemp(join(tmpdir(), 'smart-cities-site-'))
  const siteDir = join(repoRoot, 'site')
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
