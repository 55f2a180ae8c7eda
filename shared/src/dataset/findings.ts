/**
 * One list of findings for `pnpm dataset:check`: what the build enforces and what
 * the studio's validation says, each problem once. Where both speak of the same
 * field, the build's wording (which says what happens to the page) comes first
 * and the studio's follows, at the more severe of the two levels.
 */
import {byLine, type DatasetProblem} from './errors.ts'
import type {Dataset} from './index.ts'
import type {SchemaProblem} from './validate.ts'

export type Level = 'error' | 'warning' | 'info'
export interface Finding extends DatasetProblem {
  level: Level
}

const SEVERITY: Record<Level, number> = {error: 2, warning: 1, info: 0}

/** `slug` and `slug.current` name the same field; so do `entries` and `entries[0].city`. */
const sameField = (a: string | undefined, b: string | undefined) =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    (a.startsWith(`${b}.`) ||
      a.startsWith(`${b}[`) ||
      b.startsWith(`${a}.`) ||
      b.startsWith(`${a}[`)))

export function mergeFindings(dataset: Dataset, studio: SchemaProblem[]): Finding[] {
  const findings: Finding[] = [
    ...dataset.blocking.map((problem) => ({...problem, level: 'error' as const})),
    ...dataset.warnings.map((problem) => ({...problem, level: 'warning' as const})),
  ]
  const ours = findings.length
  for (const marker of studio) {
    const same = findings
      .slice(0, ours)
      .find(
        (finding) =>
          finding.documentId === marker.documentId && sameField(finding.field, marker.field),
      )
    if (!same) {
      findings.push({...marker})
      continue
    }
    same.message += ` (the studio says: ${marker.message})`
    if (SEVERITY[marker.level] > SEVERITY[same.level]) same.level = marker.level
  }
  return findings.sort(byLine)
}
