/**
 * Builds the preview server once per test run, for every test in tests/preview,
 * exactly as `pnpm preview:build` does, into a folder of its own.
 */
import {execFile} from 'node:child_process'
import {join} from 'node:path'
import {promisify} from 'node:util'

import type {TestProject} from 'vitest/node'

import {newDistDir} from './build-site'
import {repoRoot} from './paths'
import {cleanEnv} from './processes'

const run = promisify(execFile)

declare module 'vitest' {
  export interface ProvidedContext {
    /** The preview server's build (server/entry.mjs and client/). */
    previewBuild: string
    /** What the build printed. */
    previewBuildLog: string
  }
}

export async function setup(project: TestProject): Promise<void> {
  const outDir = await newDistDir('preview-')
  const siteDir = join(repoRoot, 'site')
  const astro = join(siteDir, 'node_modules', 'astro', 'bin', 'astro.mjs')
  const {stdout, stderr} = await run(
    process.execPath,
    [astro, 'build', '--config', 'astro.preview.config.ts', '--outDir', outDir],
    {cwd: siteDir, env: cleanEnv({}), maxBuffer: 64 * 1024 * 1024},
  ).catch((error: {stdout: string; stderr: string}) => {
    throw new Error(`Building the preview server failed:\n${error.stdout}${error.stderr}`)
  })
  project.provide('previewBuild', outDir)
  project.provide('previewBuildLog', stdout + stderr)
}
