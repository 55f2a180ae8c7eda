/**
 * How much memory Astro's build process may use. Astro keeps every document and
 * query result in its JavaScript heap for the whole render, and V8's own limit
 * (about 4.5 GB) does not grow with the machine: 250,000 articles need more. So
 * the limit follows the memory the process may use, unless NODE_OPTIONS sets one.
 */
import {totalmem} from 'node:os'
import {getHeapStatistics} from 'node:v8'

/** The share of the machine's (or container's) memory the build's heap may grow to. */
const HEAP_SHARE = 0.75

const MB = 1024 * 1024

/** The memory this process may use: the machine's, or its container's limit when lower. */
export function usableMemory(): number {
  const constrained = process.constrainedMemory()
  return constrained > 0 ? Math.min(constrained, totalmem()) : totalmem()
}

/** `--max-old-space-size` set by the user (in NODE_OPTIONS), in megabytes. */
export function heapLimitOption(nodeOptions: string | undefined): number | undefined {
  const match = /--max-old-space-size[=\s](\d+)/.exec(nodeOptions ?? '')
  return match ? Number(match[1]) : undefined
}

/**
 * Node's options for the Astro process: none when NODE_OPTIONS already sets a
 * limit (it reaches the process anyway) or when V8's own limit is the larger.
 */
export function astroHeapArguments(
  nodeOptions = process.env.NODE_OPTIONS,
  memoryBytes = usableMemory(),
  defaultLimitBytes = getHeapStatistics().heap_size_limit,
): string[] {
  if (heapLimitOption(nodeOptions) !== undefined) return []
  const limit = Math.floor((memoryBytes * HEAP_SHARE) / MB)
  return limit > defaultLimitBytes / MB ? [`--max-old-space-size=${limit}`] : []
}

/** The heap limit the Astro process runs with, in megabytes. */
export const astroHeapLimit = (args: string[], nodeOptions = process.env.NODE_OPTIONS): number =>
  heapLimitOption(args.join(' ')) ??
  heapLimitOption(nodeOptions) ??
  Math.round(getHeapStatistics().heap_size_limit / MB)
