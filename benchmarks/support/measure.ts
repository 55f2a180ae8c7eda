/**
 * One benchmarked process: run under Node 24 with the peak-memory preload
 * (peak-memory.ts), its wall time, Astro's page count and its output recorded.
 */
import {spawn} from 'node:child_process'
import {readFile, rm} from 'node:fs/promises'
import {dirname, join} from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath, pathToFileURL} from 'node:url'

import type {Run} from './results-report.ts'
import type {Attempt} from './scale-report.ts'

const supportDir = dirname(fileURLToPath(import.meta.url))
const peakMemoryPreload = pathToFileURL(join(supportDir, 'peak-memory.ts'))
const peakFile = join(supportDir, '..', 'runs', 'bench', 'peak-memory')

export interface Command {
  args: string[]
  cwd: string
  env: Record<string, string>
}

/** Runs one command under Node 24 with the peak-memory preload; the exit code is returned. */
export async function measure(
  command: Command,
): Promise<Run & {output: string; code: number | null}> {
  await rm(peakFile, {force: true})
  const start = performance.now()
  const {output, code} = await new Promise<{output: string; code: number | null}>(
    (resolve, reject) => {
      const child = spawn(process.execPath, ['--import', peakMemoryPreload.href, ...command.args], {
        cwd: command.cwd,
        env: {
          ...process.env,
          ASTRO_TELEMETRY_DISABLED: '1',
          // Plain logs to count "(restored)" in: colours turn on when CI is set.
          NO_COLOR: '1',
          ...command.env,
          BENCH_PEAK_MEMORY_FILE: peakFile,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let text = ''
      child.stdout.on('data', (chunk: Buffer) => (text += chunk))
      child.stderr.on('data', (chunk: Buffer) => (text += chunk))
      child.on('error', reject)
      child.on('exit', (exitCode, signal) =>
        resolve({output: signal ? `${text}\n(killed by ${signal})` : text, code: exitCode}),
      )
    },
  )
  const wallMs = performance.now() - start
  // Astro's own count: HTML pages plus endpoints (feeds, images, robots.txt).
  const pages = Number(/(\d+) page\(s\) built/.exec(output)?.[1] ?? NaN)
  // A process that ran out of memory may die before it can write its peak.
  const peakBytes = Number(await readFile(peakFile, 'utf8').catch(() => NaN))
  return {wallMs, pages, peakBytes, output, code}
}

/** Runs one command as measure() does, and fails loudly if it fails. */
export async function timed(command: Command, label: string): Promise<Run & {output: string}> {
  const run = await measure(command)
  if (run.code !== 0) throw new Error(`${label} failed (exit ${run.code}):\n${run.output}`)
  return run
}

/** The end of a failed process's output: where it stopped. */
export const lastLines = (output: string) => output.trimEnd().split('\n').slice(-12).join('\n')

/** A run at scale: its figures, and where it stopped if it failed (its last lines). */
export async function attempt(command: Command): Promise<Attempt & {output: string}> {
  const run = await measure(command)
  if (run.code === 0) return run
  return {...run, failure: `exit ${run.code}\n${lastLines(run.output)}`}
}
