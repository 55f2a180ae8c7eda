/**
 * `pnpm bench`: how long our site takes to build at scale, next to Astro's own
 * best case, and what the time goes on. Writes benchmarks/RESULTS.md.
 *
 * 1. Generates datasets of 1,000 and 10,000 articles (`pnpm dataset:generate`).
 * 2. Builds our site from each, alternating with the baseline in
 *    benchmarks/baseline (the same number of article pages from an inline
 *    content-layer loader with pre-rendered HTML), RUNS times each, after one
 *    untimed warm-up build of each. Wall time, pages and peak memory per run.
 * 3. Times reading and querying the dataset alone, in a fresh process.
 * 4. Profiles one build at the largest size (`node --cpu-prof`).
 * 5. The rebuild after an edit (support/rebuild-cost.ts): the whole `pnpm build` as a
 *    full build, a first incremental build and incremental rebuilds after no change,
 *    a title edit and a category rename, next to the baseline's incremental rebuild.
 * 6. Site search at each size (support/search-cost.ts): `pnpm build` with its Pagefind
 *    index (RUNS times), the index Pagefind would build from the HTML instead, and
 *    first queries in Chromium.
 * 7. At each size given with --articles (100,000 and more; support/scale-cost.ts): our
 *    site alone, RUNS builds, and the content phase once; a failure is recorded, with
 *    where it stopped, rather than ending the benchmark.
 *
 * The commands it times are in support/commands.ts.
 *
 * Options: --runs 3 --sizes 1000,10000 --seed 1 --articles 100000,250000; --rebuild-only
 * runs step 5 alone at the largest size and replaces only its section. With --runs 1
 * and no --articles, about fifteen minutes on two idle cores. Not part of the test
 * suite: the figures depend on the machine.
 */
import {execFileSync} from 'node:child_process'
import {mkdir, readdir, readFile, rm, writeFile} from 'node:fs/promises'
import {loadavg} from 'node:os'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {parseArgs} from 'node:util'

import {
  baselineDir,
  buildBaseline,
  buildOurs,
  clearOutputs,
  contentCostCommand,
  contentCostOf,
  datasetFileFor,
  generateCommand,
  repoRoot,
  siteDir,
  workDir,
} from './support/commands.ts'
import {summarizeCpuProfile, type ProfileSummary} from './support/cpu-profile.ts'
import {timed} from './support/measure.ts'
import {rebuildCost} from './support/rebuild-cost.ts'
import {rebuildReport, replaceRebuildSection} from './support/rebuild-report.ts'
import {searchCost} from './support/search-cost.ts'
import {searchReport, type SearchResult} from './support/search-report.ts'
import {
  median,
  megabytes,
  resultsReport,
  seconds,
  type ContentCost,
  type SizeResult,
} from './support/results-report.ts'
import {atScale} from './support/scale-cost.ts'
import {scaleReport, type ScaleResult} from './support/scale-report.ts'

const resultsFile = join(repoRoot, 'benchmarks', 'RESULTS.md')

const {values: options} = parseArgs({
  options: {
    runs: {type: 'string', default: '3'},
    sizes: {type: 'string', default: '1000,10000'},
    seed: {type: 'string', default: '1'},
    articles: {type: 'string', default: ''},
    'rebuild-only': {type: 'boolean', default: false},
  },
})
const RUNS = Number(options.runs)
const SIZES = options.sizes.split(',').map(Number)
const counts = (list: string) => (list ? list.split(',').map(Number) : [])
/** Sizes for our site alone (--articles): those of the full comparison are left out. */
const SCALE = counts(options.articles).filter((size) => !SIZES.includes(size))
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error('--runs must be a positive whole number')
if (SIZES.some((size) => !Number.isInteger(size) || size < 1))
  throw new Error('--sizes must be a comma-separated list of article counts')
if (counts(options.articles).some((size) => !Number.isInteger(size) || size < 1))
  throw new Error('--articles must be an article count, or a comma-separated list of them')

const log = (message: string) => console.log(`[bench] ${message}`)

async function generateDataset(articles: number): Promise<string> {
  const file = datasetFileFor(articles)
  await timed(generateCommand(articles, file, options.seed), `generating ${articles} articles`)
  return file
}

async function compare(articles: number, datasetFile: string): Promise<SizeResult> {
  const result: SizeResult = {articles, ours: [], baseline: []}
  for (let round = 1; round <= RUNS; round++) {
    // Alternate which goes first, so drift in machine load hits both alike.
    const order = round % 2 ? (['ours', 'baseline'] as const) : (['baseline', 'ours'] as const)
    for (const which of order) {
      await clearOutputs()
      const run =
        which === 'ours'
          ? await timed(buildOurs(datasetFile), `our site at ${articles}`)
          : await timed(buildBaseline(articles), `the baseline at ${articles}`)
      result[which].push({wallMs: run.wallMs, pages: run.pages, peakBytes: run.peakBytes})
      log(
        `${articles} articles, round ${round}, ${which}: ${seconds(run.wallMs)}, ` +
          `${run.pages} pages, peak ${megabytes(run.peakBytes)}`,
      )
    }
  }
  await clearOutputs()
  return result
}

async function contentCost(datasetFile: string): Promise<ContentCost> {
  const samples: ContentCost[] = []
  for (let run = 0; run < RUNS; run++) {
    const {output} = await timed(contentCostCommand(datasetFile), 'timing the content phase')
    samples.push(contentCostOf(output))
  }
  return {
    readMs: median(samples.map((sample) => sample.readMs)),
    queryMs: median(samples.map((sample) => sample.queryMs)),
    totalMs: median(samples.map((sample) => sample.totalMs)),
  }
}

async function profile(datasetFile: string): Promise<ProfileSummary> {
  const profileDir = join(workDir, 'cpu-profile')
  await rm(profileDir, {recursive: true, force: true})
  await clearOutputs()
  await timed(
    buildOurs(datasetFile, {nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${profileDir}`]}),
    'the profiled build',
  )
  await clearOutputs()
  const [file] = (await readdir(profileDir)).filter((name) => name.endsWith('.cpuprofile'))
  if (!file) throw new Error(`No .cpuprofile was written to ${profileDir}`)
  return summarizeCpuProfile(join(profileDir, file), repoRoot)
}

async function versionOf(packageDir: string): Promise<string> {
  const manifest = JSON.parse(await readFile(join(packageDir, 'package.json'), 'utf8')) as {
    version: string
  }
  return manifest.version
}

/** Asked of git itself: in a worktree, .git is a file, not a folder. */
function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short=7', 'HEAD'], {
      cwd: repoRoot,
      encoding: 'utf8',
    }).trim()
  } catch {
    return 'unknown'
  }
}

/** The rebuild steps at the largest size, and their RESULTS.md section. */
async function rebuildSection(articles: number, datasetFile: string): Promise<string> {
  const before = loadavg()
  const result = await rebuildCost({
    articles,
    datasetFile,
    runs: RUNS,
    siteDir,
    baselineDir,
    workDir: join(workDir, 'rebuild'),
    log,
  })
  return rebuildReport(result, {before, after: loadavg()})
}

// ---------------------------------------------------------------------------

const started = performance.now()
await mkdir(workDir, {recursive: true})
const smallest = Math.min(...SIZES)
const largest = Math.max(...SIZES)

if (options['rebuild-only']) {
  // Only the rebuild steps, at the largest size: RESULTS.md keeps its other sections.
  const section = await rebuildSection(largest, await generateDataset(largest))
  const previous = await readFile(resultsFile, 'utf8').catch(() => '')
  await writeFile(resultsFile, replaceRebuildSection(previous, section))
  console.log(`\n${section}`)
  log(`rebuild section of ${resultsFile} written in ${seconds(performance.now() - started)}`)
  process.exit(0)
}

log(
  `sizes ${SIZES.join(', ')}${SCALE.length ? `, our site alone at ${SCALE.join(', ')}` : ''}; ` +
    `${RUNS} runs of each build`,
)

const datasets = new Map<number, string>()
for (const size of SIZES) {
  datasets.set(size, await generateDataset(size))
  log(`generated ${size} articles`)
}

// One untimed build of each first: the OS file cache then holds both projects.
await clearOutputs()
await timed(buildOurs(datasets.get(smallest)!), 'the warm-up build')
await timed(buildBaseline(smallest), 'the baseline warm-up build')
log('warm-up done')

const results: SizeResult[] = []
for (const size of SIZES) results.push(await compare(size, datasets.get(size)!))

const content = await contentCost(datasets.get(largest)!)
log(`content phase at ${largest}: ${content.totalMs.toFixed(0)} ms`)
const cpu = await profile(datasets.get(largest)!)
log('profile written')
const rebuilds = await rebuildSection(largest, datasets.get(largest)!)

const search: SearchResult[] = []
for (const result of results) {
  const withoutSearchMs = median(result.ours.map((run) => run.wallMs))
  search.push(
    await searchCost({
      articles: result.articles,
      datasetFile: datasets.get(result.articles)!,
      withoutSearchMs,
      runs: RUNS,
      log,
    }),
  )
}

const [astroVersion, groqVersion, sharpVersion] = await Promise.all([
  versionOf(join(siteDir, 'node_modules', 'astro')),
  versionOf(join(repoRoot, 'shared', 'node_modules', 'groq-js')),
  versionOf(join(siteDir, 'node_modules', 'sharp')),
])
const referenceSearch = search.find((result) => result.articles === largest)!

/** Writes RESULTS.md with what is measured so far: a long run stopped at scale keeps the rest. */
async function writeResults(scale: ScaleResult[], pending: number[]) {
  const report = resultsReport({
    runs: RUNS,
    seed: options.seed,
    commit: gitCommit(),
    versions: {astro: astroVersion, groqJs: groqVersion, sharp: sharpVersion},
    results,
    content,
    cpu,
    benchmarkMs: performance.now() - started,
  })
  const atScaleReport = scaleReport(scale, {
    articles: largest,
    wallMs: median(referenceSearch.builds.map((build) => build.wallMs)),
  })
  const stillRunning = pending.length
    ? `Still to measure when this was written: ${pending.join(', ')} articles.`
    : ''
  const fullReport = [report, rebuilds, searchReport(search), atScaleReport, stillRunning]
    .map((section) => section.trim())
    .filter(Boolean)
    .join('\n\n')
    .concat('\n')
  await writeFile(resultsFile, fullReport)
  return fullReport
}

const scale: ScaleResult[] = []
await writeResults(scale, SCALE)
for (const size of SCALE) {
  scale.push(await atScale({articles: size, seed: options.seed, runs: RUNS, log}))
  await writeResults(scale, SCALE.slice(scale.length))
}
console.log(`\n${await writeResults(scale, [])}`)
log(`wrote ${resultsFile}`)
