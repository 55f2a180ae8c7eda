/**
 * Peak memory of a process and every process it starts: `pnpm build` runs Astro in
 * a child process and Pagefind as a binary of its own, which the preloaded
 * peak-memory.ts cannot see. Samples the resident set size of the whole tree from
 * /proc every 50 ms and keeps the largest sum (Linux only; a spike shorter than a
 * sample can be missed, so the figure is a lower bound within one sample).
 */
import {readdir, readFile} from 'node:fs/promises'

const PAGE_SIZE = 4096
const INTERVAL_MS = 50

/** Parent of every live process, from /proc/<pid>/stat (field 4). */
async function parents(): Promise<Map<number, number>> {
  const parentOf = new Map<number, number>()
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '')
    // "pid (command name) state ppid …": the name may hold spaces and parentheses.
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    if (Number.isInteger(ppid)) parentOf.set(Number(entry), ppid)
  }
  return parentOf
}

async function treeResidentBytes(root: number): Promise<number> {
  const parentOf = await parents()
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid; at !== undefined && at > 1; at = parentOf.get(at))
      if (at === root) return true
    return false
  }
  let total = 0
  for (const pid of parentOf.keys()) {
    if (!inTree(pid)) continue
    // statm: size resident shared … in pages.
    const statm = await readFile(`/proc/${pid}/statm`, 'utf8').catch(() => '')
    total += Number(statm.split(' ')[1] ?? 0) * PAGE_SIZE
  }
  return total
}

/** Samples the tree under `pid` until stopped; resolves to the peak in bytes. */
export function sampleTreeMemory(pid: number): {stop: () => Promise<number>} {
  let peak = 0
  let running = true
  const loop = (async () => {
    while (running) {
      peak = Math.max(peak, await treeResidentBytes(pid))
      await new Promise((resolve) => setTimeout(resolve, INTERVAL_MS))
    }
  })()
  return {
    stop: async () => {
      running = false
      await loop
      return peak
    },
  }
}
