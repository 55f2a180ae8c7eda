/**
 * What site search costs, for `pnpm bench`: the whole `pnpm build` (Astro, then the
 * Pagefind index, then the swap) with the peak memory of every process it starts;
 * the index Pagefind would build from the HTML instead (the pages' <main>, read
 * back from disk), to compare the two ways; and the bytes a browser downloads for
 * a first query, counted in Chromium.
 */
import {spawn} from 'node:child_process'
import {readdir, rm, stat} from 'node:fs/promises'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'

import {launchChromium} from '../../tests/support/browser.ts'
import {startStaticServer} from '../../tests/support/static-server.ts'
import {siteDir, workDir} from './commands.ts'
import {seconds} from './results-report.ts'
import type {SearchResult} from './search-report.ts'
import {sampleTreeMemory} from './tree-memory.ts'

export interface SearchBuild {
  wallMs: number
  /** Every process of the build together: Node, the Astro child, Pagefind's binary. */
  treePeakBytes: number
  /** Astro's count of pages written. */
  pages: number
  records: number
  indexMs: number
  indexBytes: number
  indexFiles: number
}

export interface HtmlIndex {
  pages: number
  wallMs: number
  treePeakBytes: number
  indexBytes: number
}

export interface FirstQuery {
  term: string
  results: number
  /** Pagefind's library, WebAssembly, metadata, filters, index chunks and fragments. */
  pagefindBytes: number
  /** The search page's own module. */
  scriptBytes: number
  requests: number
  /** The results' thumbnails, counted apart: images, not search. */
  imageBytes: number
}

/** A command that failed: its error says how, and keeps what was measured until then. */
export interface RunFailure extends Error {
  wallMs: number
  treePeakBytes: number
  output: string
}

/** Runs a command, sampling the memory of its whole process tree; rejects on failure. */
function run(
  args: string[],
  options: {cwd: string; env: Record<string, string>},
): Promise<{wallMs: number; treePeakBytes: number; output: string}> {
  const start = performance.now()
  const child = spawn(process.execPath, args, {
    cwd: options.cwd,
    env: {...process.env, ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1', ...options.env},
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const memory = sampleTreeMemory(child.pid!)
  let output = ''
  child.stdout.on('data', (chunk: Buffer) => (output += chunk))
  child.stderr.on('data', (chunk: Buffer) => (output += chunk))
  return new Promise((resolve, reject) => {
    child.on('error', reject)
    child.on('exit', (code) => {
      void memory.stop().then((treePeakBytes) => {
        const wallMs = performance.now() - start
        if (code === 0) return resolve({wallMs, treePeakBytes, output})
        const message = `${args.join(' ')} failed (exit ${code}):\n${output}`
        reject(Object.assign(new Error(message), {wallMs, treePeakBytes, output}))
      })
    })
  })
}

async function folderBytes(dir: string): Promise<{files: number; bytes: number}> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  const files = entries.filter((entry) => entry.isFile())
  const sizes = await Promise.all(files.map((file) => stat(join(file.parentPath, file.name))))
  return {files: files.length, bytes: sizes.reduce((sum, {size}) => sum + size, 0)}
}

/** `pnpm build` (site/scripts/build.ts) into distDir, which must be inside site/. */
export async function buildWithSearch(
  siteDir: string,
  datasetFile: string,
  distDir: string,
): Promise<SearchBuild> {
  await rm(distDir, {recursive: true, force: true})
  const build = await run([join(siteDir, 'scripts', 'build.ts')], {
    cwd: siteDir,
    env: {DATASET_FILE: datasetFile, SITE_DIST_DIR: distDir},
  })
  // "Search index: 10034 pages, 5120 files, 61.2 MB in 9.8s." (a large one: "… pages in 6 parts, …")
  const line =
    /Search index: (\d+) pages(?: in \d+ parts)?, \d+ files, [\d.]+ MB in ([\d.]+)s\./.exec(
      build.output,
    )
  if (!line) throw new Error(`The build printed no search index line:\n${build.output}`)
  const index = await folderBytes(join(distDir, 'pagefind'))
  return {
    wallMs: build.wallMs,
    treePeakBytes: build.treePeakBytes,
    pages: Number(/(\d+) page\(s\) built/.exec(build.output)?.[1] ?? NaN),
    records: Number(line[1]),
    indexMs: Number(line[2]) * 1000,
    indexBytes: index.bytes,
    indexFiles: index.files,
  }
}

/** The other way: Pagefind reading every searchable page's HTML back (its <main> only). */
export async function indexFromHtml(
  siteDir: string,
  distDir: string,
  outDir: string,
): Promise<HtmlIndex> {
  await rm(outDir, {recursive: true, force: true})
  const script = `
    import * as pagefind from 'pagefind'
    const {index} = await pagefind.createIndex({rootSelector: 'main', forceLanguage: 'en'})
    const {page_count, errors} = await index.addDirectory({
      path: ${JSON.stringify(distDir)},
      glob: '{index.html,articles/*/index.html,cities/*/index.html,lists/*/index.html,categories/*/index.html}',
    })
    if (errors.length) throw new Error(errors.join('\\n'))
    await index.writeFiles({outputPath: ${JSON.stringify(outDir)}})
    await pagefind.close()
    console.log(page_count)
  `
  const result = await run(['--input-type=module', '--eval', script], {cwd: siteDir, env: {}})
  return {
    pages: Number(result.output.trim().split('\n').at(-1)),
    wallMs: result.wallMs,
    treePeakBytes: result.treePeakBytes,
    indexBytes: (await folderBytes(outDir)).bytes,
  }
}

/** Opens /search/?q=term in Chromium on a fresh profile and counts what the search fetched. */
export async function firstQuery(distDir: string, term: string): Promise<FirstQuery> {
  const [browser, server] = await Promise.all([launchChromium(), startStaticServer(distDir)])
  try {
    const page = await browser.newPage()
    const requests: Array<{path: string; bytes: Promise<number>}> = []
    page.on('requestfinished', (request) => {
      const path = new URL(request.url()).pathname
      // The encoded body: what crossed the wire (gzipped where the server gzips).
      requests.push({path, bytes: request.sizes().then((sizes) => sizes.responseBodySize)})
    })
    await page.goto(`${server.url}/search/?q=${encodeURIComponent(term)}`)
    await page.waitForFunction(() =>
      /^\d[\d,]* results?\b/.test(
        document.querySelector('[data-search-status]')?.textContent ?? '',
      ),
    )
    await page.waitForLoadState('networkidle')
    const results = await page.locator('.result-link').count()
    const sized = await Promise.all(requests.map(async (r) => ({...r, bytes: await r.bytes})))
    const sum = (match: (path: string) => boolean) =>
      sized.filter((r) => match(r.path)).reduce((total, r) => total + r.bytes, 0)
    const pagefind = (path: string) => path.startsWith('/pagefind/')
    const script = (path: string) => path.startsWith('/_astro/') && path.endsWith('.js')
    return {
      term,
      results,
      pagefindBytes: sum(pagefind),
      scriptBytes: sum(script),
      requests: sized.filter((r) => pagefind(r.path) || script(r.path)).length,
      imageBytes: sum((path) => path.startsWith('/images/')),
    }
  } finally {
    await Promise.all([browser.close(), server.close()])
  }
}

/**
 * What a reader might search: a word in nearly every generated article (the worst
 * case: its index chunk lists every page), a city's name, and one story's title words.
 */
const SEARCH_TERMS = ['parking', 'City 7', 'Article 777']

/** Site search at one size: `pnpm build` `runs` times, the index from HTML, first queries. */
export async function searchCost(step: {
  articles: number
  datasetFile: string
  /** The median build without search at this size, to compare with. */
  withoutSearchMs: number
  runs: number
  log: (message: string) => void
}): Promise<SearchResult> {
  // Inside site/, as the build script requires (SITE_DIST_DIR).
  const dist = join(siteDir, '.bench-builds', 'search-dist')
  const builds = []
  for (let round = 1; round <= step.runs; round++) {
    builds.push(await buildWithSearch(siteDir, step.datasetFile, dist))
    const wall = seconds(builds.at(-1)!.wallMs)
    step.log(`${step.articles} articles, pnpm build with search, round ${round}: ${wall}`)
  }
  const html = await indexFromHtml(siteDir, dist, join(workDir, 'html-index'))
  const queries = []
  for (const term of SEARCH_TERMS) queries.push(await firstQuery(dist, term))
  await rm(dist, {recursive: true, force: true})
  return {articles: step.articles, withoutSearchMs: step.withoutSearchMs, builds, html, queries}
}
