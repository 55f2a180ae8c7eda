/**
 * The "At scale" section of RESULTS.md: the whole `pnpm build` (pages, feeds,
 * sitemap, search index) at the sizes given with `pnpm bench --articles N`
 * (100,000 and more), against the same build at the largest size of the full
 * comparison, measured in the same run. A build that fails is a result too: the
 * section says where it stopped, with its time, memory and last lines.
 */
import {median, megabytes, seconds, type ContentCost} from './results-report.ts'

/** One process at scale: what it took, and why it stopped when it failed. */
export interface Attempt {
  wallMs: number
  /** NaN when the process died before it could record it. */
  peakBytes: number
  /** Astro's count of pages written (builds only). */
  pages?: number
  /** The exit and the last lines of output, when the process failed. */
  failure?: string
}

/** One `pnpm build` at scale; its peak is that of every process it started. */
export interface ScaleBuild extends Attempt {
  /** The search index, when the build got that far. */
  index?: {records: number; ms: number; bytes: number}
}

export interface ScaleResult {
  articles: number
  datasetBytes: number
  generated: Attempt
  builds: ScaleBuild[]
  /** Reading and querying the dataset without Astro, one run. */
  content: ContentCost | (Attempt & {failure: string})
}

/** What the issue asks at scale: T(N) / T(reference) ≤ N / reference + 1; peak RSS ≤ 5 GB. */
const PEAK_LIMIT = 5 * 1024 ** 3

const count = (value: number) => value.toLocaleString('en-US')
const peak = (bytes: number) => (Number.isNaN(bytes) ? 'not recorded' : megabytes(bytes))
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**')

function row(header: string[]): string {
  return `| ${header.join(' | ')} |`
}

export function scaleReport(
  scale: ScaleResult[],
  reference: {articles: number; wallMs: number},
): string {
  if (scale.length === 0) return ''
  const lines: string[] = [
    `## At scale: pnpm build alone`,
    '',
    `Sizes given with \`--articles\`: the whole \`pnpm build\` of our site (Astro, the search ` +
      `index, the swap), alone: the baseline, the profile, the rebuild and the search comparisons ` +
      `stay at the smaller sizes. Compared with the same build at ${count(reference.articles)} ` +
      `articles in the site search section above (median ${seconds(reference.wallMs)}). Peak RSS is ` +
      `that of all the build's processes together; reading and querying is one run of the content ` +
      `phase without Astro.`,
    '',
    row([
      'Articles',
      'Dataset',
      'Generated in',
      'Wall time',
      'Pages',
      'Search index',
      'Peak RSS',
      'Reading + querying',
    ]),
    row(Array(8).fill('---')),
  ]
  const targets: string[][] = []
  const failures: string[] = []
  for (const result of scale) {
    const built = result.builds.filter((build) => !build.failure)
    const wall = built.length ? median(built.map((build) => build.wallMs)) : NaN
    const highest = result.builds.length
      ? Math.max(...result.builds.map((build) => build.peakBytes))
      : NaN
    const content =
      'failure' in result.content
        ? 'failed'
        : `${seconds(result.content.readMs)} + ${seconds(result.content.queryMs)}`
    lines.push(
      row([
        count(result.articles),
        megabytes(result.datasetBytes),
        `${seconds(result.generated.wallMs)}, peak ${peak(result.generated.peakBytes)}`,
        built.length === result.builds.length
          ? result.builds.map((build) => seconds(build.wallMs)).join(', ')
          : `${built.length} of ${result.builds.length} succeeded`,
        String(built[0]?.pages ?? '–'),
        built[0]?.index
          ? `${count(built[0].index.records)} records, ${megabytes(built[0].index.bytes)}, ` +
            `${seconds(median(built.map((build) => build.index?.ms ?? NaN)))}`
          : '–',
        peak(highest),
        content,
      ]),
    )
    const allowed = result.articles / reference.articles + 1
    const growth = wall / reference.wallMs
    targets.push(
      [
        `T(${count(result.articles)}) / T(${count(reference.articles)}) ≤ ${allowed}`,
        Number.isNaN(growth) ? 'no build succeeded' : growth.toFixed(2),
        verdict(growth <= allowed),
      ],
      [
        `peak RSS at ${count(result.articles)} ≤ 5 GB`,
        peak(highest),
        verdict(highest <= PEAK_LIMIT && built.length === result.builds.length),
      ],
    )
    const stops: Array<[string, Attempt]> = [
      ['generating the dataset', result.generated],
      ...result.builds.map((build, index): [string, Attempt] => [`build ${index + 1}`, build]),
      // Without a dataset, nothing else ran: the generator's failure says it all.
      ...('failure' in result.content && !result.generated.failure
        ? [['reading + querying', result.content] as [string, Attempt]]
        : []),
    ]
    for (const [what, stopped] of stops) {
      if (!stopped.failure) continue
      failures.push(
        `- ${count(result.articles)} articles, ${what}: stopped after ${seconds(stopped.wallMs)}, ` +
          `peak ${peak(stopped.peakBytes)}:\n\n  \`\`\`\n${stopped.failure.replace(/^/gm, '  ')}\n  \`\`\``,
      )
    }
  }
  lines.push('', row(['Target', 'Measured', 'Result']), row(Array(3).fill('---')))
  lines.push(...targets.map(row))
  if (failures.length) lines.push('', '### Where it stopped', '', ...failures)
  return `${lines.join('\n')}\n`
}
