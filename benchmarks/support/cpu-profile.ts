/**
 * Summarises a V8 .cpuprofile (from `node --cpu-prof`): self time per package
 * or repository folder, and the most expensive functions.
 */
import {readFile} from 'node:fs/promises'

interface ProfileNode {
  id: number
  callFrame: {functionName: string; url: string; lineNumber: number}
  children?: number[]
}
interface CpuProfile {
  nodes: ProfileNode[]
  samples: number[]
  timeDeltas: number[]
}

export interface ProfileSummary {
  totalMs: number
  buckets: Array<{name: string; ms: number}>
  functions: Array<{name: string; ms: number}>
}

/** Which package or folder a frame belongs to; built page chunks count as "site pages". */
function bucketOf({url, functionName}: ProfileNode['callFrame'], repoRoot: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native code)'
  const inPackage = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (inPackage) return inPackage[1]!
  if (url.startsWith('node:')) return 'Node.js internals'
  const path = url.replace(/^file:\/\//, '')
  if (/\.prerender\/|\/\.test-builds\/|\/\.bench-builds\//.test(path))
    return 'site pages and bundled libraries (Vite chunks)'
  if (path.startsWith(repoRoot))
    return path
      .slice(repoRoot.length + 1)
      .split('/')
      .slice(0, 3)
      .join('/')
  return path
}

export async function summarizeCpuProfile(file: string, repoRoot: string): Promise<ProfileSummary> {
  const profile = JSON.parse(await readFile(file, 'utf8')) as CpuProfile
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]))
  const buckets = new Map<string, number>()
  const functions = new Map<string, number>()
  let total = 0
  profile.samples.forEach((id, index) => {
    const micros = profile.timeDeltas[index] ?? 0
    const frame = nodes.get(id)!.callFrame
    total += micros
    const bucket = bucketOf(frame, repoRoot)
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + micros)
    const where = frame.url
      ? ` ${frame.url.replace(/^.*node_modules\//, '').replace(`file://${repoRoot}/`, '')}:${frame.lineNumber + 1}`
      : ''
    const name = `${frame.functionName || '(anonymous)'}${where}`
    functions.set(name, (functions.get(name) ?? 0) + micros)
  })
  const top = (map: Map<string, number>, count: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, count)
      .map(([name, micros]) => ({name, ms: micros / 1000}))
  return {totalMs: total / 1000, buckets: top(buckets, 15), functions: top(functions, 15)}
}
