/**
 * Bounded retries with exponential backoff for content requests. Rate limits
 * (429, honouring Retry-After), server errors (5xx), timeouts, reset connections
 * and malformed responses are retried; other client errors (401, 403, 400…) are
 * not, because asking again cannot fix them.
 */
import {ReportableError} from '../reportable-error.ts'

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number
  /** Delay before the first retry; doubles each time. */
  baseDelayMs: number
  /** Upper bound for any single wait, Retry-After included. */
  maxDelayMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {attempts: 5, baseDelayMs: 500, maxDelayMs: 30_000}

interface HttpishError {
  statusCode?: number
  code?: string | number
  name?: string
  message?: string
  response?: {headers?: Record<string, string | string[] | undefined>}
  cause?: unknown
}

/** Seconds or an HTTP date, as Retry-After allows; undefined when absent or unreadable. */
export function retryAfterMs(error: unknown, now = Date.now()): number | undefined {
  const header = (error as HttpishError).response?.headers?.['retry-after']
  const value = Array.isArray(header) ? header[0] : header
  if (!value) return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000)
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, date - now)
}

export function isRetryable(error: unknown): boolean {
  const {statusCode} = error as HttpishError
  if (statusCode !== undefined) return statusCode === 429 || statusCode >= 500
  // No status: the request never produced a usable response (network, timeout, bad JSON).
  return true
}

export function describeError(error: unknown): string {
  const {statusCode, message, code, name, cause} = error as HttpishError
  const causeText =
    cause && typeof cause === 'object' && 'message' in cause
      ? ` (${String((cause as Error).message)})`
      : ''
  // A DOMException's code is a number (23 for a timeout); its name says more.
  const kind = statusCode ? `HTTP ${statusCode}` : typeof code === 'string' ? code : name
  return [kind, message].filter(Boolean).join(': ') + causeText
}

/** A request that failed for good; the message names it and says why. */
export class RequestFailedError extends ReportableError {
  override name = 'RequestFailedError'
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export async function withRetries<T>(
  label: string,
  attempt: () => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY_POLICY,
  onRetry: (message: string) => void = (message) => console.warn(message),
): Promise<T> {
  let lastError: unknown
  for (let number = 1; number <= policy.attempts; number += 1) {
    try {
      return await attempt()
    } catch (error) {
      lastError = error
      if (!isRetryable(error) || number === policy.attempts) break
      const backoff = policy.baseDelayMs * 2 ** (number - 1)
      const wait = Math.min(policy.maxDelayMs, retryAfterMs(error) ?? backoff)
      onRetry(
        `${label}: attempt ${number} failed (${describeError(error)}); retrying in ${wait} ms`,
      )
      await sleep(wait)
    }
  }
  const attempts = isRetryable(lastError)
    ? `after ${policy.attempts} attempts`
    : 'and cannot be retried'
  throw new RequestFailedError(
    `${label} failed ${attempts}. Last error: ${describeError(lastError)}`,
    {
      cause: lastError,
    },
  )
}
