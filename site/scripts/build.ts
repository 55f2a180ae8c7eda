/**
 * `pnpm build`: builds the site into a staging folder (scripts/astro-build.ts)
 * and replaces site/dist only when the whole build succeeded. A failed build exits
 * non-zero and leaves the previous site/dist exactly as it was: a host never
 * publishes a partial site.
 *
 * The staging folder sits beside dist (same file system, so the swap is two
 * renames) and inside site/ (Astro stages prerender chunks under the out dir).
 */
import {spawn} from 'node:child_process'
import {existsSync} from 'node:fs'
import {rename, rm} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

import {readEnvironment} from '@smart-cities/shared/environment'
import {isReportable} from '@smart-cities/shared/reportable-error'

import {astroHeapArguments, astroHeapLimit} from './astro-heap.ts'
import {writeSearchIndex} from './search-index.ts'

const siteDir = join(dirname(fileURLToPath(import.meta.url)), '..')

let dist: string
let searchPartSize: number | undefined
try {
  const {site} = readEnvironment()
  dist = site.distDir ?? join(siteDir, 'dist')
  searchPartSize = site.searchPartSize
} catch (error) {
  console.error(isReportable(error) ? error.message : error)
  process.exit(1)
}
const staging = join(dirname(dist), '.dist-staging')
const previous = join(dirname(dist), '.dist-previous')

/** Astro's limit on its heap, which holds all of the content (astro-heap.ts). */
const heapArguments = astroHeapArguments()

/**
 * Runs the build in a process of its own, so that a failure stops every page still
 * rendering. Resolves with its exit code, after saying why when a signal ended it.
 */
function astroBuild(): Promise<number> {
  return new Promise((resolve, reject) => {
    const script = join(siteDir, 'scripts', 'astro-build.ts')
    const child = spawn(process.execPath, [...heapArguments, script, staging], {
      cwd: siteDir,
      stdio: 'inherit',
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => {
      if (signal) console.error(`\n${stoppedBySignal(signal)}`)
      resolve(code ?? (signal ? 1 : 0))
    })
  })
}

/** What a newcomer needs when Astro's process was stopped from outside its code. */
function stoppedBySignal(signal: NodeJS.Signals): string {
  const raise = `Its heap may grow to ${astroHeapLimit(heapArguments)} MB; NODE_OPTIONS=--max-old-space-size=<megabytes> allows more.`
  if (signal === 'SIGABRT')
    return `Astro's build process was aborted (${signal}), most often because its JavaScript heap was full (Node says "heap out of memory" above if so). ${raise}`
  if (signal === 'SIGKILL')
    return `Astro's build process was killed (${signal}), most often by the system when the machine or container ran out of memory: build where more memory is free.`
  return `Astro's build process was stopped by ${signal}.`
}

async function fail(code: number): Promise<never> {
  await rm(staging, {recursive: true, force: true})
  console.error(`\nThe build failed; ${dist} was left as it was.`)
  process.exit(code)
}

await rm(staging, {recursive: true, force: true})
const code = await astroBuild()
if (code !== 0 || !existsSync(join(staging, 'index.html'))) await fail(code || 1)

// Site search is part of the site: no index, no new site.
try {
  const started = performance.now()
  const index = await writeSearchIndex(staging, searchPartSize)
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const megabytes = (index.bytes / 1e6).toFixed(1)
  const parts = index.parts === 1 ? '' : ` in ${index.parts} parts`
  console.log(
    `Search index: ${index.records} pages${parts}, ${index.files} files, ${megabytes} MB in ${seconds}s.`,
  )
} catch (error) {
  console.error(
    `\n${isReportable(error) ? error.message : error instanceof Error ? error.stack : error}`,
  )
  await fail(1)
}
await rm(previous, {recursive: true, force: true})
if (existsSync(dist)) await rename(dist, previous)
await rename(staging, dist)
await rm(previous, {recursive: true, force: true})
console.log(`${dist} replaced with the new build.`)
