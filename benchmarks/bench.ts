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
 * 6. Site search at each size: `pnpm build` with its Pagefind index (RUNS times), the
 *    index Pagefind would build from the HTML instead, and a first query in Chromium.
 * 7. At each size given with --articles (100,000 and more): our site alone, RUNS
 *    builds, and the content phase once; a failure is recorded, with where it
 *    stopped, rather than ending the benchmark.
 *
 * Options: --runs 3 --sizes 1000,10000 --seed 1 --articles 100000,250000; --rebuild-only
 * runs step 5 alone at the largest size and replaces only its section. Takes
 * about ten minutes on two cores without --articles. Not part of the test suite:
 * the figures depend on the machine.
 */
import {execFileSync} from 'node:child_process'
import {mkdir, readdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {loadavg} from 'node:os'
import {dirname, join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {parseArgs} from 'node:util'

import {summarizeCpuProfile, type ProfileSummary} from './support/cpu-profile.ts'
import {attempt, lastLines, timed, type Command} from './support/measure.ts'
import {rebuildCost} from './support/rebuild-cost.ts'
import {rebuildReport, replaceRebuildSection} from './support/rebuild-report.ts'
import {buildWithSearch, firstQuery, indexFromHtml, type RunFailure} from './support/search-cost.ts'
import {searchReport, type SearchResult} from './support/search-report.ts'
import {
  median,
  megabytes,
  resultsReport,
  seconds,
  type ContentCost,
  type SizeResult,
} from './support/results-report.ts'
import {scaleReport, type ScaleBuild, type ScaleResult} from './support/scale-report.ts'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const siteDir = join(repoRoot, 'site')
const baselineDir = join(repoRoot, 'benchmarks', 'baseline')
const workDir = join(repoRoot, 'benchmarks', 'runs', 'bench')
const resultsFile = join(repoRoot, 'benchmarks', 'RESULTS.md')
// Inside site/, like the test builds: Astro stages prerender chunks under the out dir.
const siteOutDir = join(siteDir, '.bench-builds', 'out')
const baselineOutDir = join(baselineDir, 'dist')

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

const astroBin = (dir: string) => join(dir, 'node_modules', 'astro', 'bin', 'astro.mjs')

function buildOurs(
  datasetFile: string,
  extra: {env?: Record<string, string>; nodeArgs?: string[]} = {},
) {
  return {
    // The process that builds (pnpm build runs it, then swaps the folder in: two renames).
    args: [...(extra.nodeArgs ?? []), join(siteDir, 'scripts', 'astro-build.ts'), siteOutDir],
    cwd: siteDir,
    env: {DATASET_FILE: datasetFile, ...extra.env},
  }
}

function buildBaseline(articles: number): Command {
  return {
    args: [astroBin(baselineDir), 'build'],
    cwd: baselineDir,
    env: {BENCH_ARTICLES: String(articles), BASELINE_OUT_DIR: baselineOutDir},
  }
}

async function clearOutputs() {
  await rm(siteOutDir, {recursive: true, force: true})
  await rm(baselineOutDir, {recursive: true, force: true})
}

const log = (message: string) => console.log(`[bench] ${message}`)

const generateCommand = (articles: number, file: string): Command => ({
  args: [
    join(repoRoot, 'shared', 'scripts', 'generate-dataset.ts'),
    '--articles',
    String(articles),
    '--seed',
    options.seed,
    '--out',
    file,
  ],
  cwd: repoRoot,
  env: {},
})

const datasetFileFor = (articles: number) => join(workDir, `articles-${articles}`, 'dataset.ndjson')

async function generateDataset(articles: number): Promise<string> {
  const file = datasetFileFor(articles)
  await timed(generateCommand(articles, file), `generating ${articles} articles`)
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

const contentCostCommand = (datasetFile: string): Command => ({
  args: [join(repoRoot, 'benchmarks', 'support', 'content-cost.ts'), datasetFile],
  cwd: repoRoot,
  env: {},
})
const contentCostOf = (output: string) =>
  JSON.parse(output.trim().split('\n').at(-1)!) as ContentCost

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

/** Our site alone at a size given with --articles: generated, built RUNS times, content timed once. */
async function atScale(articles: number): Promise<ScaleResult> {
  const file = datasetFileFor(articles)
  const generated = await attempt(generateCommand(articles, file))
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
  for (let round = 1; round <= RUNS; round++) {
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

/**
 * What a reader might search: a word in nearly every generated article (the worst
 * case: its index chunk lists every page), a city's name, and one story's title words.
 */
const SEARCH_TERMS = ['parking', 'City 7', 'Article 777']

async function searchCost(
  articles: number,
  datasetFile: string,
  withoutSearchMs: number,
): Promise<SearchResult> {
  // Inside site/, as the build script requires (SITE_DIST_DIR).
  const dist = join(siteDir, '.bench-builds', 'search-dist')
  const builds = []
  for (let round = 1; round <= RUNS; round++) {
    builds.push(await buildWithSearch(siteDir, datasetFile, dist))
    log(
      `${articles} articles, pnpm build with search, round ${round}: ${seconds(builds.at(-1)!.wallMs)}`,
    )
  }
  const html = await indexFromHtml(siteDir, dist, join(workDir, 'html-index'))
  const queries = []
  for (const term of SEARCH_TERMS) queries.push(await firstQuery(dist, term))
  await rm(dist, {recursive: true, force: true})
  return {articles, withoutSearchMs, builds, html, queries}
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
  search.push(await searchCost(result.articles, datasets.get(result.articles)!, withoutSearchMs))
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
  scale.push(await atScale(size))
  await writeResults(scale, SCALE.slice(scale.length))
}
console.log(`\n${await writeResults(scale, [])}`)
log(`wrote ${resultsFile}`)
