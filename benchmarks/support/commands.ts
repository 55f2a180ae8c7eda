/**
 * Where the benchmark works and the commands it times: our site's build, the
 * baseline's, the dataset generator and the content phase alone. bench.ts decides
 * when to run them (support/measure.ts runs them).
 */
import {rm} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import type {Command} from './measure.ts'
import type {ContentCost} from './results-report.ts'

export const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const siteDir = join(repoRoot, 'site')
export const baselineDir = join(repoRoot, 'benchmarks', 'baseline')
/** Generated datasets, profiles and build logs: ignored by git. */
export const workDir = join(repoRoot, 'benchmarks', 'runs', 'bench')
// Inside site/, like the test builds: Astro stages prerender chunks under the out dir.
const siteOutDir = join(siteDir, '.bench-builds', 'out')
const baselineOutDir = join(baselineDir, 'dist')

const astroBin = (dir: string) => join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs')

/** Our site's Astro build from a dataset file (what `pnpm build` runs before the index and the swap). */
export function buildOurs(
  datasetFile: string,
  extra: {env?: Record<string, string>; nodeArgs?: string[]} = {},
): Command {
  return {
    // The process that builds (pnpm build runs it, then swaps the folder in: two renames).
    args: [...(extra.nodeArgs ?? []), join(siteDir, 'scripts', 'astro-build.ts'), siteOutDir],
    cwd: siteDir,
    env: {DATASET_FILE: datasetFile, ...extra.env},
  }
}

/** The minimal Astro site with the same number of article pages. */
export function buildBaseline(articles: number): Command {
  return {
    args: [astroBin(baselineDir), 'build'],
    cwd: baselineDir,
    env: {BENCH_ARTICLES: String(articles), BASELINE_OUT_DIR: baselineOutDir},
  }
}

export async function clearOutputs() {
  await rm(siteOutDir, {recursive: true, force: true})
  await rm(baselineOutDir, {recursive: true, force: true})
}

export const generateCommand = (articles: number, file: string, seed: string): Command => ({
  args: [
    join(repoRoot, 'shared', 'scripts', 'generate-dataset.ts'),
    '--articles',
    String(articles),
    '--seed',
    seed,
    '--out',
    file,
  ],
  cwd: repoRoot,
  env: {},
})

export const datasetFileFor = (articles: number) =>
  join(workDir, `articles-${articles}`, 'dataset.ndjson')

/** Reading and querying the dataset alone, in a fresh process (support/content-cost.ts). */
export const contentCostCommand = (datasetFile: string): Command => ({
  args: [join(repoRoot, 'benchmarks', 'support', 'content-cost.ts'), datasetFile],
  cwd: repoRoot,
  env: {},
})

/** The figures content-cost.ts prints as its last line. */
export const contentCostOf = (output: string) =>
  JSON.parse(output.trim().split('\n').at(-1)!) as ContentCost
