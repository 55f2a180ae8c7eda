/**
 * The "Site search" section of benchmarks/RESULTS.md: what the Pagefind index adds
 * to `pnpm build`, the whole build's peak memory, the index on disk, the HTML way of
 * indexing for comparison, and the bytes of a first query, with the search issue's
 * targets at the largest size.
 */
import type {FirstQuery, HtmlIndex, SearchBuild} from './search-cost.ts'
import {table} from './results-report.ts'

export interface SearchResult {
  articles: number
  /** The Astro build alone (the "our site" row of the wall-time table), median. */
  withoutSearchMs: number
  builds: SearchBuild[]
  html: HtmlIndex
  queries: FirstQuery[]
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2
}
const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
// As the rest of RESULTS.md: MB of 1,048,576 bytes; kB of 1,000, as the 300 kB target.
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
const kb = (bytes: number) => `${(bytes / 1e3).toFixed(1)} kB`
const count = (n: number) => n.toLocaleString('en-US')
const percent = (share: number) => `${(share * 100).toFixed(1)} %`

export function searchReport(results: SearchResult[]): string {
  const rows = results.map((result) => {
    const index = median(result.builds.map((build) => build.indexMs))
    return {
      result,
      index,
      wall: median(result.builds.map((build) => build.wallMs)),
      peak: Math.max(...result.builds.map((build) => build.treePeakBytes)),
      share: index / result.withoutSearchMs,
      first: result.builds[0]!,
    }
  })
  const largest = rows.at(-1)!
  const worstQuery = Math.max(
    ...largest.result.queries.map((query) => query.pagefindBytes + query.scriptBytes),
  )
  const target = (met: boolean) => (met ? 'met' : '**missed**')

  return [
    '## Site search (Pagefind)',
    '',
    'The index is built inside `pnpm build` from custom records (site/scripts/search-index.ts). ' +
      '"pnpm build" is site/scripts/build.ts: the Astro build, the index, the swap; its peak ' +
      'memory is the sum over every process of the build (Node, the Astro child, Pagefind), ' +
      'sampled every 50 ms (support/tree-memory.ts). Index time and size are what the build ' +
      'prints; "From HTML" is Pagefind reading every searchable page back from disk (its ' +
      '`<main>`, as `data-pagefind-body` would mark it) in a process of its own.',
    '',
    table(
      [
        'Articles',
        'Build without search',
        '`pnpm build` with search',
        'Index time',
        'Index / build',
        'Peak memory (all processes)',
        'Records',
        'Index on disk',
        'From HTML: time, peak, size',
      ],
      rows.map(({result, index, wall, peak, share, first}) => [
        count(result.articles),
        seconds(result.withoutSearchMs),
        seconds(wall),
        seconds(index),
        percent(share),
        mb(peak),
        count(first.records),
        `${mb(first.indexBytes)} (${count(first.indexFiles)} files)`,
        `${seconds(result.html.wallMs)}, ${mb(result.html.treePeakBytes)}, ${mb(result.html.indexBytes)} (${count(result.html.pages)} pages)`,
      ]),
    ),
    '',
    'A first query in Chromium, fresh profile, gzipped as hosts serve it: the search page’s ' +
      'module and everything under /pagefind/ it fetched (library, WebAssembly, metadata, ' +
      'filters, index chunks, the first ten results’ fragments); thumbnails apart.',
    '',
    table(
      ['Articles', 'Query', 'Results shown', 'Requests', 'Search bytes', 'Thumbnails'],
      rows.flatMap(({result}) =>
        result.queries.map((query) => [
          count(result.articles),
          `“${query.term}”`,
          String(query.results),
          String(query.requests),
          kb(query.pagefindBytes + query.scriptBytes),
          kb(query.imageBytes),
        ]),
      ),
    ),
    '',
    `Targets at ${count(largest.result.articles)} articles:`,
    '',
    table(
      ['Target', 'Measured', 'Result'],
      [
        [
          'indexing adds ≤ 25 % to the build',
          percent(largest.share),
          target(largest.share <= 0.25),
        ],
        [
          'peak memory of the whole build < 2 GB',
          mb(largest.peak),
          target(largest.peak < 2 * 1024 ** 3),
        ],
        [
          'a first query downloads ≤ 300 kB (the largest above)',
          kb(worstQuery),
          target(worstQuery <= 300_000),
        ],
      ],
    ),
    '',
  ].join('\n')
}
