/**
 * Pagefind alone at a size no dataset has to be built for: the search records of
 * one build, repeated (each copy made distinct: its own URL and one word of its
 * own), added to one index and written, with the time of each step and the peak
 * memory of Pagefind's process. For the figures in README.md, "Where the search
 * index's time and a first query's bytes go".
 *
 *   node site/scripts/astro-build.ts /tmp/site     # keeps search/records/ (pnpm build removes it)
 *   node benchmarks/pagefind-scale.ts /tmp/site/search/records 100000 /tmp/index
 */
import {execFileSync} from 'node:child_process'
import {readFileSync} from 'node:fs'
import {readdir, readFile, rm} from 'node:fs/promises'
import {join} from 'node:path'
import {performance} from 'node:perf_hooks'

import type {CustomRecord} from 'pagefind'

// Pagefind is the site's dependency: its one export ('.' -> lib/index.js), loaded from there.
const pagefind = (await import(
  new URL('../site/node_modules/pagefind/lib/index.js', import.meta.url).href
)) as typeof import('pagefind')

const [recordsDir, wanted, outputPath] = process.argv.slice(2)
if (!recordsDir || !wanted || !outputPath)
  throw new Error('usage: node benchmarks/pagefind-scale.ts RECORDS_DIR RECORD_COUNT OUTPUT_DIR')
const total = Number(wanted)

const records: CustomRecord[] = []
for (const name of (await readdir(recordsDir)).filter((file) => file.endsWith('.json')))
  records.push(...(JSON.parse(await readFile(join(recordsDir, name), 'utf8')) as CustomRecord[]))

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`
const started = performance.now()
const {index} = await pagefind.createIndex({forceLanguage: 'en'})
if (!index) throw new Error('Pagefind did not start')

// Pagefind's own process (its Node API gives no handle on it): its resident memory, sampled.
const service = execFileSync('pgrep', ['-n', '-f', 'pagefind.* --service'], {encoding: 'utf8'})
let peakKb = 0
const sampler = setInterval(() => {
  const rss = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${service.trim()}/status`, 'utf8'))
  peakKb = Math.max(peakKb, Number(rss?.[1] ?? 0))
}, 200)

for (let n = 0; n < total; n++) {
  const record = records[n % records.length]!
  const copy = Math.floor(n / records.length)
  const {errors} = await index.addCustomRecord({
    ...record,
    url: copy === 0 ? record.url : record.url.replace(/\/?$/, `-${copy}/`),
    content: `${record.content} copy${copy}x${n}`,
  })
  if (errors.length > 0) throw new Error(errors.join('\n'))
  if ((n + 1) % 20_000 === 0)
    console.log(`${n + 1} records added: ${seconds(performance.now() - started)}`)
}
const added = performance.now()
await rm(outputPath, {recursive: true, force: true})
const written = await index.writeFiles({outputPath})
if (written.errors.length > 0) throw new Error(written.errors.join('\n'))
const done = performance.now()
clearInterval(sampler)
await pagefind.close()
console.log(
  `${total} records: adding ${seconds(added - started)}, writing ${seconds(done - added)}, ` +
    `Pagefind's peak ${(peakKb / 1024 ** 2).toFixed(2)} GB`,
)
