/**
 * Preloaded into each benchmarked build (`node --import`): on exit, writes the
 * process's peak resident set size to BENCH_PEAK_MEMORY_FILE. Node reports the
 * peak of the whole process, worker threads included, so nothing is sampled.
 */
import {writeFileSync} from 'node:fs'

const target = process.env.BENCH_PEAK_MEMORY_FILE
if (target) {
  process.on('exit', () => {
    // resourceUsage().maxRSS is in kilobytes.
    writeFileSync(target, String(process.resourceUsage().maxRSS * 1024))
  })
}
