/**
 * An error caused by input a user can fix (a dataset file, the environment, a
 * Content Lake that does not answer): its message says all there is to say, so a
 * build prints the message alone, without a stack trace. Anything else is a bug
 * and keeps its stack.
 *
 * Recognised by a registered symbol, not instanceof: Astro bundles its own copy of
 * this module for the pages, and a class of one copy is not the class of the other.
 */
const REPORTABLE = Symbol.for('@smart-cities/reportable-error')

export class ReportableError extends Error {
  readonly [REPORTABLE] = true
}

export function isReportable(error: unknown): error is Error {
  return (
    error instanceof Error && (error as unknown as Record<symbol, unknown>)[REPORTABLE] === true
  )
}
