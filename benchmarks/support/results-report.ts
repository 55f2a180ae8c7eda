/**
 * benchmarks/RESULTS.md from the figures bench.ts measured: the wall-time table,
 * the targets met or missed, the CPU profile, and where the remaining cost is
 * (the rebuild after an edit has its own section, rebuild-report.ts).
 */
import {cpus, totalmem, type as osType, release} from 'node:os'

import type {ProfileSummary} from './cpu-profile.ts'

export interface Run {
  wallMs: number
  pages: number
  peakBytes: number
}

export interface SizeResult {
  articles: number
  ours: Run[]
  baseline: Run[]
}

/** Reading the dataset file and running the five queries, without Astro (median of runs). */
export interface ContentCost {
  readMs: number
  queryMs: number
  totalMs: number
}

export const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
export const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`

/** A Markdown table, as every section of RESULTS.md writes them. */
export function table(header: string[], rows: string[][]): string {
  return [
    `| ${header.join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.join(' | ')} |`),
  ].join('\n')
}

export function resultsReport(input: {
  runs: number
  seed: string
  commit: string
  versions: {astro: string; groqJs: string; sharp: string}
  results: SizeResult[]
  content: ContentCost
  cpu: ProfileSummary
  benchmarkMs: number
}): string {
  const {results, content, cpu} = input
  const sizes = results.map((result) => result.articles)
  const smallest = Math.min(...sizes)
  const largest = Math.max(...sizes)

  const summary = results.map((result) => {
    const ours = median(result.ours.map((run) => run.wallMs))
    const baseline = median(result.baseline.map((run) => run.wallMs))
    const oursPages = result.ours[0]!.pages
    const baselinePages = result.baseline[0]!.pages
    return {
      ...result,
      oursMs: ours,
      baselineMs: baseline,
      oursPerPage: ours / oursPages,
      baselinePerPage: baseline / baselinePages,
      oursPeak: Math.max(...result.ours.map((run) => run.peakBytes)),
      baselinePeak: Math.max(...result.baseline.map((run) => run.peakBytes)),
    }
  })
  const big = summary.find((row) => row.articles === largest)!
  const small = summary.find((row) => row.articles === smallest)!
  const wallRatio = big.oursMs / big.baselineMs
  const perPageRatio = big.oursPerPage / big.baselinePerPage
  const growth = big.oursMs / small.oursMs
  const contentShare = content.totalMs / big.oursMs
  const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')

  const range = (runs: Run[], pick: (run: Run) => number, format: (value: number) => string) => {
    const values = runs.map(pick)
    return `${format(median(values))} (${format(Math.min(...values))}–${format(Math.max(...values))})`
  }

  /** For each target missed, where the cost is and what would remove it (README.md explains more). */
  function remainingCost(): string {
    const notes: string[] = []
    if (wallRatio > 1.2) {
      notes.push(
        `- **Wall time ${wallRatio.toFixed(2)} × the baseline.** Our site writes ${big.ours[0]!.pages} files ` +
          `from ${largest.toLocaleString('en-US')} articles, the baseline ${big.baseline[0]!.pages}: city pages, ` +
          `paged Latest and category listings, feeds and image variants are work the baseline does not do ` +
          `(per page the ratio is ${perPageRatio.toFixed(2)}). The rest is the content phase below, which ` +
          `runs before Astro renders anything. Removing it would mean fewer pages, not faster ones.`,
      )
    }
    if (contentShare > 0.1) {
      notes.push(
        `- **Reading and querying: ${seconds(content.totalMs)}, ${(contentShare * 100).toFixed(1)} % of the build.** ` +
          `Reading (${seconds(content.readMs)}) is decoding and JSON-parsing a ` +
          `${largest.toLocaleString('en-US')}-article NDJSON file once, plus the integrity checks that let a bad ` +
          `file stop the build (\`shared/src/dataset\`: each document walked for depth, references, text and ` +
          `publishability). Querying (${seconds(content.queryMs)}) is groq-js evaluating the articles query's ` +
          `projections (dereferenced category, author, images, cities; the body's image assets) for every ` +
          `article: the five queries run once per build, not per page. What would remove it: with a Sanity ` +
          `project, the Content Lake evaluates the same queries on Sanity's servers and the build only parses ` +
          `the answers; for dataset files, folding the four integrity walks into one (about 0.4 s) and a faster ` +
          `GROQ evaluator. The profile above shows no other content-layer function among the top costs.`,
      )
    }
    return notes.length ? `## Where the remaining cost is\n\n${notes.join('\n')}\n` : ''
  }

  const report = `# Build benchmark

Recorded by \`pnpm bench\` (benchmarks/bench.ts); do not edit by hand.

- Date: ${new Date().toISOString().slice(0, 10)}, commit ${input.commit}
- Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, ${megabytes(totalmem())} RAM, ${osType()} ${release()}
- Node ${process.version}; Astro ${input.versions.astro}; groq-js ${input.versions.groqJs}; sharp ${input.versions.sharp}
- ${input.runs} alternating runs of each build after one warm-up build of each; median (min–max)
- Generated datasets (\`pnpm dataset:generate --articles N --seed ${input.seed}\`): N articles of about 600 words, N/10 cities, 20 categories
- Baseline: benchmarks/baseline, Astro rendering N article pages from an inline content-layer loader with pre-rendered HTML. Our site renders more pages from the same N articles (city pages, paginated Latest and category pages, feeds, images), so both the wall-time ratio and the per-page ratio are given.

## Wall time, pages and peak memory

${table(
  ['Articles', 'Build', 'Wall time', 'Pages', 'ms per page', 'Peak RSS'],
  summary.flatMap((row) => [
    [
      row.articles.toLocaleString('en-US'),
      'our site',
      range(row.ours, (run) => run.wallMs, seconds),
      String(row.ours[0]!.pages),
      row.oursPerPage.toFixed(2),
      range(row.ours, (run) => run.peakBytes, megabytes),
    ],
    [
      row.articles.toLocaleString('en-US'),
      'baseline',
      range(row.baseline, (run) => run.wallMs, seconds),
      String(row.baseline[0]!.pages),
      row.baselinePerPage.toFixed(2),
      range(row.baseline, (run) => run.peakBytes, megabytes),
    ],
  ]),
)}

## Targets at ${largest.toLocaleString('en-US')} articles

${table(
  ['Target', 'Measured', 'Result'],
  [
    [
      'ours / baseline ≤ 1.2 (wall time)',
      `${wallRatio.toFixed(2)} (${seconds(big.oursMs)} / ${seconds(big.baselineMs)})`,
      verdict(wallRatio <= 1.2),
    ],
    [
      'ours / baseline ≤ 1.2 (per page)',
      `${perPageRatio.toFixed(2)} (${big.oursPerPage.toFixed(2)} / ${big.baselinePerPage.toFixed(2)} ms)`,
      verdict(perPageRatio <= 1.2),
    ],
    [
      `T(${largest.toLocaleString('en-US')}) / T(${smallest.toLocaleString('en-US')}) ≤ ${largest / smallest + 1}`,
      growth.toFixed(2),
      verdict(growth <= largest / smallest + 1),
    ],
    ['peak RSS ≤ 2 GB', megabytes(big.oursPeak), verdict(big.oursPeak <= 2 * 1024 ** 3)],
    [
      'reading + querying the dataset ≤ 10 % of the build',
      `${(contentShare * 100).toFixed(1)} % (read and parse ${content.readMs.toFixed(0)} ms, five queries ${content.queryMs.toFixed(0)} ms)`,
      verdict(contentShare <= 0.1),
    ],
  ],
)}

## CPU profile of one build at ${largest.toLocaleString('en-US')} articles

\`node --cpu-prof\`, ${seconds(cpu.totalMs)} sampled; "(idle)" is the main thread waiting, mostly for file writes.

${table(
  ['Self time by package or folder', 'ms', 'share'],
  cpu.buckets.map((bucket) => [
    bucket.name,
    bucket.ms.toFixed(0),
    `${((bucket.ms / cpu.totalMs) * 100).toFixed(1)} %`,
  ]),
)}

${table(
  ['Most expensive functions (self time)', 'ms'],
  cpu.functions.map((fn) => [`\`${fn.name.replaceAll('|', '\\|')}\``, fn.ms.toFixed(0)]),
)}

${remainingCost()}
Benchmark wall time: ${seconds(input.benchmarkMs)}.
`
  return report
}
