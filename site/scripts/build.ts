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

/** Runs the build in a process of its own, so that a failure stops every page still rendering. */
function astroBuild(): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(siteDir, 'scripts', 'astro-build.ts'), staging], {
      cwd: siteDir,
      stdio: 'inherit',
    })
    child.on('error', reject)
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)))
  })
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
