/**
 * The search index as one, however many parts the build cut it into
 * (site/scripts/search-index-plan.ts). /pagefind/parts.json lists the parts,
 * newest first; each is searched by a Pagefind instance of its own, all in
 * the one worker the first starts (each part fetches its own copy of the
 * WebAssembly, about 60 kB). Results are merged here rather than by
 * Pagefind's mergeIndex, which orders by score alone: a date order is the
 * parts' own orders one after the other, since parts hold consecutive dates.
 */
import type {ResultData} from './search-result'

export interface SearchOptions {
  filters?: Record<string, {any: string[]}>
  sort?: {date: 'asc' | 'desc'}
}

export interface Found {
  results: Array<{score: number; data: () => Promise<ResultData>}>
  /** Per filter, the results each value would leave. */
  filters: Record<string, Record<string, number>>
}

/** The part of Pagefind's browser API used here (pagefind_web_js/types). */
interface PagefindInstance {
  /** Loads what a search for the term needs; for '', the instance's WebAssembly and metadata. */
  preload(term: string): Promise<void>
  /** Loads the filter index; searches report filter counts only after it. */
  filters(): Promise<unknown>
  search(term: string | null, options: SearchOptions): Promise<Found | null>
}
interface PagefindLibrary {
  createInstance(options: {basePath: string; excerptLength: number}): PagefindInstance
}

export interface SearchIndex {
  /** Loads every part's filter index, so that searches count results per filter value. */
  loadFilters(): Promise<void>
  /** null when Pagefind dropped the search for a newer one. */
  search(term: string | null, options: SearchOptions): Promise<Found | null>
}

const LIBRARY_URL = '/pagefind/pagefind.js'
const PARTS_URL = '/pagefind/parts.json'

async function readParts(): Promise<string[]> {
  // Revalidated each time: the list changes with every build that adds a part.
  const response = await fetch(PARTS_URL, {cache: 'no-cache'})
  if (!response.ok) throw new Error(`${PARTS_URL}: HTTP ${response.status}`)
  const {parts} = (await response.json()) as {parts?: unknown}
  const valid =
    Array.isArray(parts) &&
    parts.length > 0 &&
    parts.every((path) => typeof path === 'string' && path.startsWith('/pagefind/'))
  if (!valid) throw new Error(`${PARTS_URL} lists no index parts of this site`)
  return parts as string[]
}

function sumFilters(answers: Found[]): Found['filters'] {
  const sums: Found['filters'] = {}
  for (const answer of answers) {
    for (const [filter, counts] of Object.entries(answer.filters)) {
      const sum = (sums[filter] ??= {})
      for (const [value, count] of Object.entries(counts)) sum[value] = (sum[value] ?? 0) + count
    }
  }
  return sums
}

export async function openSearchIndex({excerptLength}: {excerptLength: number}) {
  const [library, paths] = await Promise.all([
    // Not bundled: the index and its library are written after Astro's build.
    import(/* @vite-ignore */ LIBRARY_URL) as Promise<PagefindLibrary>,
    readParts(),
  ])
  const open = (basePath: string) => library.createInstance({basePath, excerptLength})
  const [mainPath, ...otherPaths] = paths
  const main = open(mainPath!)
  // The worker's instances share one WebAssembly module, and two compiling it at
  // once corrupt each other's memory: the other parts start once the first has it.
  if (otherPaths.length > 0) await main.preload('')
  const parts = [main, ...otherPaths.map(open)]
  return {
    async loadFilters() {
      await Promise.all(parts.map((part) => part.filters()))
    },
    async search(term, options) {
      const answers = await Promise.all(parts.map((part) => part.search(term, options)))
      if (answers.some((answer) => answer === null)) return null
      const found = answers as Found[]
      const inOrder = options.sort?.date === 'asc' ? found.toReversed() : found
      const results = inOrder.flatMap((answer) => answer.results)
      // Best match: by score across parts (a stable sort keeps each part's order on ties).
      if (!options.sort) results.sort((a, b) => b.score - a.score)
      return {results, filters: sumFilters(found)}
    },
  } satisfies SearchIndex
}
