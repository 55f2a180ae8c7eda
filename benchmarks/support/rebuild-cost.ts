/**
 * What an editor waits for after pressing Publish, for `pnpm bench`: the whole
 * `pnpm build` (Astro, the search index, the swap into place), with SITE_URL set
 * as the deploy workflow sets it, as a full build,
 * as a first incremental build (empty cache), and as incremental rebuilds after
 * no change, one title edit and one category rename; and Astro's own floor for
 * the same steps, the baseline site (benchmarks/baseline) with incremental
 * builds on. Every build logs each file it writes (SITE_BUILD_LOG=files, and the
 * baseline's default log), so files rendered and reused are counted, not guessed.
 */
import {createReadStream, createWriteStream} from 'node:fs'
import {mkdir, rm, symlink} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {createInterface} from 'node:readline'
import {Readable} from 'node:stream'
import {pipeline} from 'node:stream/promises'

import {timed, type Command} from './measure.ts'
import {median} from './results-report.ts'

export interface RebuildStep {
  step: string
  /** Median of the runs. */
  wallMs: number
  /** Pagefind's share of `wallMs` (our site only): "Search index: … in Ns." */
  indexMs?: number
  /** Files Astro wrote: pages, feeds, images, search record shards. */
  files: number
  /** Of those, copied from the previous build ("(restored)" or "(cached)" in the log). */
  reused: number
}

export interface RebuildResult {
  articles: number
  runs: number
  ours: RebuildStep[]
  baseline: RebuildStep[]
}

interface Edit {
  /** A cheap test of the raw line, before it is parsed. */
  matches: (line: string) => boolean
  change: (document: Record<string, unknown>) => string
}

const published = (type: string) => (line: string) =>
  line.includes(`"_type":"${type}"`) && !line.includes('"_id":"drafts.')

/** An editor corrects one article's headline: its page, its listings and feeds change. */
const TITLE_EDIT: Edit = {
  matches: published('article'),
  change: (article) => (article.title = `${String(article.title)} (corrected)`),
}

/** An editor renames a section: every page that names it changes, a twentieth of the articles. */
const CATEGORY_RENAME: Edit = {
  matches: published('category'),
  change: (category) => (category.title = `${String(category.title)} and Beyond`),
}

/**
 * A copy of the dataset with the first document an edit matches changed (images
 * shared by a link), written line by line: a dataset may be larger than a string can be.
 */
export async function editDataset(from: string, to: string, edit: Edit): Promise<string> {
  await rm(dirname(to), {recursive: true, force: true})
  await mkdir(dirname(to), {recursive: true})
  await symlink(join(dirname(from), 'images'), join(dirname(to), 'images'))
  let done = false
  async function* edited() {
    for await (const line of createInterface({input: createReadStream(from)})) {
      if (done || !edit.matches(line)) {
        yield `${line}\n`
        continue
      }
      const document = JSON.parse(line) as Record<string, unknown>
      edit.change(document)
      done = true
      yield `${JSON.stringify(document)}\n`
    }
  }
  await pipeline(Readable.from(edited()), createWriteStream(to))
  if (!done) throw new Error(`${from} holds no document to edit`)
  return to
}

/** Files written and files reused, from a log that lists every file ("├─ /path"). */
function countFiles(output: string): {files: number; reused: number} {
  return {
    files: (output.match(/├─ \//g) ?? []).length,
    reused: (output.match(/\((?:restored|cached)\)$/gm) ?? []).length,
  }
}

const indexSeconds = (output: string) =>
  Number(/Search index: .* in ([\d.]+)s\./.exec(output)?.[1] ?? NaN) * 1000

interface Step {
  step: string
  command: Command
  /** Runs before the step's build: clears what the step must not find. */
  before?: () => Promise<void>
}

/** Runs the steps in order, `runs` times over, and keeps each step's median. */
async function runSteps(
  steps: Step[],
  runs: number,
  log: (message: string) => void,
): Promise<RebuildStep[]> {
  const samples = steps.map(() => [] as Array<RebuildStep & {indexMs: number}>)
  for (let round = 1; round <= runs; round++) {
    for (const [index, {step, command, before}] of steps.entries()) {
      await before?.()
      const run = await timed(command, step)
      const sample = {
        step,
        wallMs: run.wallMs,
        indexMs: indexSeconds(run.output),
        ...countFiles(run.output),
      }
      samples[index]!.push(sample)
      log(
        `${step}, round ${round}: ${(run.wallMs / 1000).toFixed(1)} s, ${sample.files} files, ${sample.reused} reused`,
      )
    }
  }
  return samples.map((runsOfStep) => ({
    step: runsOfStep[0]!.step,
    wallMs: median(runsOfStep.map((run) => run.wallMs)),
    indexMs: median(runsOfStep.map((run) => run.indexMs)),
    files: runsOfStep.at(-1)!.files,
    reused: runsOfStep.at(-1)!.reused,
  }))
}

export async function rebuildCost(options: {
  articles: number
  datasetFile: string
  runs: number
  siteDir: string
  baselineDir: string
  workDir: string
  log: (message: string) => void
}): Promise<RebuildResult> {
  const {siteDir, baselineDir, workDir, articles, runs, log} = options
  const titleEdited = await editDataset(
    options.datasetFile,
    join(workDir, 'title-edit', 'dataset.ndjson'),
    TITLE_EDIT,
  )
  // From the edited title on: the rename is then the only change since the build before it.
  const categoryRenamed = await editDataset(
    titleEdited,
    join(workDir, 'category-rename', 'dataset.ndjson'),
    CATEGORY_RENAME,
  )

  // Inside site/, as pnpm build requires; the same folder each time, as on a host.
  const dist = join(siteDir, '.bench-builds', 'rebuild-dist')
  const cache = join(siteDir, '.bench-builds', 'rebuild-cache')
  const ours = (datasetFile: string, incremental: boolean): Command => ({
    args: [join(siteDir, 'scripts', 'build.ts')],
    cwd: siteDir,
    env: {
      DATASET_FILE: datasetFile,
      // As the deploy workflow builds: the host's address given, so nothing reads the content early.
      SITE_URL: 'https://smartcities.example',
      SITE_DIST_DIR: dist,
      SITE_BUILD_LOG: 'files',
      SITE_CACHE_DIR: cache,
      SITE_INCREMENTAL_BUILD: String(incremental),
    },
  })
  const baselineCache = join(workDir, 'baseline-cache')
  const baseline = (incremental: boolean, edited: boolean): Command => ({
    args: [join(baselineDir, 'node_modules', 'astro', 'bin', 'astro.mjs'), 'build'],
    cwd: baselineDir,
    env: {
      BENCH_ARTICLES: String(articles),
      BASELINE_OUT_DIR: join(workDir, 'baseline-dist'),
      BASELINE_CACHE_DIR: baselineCache,
      BASELINE_INCREMENTAL: String(incremental),
      BASELINE_EDIT: String(edited),
    },
  })
  const clear =
    (...dirs: string[]) =>
    async () => {
      for (const dir of dirs) await rm(dir, {recursive: true, force: true})
    }

  const oursResult = await runSteps(
    [
      {step: 'full build', command: ours(options.datasetFile, false), before: clear(dist, cache)},
      // An empty cache for both first builds: neither finds Astro's fonts or anything else there.
      {
        step: 'first incremental build (empty cache)',
        command: ours(options.datasetFile, true),
        before: clear(cache),
      },
      {step: 'rebuild, nothing changed', command: ours(options.datasetFile, true)},
      {step: 'rebuild after one title edit', command: ours(titleEdited, true)},
      {step: 'rebuild after a category rename', command: ours(categoryRenamed, true)},
    ],
    runs,
    (message) => log(`our site at ${articles}: ${message}`),
  )
  const baselineResult = await runSteps(
    [
      {step: 'full build', command: baseline(false, false), before: clear(baselineCache)},
      {
        step: 'first incremental build (empty cache)',
        command: baseline(true, false),
        before: clear(baselineCache),
      },
      {step: 'rebuild after one title edit', command: baseline(true, true)},
    ],
    runs,
    (message) => log(`baseline at ${articles}: ${message}`),
  )
  await clear(dist, cache, baselineCache, join(workDir, 'baseline-dist'))()
  return {articles, runs, ours: oursResult, baseline: baselineResult}
}
