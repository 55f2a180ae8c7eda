/**
 * A size given with `pnpm bench --articles N` (100,000 and more): our site alone,
 * generated, built with the whole `pnpm build`, and its content phase timed; a
 * failure is recorded with where it stopped instead of ending the benchmark.
 */
import {rm, stat} from 'node:fs/promises'
import {join} from 'node:path'

import {
  clearOutputs,
  contentCostCommand,
  contentCostOf,
  datasetFileFor,
  generateCommand,
  siteDir,
} from './commands.ts'
import {attempt, lastLines} from './measure.ts'
import {megabytes, seconds} from './results-report.ts'
import type {ScaleBuild, ScaleResult} from './scale-report.ts'
import {buildWithSearch, type RunFailure} from './search-cost.ts'

/** Our site alone at a size given with --articles: generated, built `runs` times, content timed once. */
export async function atScale(step: {
  articles: number
  seed: string
  runs: number
  log: (message: string) => void
}): Promise<ScaleResult> {
  const {articles, log} = step
  const file = datasetFileFor(articles)
  const generated = await attempt(generateCommand(articles, file, step.seed))
  log(
    `generated ${articles} articles: ${seconds(generated.wallMs)}, peak ${megabytes(generated.peakBytes)}`,
  )
  if (generated.failure) {
    return {
      articles,
      datasetBytes: NaN,
      generated,
      builds: [],
      content: {...generated, failure: 'not run: no dataset'},
    }
  }
  // The whole `pnpm build`, search index included, as a host runs it.
  const dist = join(siteDir, '.bench-builds', 'scale-dist')
  const builds: ScaleBuild[] = []
  for (let round = 1; round <= step.runs; round++) {
    await clearOutputs()
    const build = await buildWithSearch(siteDir, file, dist).then(
      ({wallMs, treePeakBytes, pages, records, indexMs, indexBytes}): ScaleBuild => ({
        wallMs,
        peakBytes: treePeakBytes,
        pages,
        index: {records, ms: indexMs, bytes: indexBytes},
      }),
      (error: Partial<RunFailure>): ScaleBuild => ({
        wallMs: error.wallMs ?? NaN,
        peakBytes: error.treePeakBytes ?? NaN,
        failure: lastLines(error.output ?? String(error)),
      }),
    )
    // A site of 100,000 articles is gigabytes: kept no longer than its figures.
    await rm(dist, {recursive: true, force: true})
    builds.push(build)
    log(
      `${articles} articles, pnpm build, round ${round}: ${build.failure ? 'FAILED, ' : ''}` +
        `${seconds(build.wallMs)}, ${build.pages} pages, peak ${megabytes(build.peakBytes)}`,
    )
  }
  await clearOutputs()
  const timing = await attempt(contentCostCommand(file))
  const content = timing.failure
    ? {...timing, failure: timing.failure}
    : contentCostOf(timing.output)
  return {articles, datasetBytes: (await stat(file)).size, generated, builds, content}
}
