import {ReportableError} from '../reportable-error.ts'

/** One thing wrong with a dataset file, located as precisely as we can. */
export interface DatasetProblem {
  file: string
  /** 1-based line of the NDJSON file; absent when the problem is the file itself. */
  line?: number
  documentId?: string
  /** Path inside the document, e.g. `entries[_key=="a1"].city`. */
  field?: string
  message: string
}

export function formatProblem(problem: DatasetProblem): string {
  const where = [problem.line === undefined ? problem.file : `${problem.file}:${problem.line}`]
  if (problem.documentId !== undefined) where.push(`document "${problem.documentId}"`)
  if (problem.field !== undefined) where.push(`field "${problem.field}"`)
  return `${where.join(', ')}: ${problem.message}`
}

/** Problems in file order; those about the file itself first. */
export const byLine = (a: DatasetProblem, b: DatasetProblem) => (a.line ?? 0) - (b.line ?? 0)

const SHOWN = 50

/** What to do next, in a line or two. */
function advice(problems: DatasetProblem[]): string {
  const file = problems[0]?.file ?? 'the dataset file'
  if (problems.every((problem) => problem.line === undefined)) {
    return 'Check the path: DATASET_FILE names the dataset file when it is set (a relative path is taken from where you typed the command), and its images belong in images/ beside it.'
  }
  const them = problems.length === 1 ? 'it' : 'them'
  return (
    `Fix ${them} in ${file} (or in the studio, then export again) and build again.\n` +
    `\`pnpm dataset:check ${file}\` lists ${them} together with the studio's own checks.`
  )
}

/** Thrown when a dataset cannot be used; lists every problem found, not just the first. */
export class DatasetError extends ReportableError {
  override name = 'DatasetError'
  readonly problems: DatasetProblem[]

  constructor(problems: DatasetProblem[]) {
    const count = `${problems.length} problem${problems.length === 1 ? '' : 's'}`
    const shown = problems.slice(0, SHOWN).map((problem) => `  - ${formatProblem(problem)}`)
    const more = problems.length > SHOWN ? [`  … and ${problems.length - SHOWN} more`] : []
    super([`The dataset has ${count}:`, ...shown, ...more, advice(problems)].join('\n'))
    this.problems = problems
  }

  /**
   * A one-line summary, for `astro dev`'s error overlay: Astro picks its hint by
   * searching `toString()` for the words "document" and "window" and would then
   * blame browser APIs; the full list stays in `message`.
   */
  override toString(): string {
    return `${this.name}: the dataset has ${this.problems.length} problem${this.problems.length === 1 ? '' : 's'}`
  }
}
