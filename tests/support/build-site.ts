import {execFile} from 'node:child_process'
import {createHash} from 'node:crypto'
import {mkdir, mkdtemp, readFile} from 'node:fs/promises'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {expect} from 'vitest'

import {listFiles} from './built-site'
import {repoRoot} from './paths'

const run = promisify(execFile)

export interface BuildResult {
  outDir: string
  ok: boolean
  output: string
}

const siteDir = join(repoRoot, 'site')
// Plain logs, so tests can read them: Astro's colour library turns colours on when CI is set.
const plainLogs = {ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1'}
// Inside the site folder: for an out dir elsewhere, Astro stages its prerender
// chunks in one shared site/.astro folder, and parallel builds would collide.
const buildsDir = join(siteDir, '.test-builds')

/** Runs the site's real build (`pnpm build`'s script) into a fresh folder, or into `outDir`. */
export async function buildSite(
  env: Record<string, string> = {},
  outDir?: string,
): Promise<BuildResult> {
  outDir ??= await newDistDir('build-')
  const {code, output} = await runFailSafeBuild(outDir, env)
  return {outDir, ok: code === 0, output}
}

/** Runs `pnpm build`'s script (stage, then swap) with its target folder set to `distDir`. */
export async function runFailSafeBuild(distDir: string, env: Record<string, string> = {}) {
  return run(process.execPath, [join(siteDir, 'scripts', 'build.ts')], {
    cwd: siteDir,
    env: {...process.env, ...plainLogs, SITE_DIST_DIR: distDir, ...env},
    maxBuffer: 64 * 1024 * 1024,
  }).then(
    ({stdout, stderr}) => ({code: 0, output: stdout + stderr}),
    (error: {code: number; stdout: string; stderr: string}) => ({
      code: error.code,
      output: error.stdout + error.stderr,
    }),
  )
}

/** A failed build that a user can fix says what to fix, and nothing a user cannot act on. */
export function expectNoStackTrace(output: string): void {
  expect(output).not.toContain('Stack trace')
  expect(output).not.toContain('Unable to load your Astro config')
  expect(output).not.toMatch(/^\s+at /m)
}

/** A fresh, empty target folder for runFailSafeBuild (inside site/, as the script needs). */
export async function newDistDir(prefix: string): Promise<string> {
  await mkdir(buildsDir, {recursive: true})
  return join(await mkdtemp(join(buildsDir, prefix)), 'dist')
}

/** Every file of a folder with its SHA-256, to compare two states byte for byte. */
export async function fingerprint(root: string): Promise<Record<string, string>> {
  const result: Record<string, string> = {}
  for (const file of (await listFiles(root)).sort()) {
    result[file] = createHash('sha256')
      .update(await readFile(join(root, file)))
      .digest('hex')
  }
  return result
}

/**
 * The path of every file Astro wrote afresh, and of every one it reused: with
 * SITE_BUILD_LOG=files the build log has a line "├─ /path" per file, ending in
 * "(restored)" or "(cached)" for one copied from the previous build.
 */
export function filesWritten(build: BuildResult): {rendered: string[]; reused: string[]} {
  const entries = [...build.output.matchAll(/├─ (\/\S+)( \((?:restored|cached)\))?$/gm)]
  return {
    rendered: entries.filter((entry) => !entry[2]).map((entry) => entry[1]!),
    reused: entries.filter((entry) => entry[2]).map((entry) => entry[1]!),
  }
}
