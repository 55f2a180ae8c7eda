/** One thing wrong with a dataset file, located as precisely as we can. */
export interface DatasetProblem {
  file: string
  /** 1-based line of the NDJSON file. */
  line: number
  documentId?: string
  /** Path inside the document, e.g. `entries[_key=="a1"].city`. */
  field?: string
  message: string
}

export function formatProblem(problem: DatasetProblem): string {
  const where = [`${problem.file}:${problem.line}`]
  if (problem.documentId !== undefined) where.push(`document "${problem.documentId}"`)
  if (problem.field !== undefined) where.push(`field "${problem.field}"`)
  return `${where.join(', ')}: ${problem.message}`
}

/** Thrown when a dataset cannot be used; lists every problem found, not just the first. */
export class DatasetError extends Error {
  override name = 'DatasetError'
  readonly problems: DatasetProblem[]

  constructor(problems: DatasetProblem[]) {
    const shown = problems.slice(0, 20).map((problem) => `  - ${formatProblem(problem)}`)
    const more = problems.length > 20 ? [`  … and ${problems.length - 20} more`] : []
    super(
      `The dataset has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n${[...shown, ...more].join('\n')}`,
    )
    this.problems = problems
  }

  /** Shown by Astro under the message when a build stops. */
  readonly hint =
    "Fix the dataset file and build again; `pnpm dataset:check <file>` lists these problems with the studio's own checks."

  /**
   * A one-line summary. Astro picks its hint by searching `toString()` for the words
   * "document" and "window" and would then blame browser APIs; the full list stays
   * in `message`, which is what Astro, Node and Vitest print.
   */
  override toString(): string {
    return `${this.name}: the dataset has ${this.problems.length} problem${this.problems.length === 1 ? '' : 's'}`
  }
}
