/**
 * withRetries' waits, measured on fake timers: before each retry, the attempt has
 * not happened 1 ms short of the expected wait and has happened at it. The expected
 * waits are written out: Retry-After when the server sends it, else the backoff
 * (base, 2 × base, 4 × base…), and never more than maxDelayMs.
 */
import {afterEach, beforeEach, describe, expect, test, vi, type Mock} from 'vitest'

import {withRetries, type RetryPolicy} from '../../shared/src/content/retry.ts'

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-02-01T12:00:00Z'))
})
afterEach(() => {
  vi.useRealTimers()
})

/** An error as @sanity/client throws it for an HTTP status, with response headers. */
const httpError = (statusCode: number, headers: Record<string, string> = {}) =>
  Object.assign(new Error(`HTTP ${statusCode}`), {statusCode, response: {headers}})

/** An attempt that throws the given errors in turn, then succeeds. */
function failing(...errors: Error[]): Mock<() => Promise<string>> {
  let calls = 0
  return vi.fn(async () => {
    const error = errors[calls++]
    if (error) throw error
    return 'done'
  })
}

/**
 * Starts withRetries and lets the first attempt fail and schedule its wait. (The
 * result comes back in an object: an async function returning the promise itself
 * would wait for it.)
 */
async function start(attempt: () => Promise<string>, policy: RetryPolicy) {
  const result = withRetries('Query', attempt, policy, () => {})
  await vi.advanceTimersByTimeAsync(0)
  expect(attempt).toHaveBeenCalledTimes(1)
  return {result}
}

/** The next attempt happens exactly `ms` after the previous one failed: not 1 ms earlier. */
async function expectNextAttemptAfter(attempt: Mock, ms: number) {
  const before = attempt.mock.calls.length
  await vi.advanceTimersByTimeAsync(ms - 1)
  expect(attempt, `attempt ${before + 1} came before ${ms} ms`).toHaveBeenCalledTimes(before)
  await vi.advanceTimersByTimeAsync(1)
  expect(attempt, `attempt ${before + 1} did not come at ${ms} ms`).toHaveBeenCalledTimes(
    before + 1,
  )
}

describe('withRetries waits', () => {
  test('what Retry-After says (2 s), not the backoff (50 ms)', async () => {
    const attempt = failing(httpError(429, {'retry-after': '2'}))
    const {result} = await start(attempt, {attempts: 3, baseDelayMs: 50, maxDelayMs: 30_000})
    await expectNextAttemptAfter(attempt, 2000)
    await expect(result).resolves.toBe('done')
  })

  test('what Retry-After says as an HTTP date (3 s from now)', async () => {
    const attempt = failing(httpError(503, {'retry-after': 'Sun, 01 Feb 2026 12:00:03 GMT'}))
    const {result} = await start(attempt, {attempts: 3, baseDelayMs: 50, maxDelayMs: 30_000})
    await expectNextAttemptAfter(attempt, 3000)
    await expect(result).resolves.toBe('done')
  })

  test('without Retry-After, a backoff that doubles: base, 2 × base, 4 × base', async () => {
    const attempt = failing(httpError(503), httpError(500), httpError(429))
    const {result} = await start(attempt, {attempts: 4, baseDelayMs: 100, maxDelayMs: 30_000})
    await expectNextAttemptAfter(attempt, 100)
    await expectNextAttemptAfter(attempt, 200)
    await expectNextAttemptAfter(attempt, 400)
    await expect(result).resolves.toBe('done')
    expect(attempt).toHaveBeenCalledTimes(4)
  })

  test('at most maxDelayMs, however long Retry-After asks for (120 s → 1 s)', async () => {
    const attempt = failing(httpError(429, {'retry-after': '120'}))
    const {result} = await start(attempt, {attempts: 3, baseDelayMs: 50, maxDelayMs: 1000})
    await expectNextAttemptAfter(attempt, 1000)
    await expect(result).resolves.toBe('done')
  })

  test('at most maxDelayMs, however far the backoff has grown (800, 1600 → 1000, 3200 → 1000)', async () => {
    const attempt = failing(httpError(500), httpError(500), httpError(500))
    const {result} = await start(attempt, {attempts: 4, baseDelayMs: 800, maxDelayMs: 1000})
    await expectNextAttemptAfter(attempt, 800)
    await expectNextAttemptAfter(attempt, 1000)
    await expectNextAttemptAfter(attempt, 1000)
    await expect(result).resolves.toBe('done')
  })

  test('not at all after the last attempt, nor for an error retrying cannot fix', async () => {
    const always = vi.fn(() => Promise.reject(httpError(503)))
    const exhausted = withRetries(
      'Query',
      always,
      {attempts: 2, baseDelayMs: 100, maxDelayMs: 1000},
      () => {},
    ).catch((error: unknown) => error)
    const onRetry = vi.fn()
    const refused = withRetries(
      'Query',
      () => Promise.reject(httpError(401)),
      {attempts: 3, baseDelayMs: 100, maxDelayMs: 1000},
      onRetry,
    ).catch((error: unknown) => error)
    await vi.advanceTimersByTimeAsync(100)
    expect(always).toHaveBeenCalledTimes(2)
    expect(vi.getTimerCount(), 'a wait left after the last attempt').toBe(0)
    await vi.runAllTimersAsync()
    expect(String(await exhausted)).toMatch(/failed after 2 attempts/)
    expect(String(await refused)).toMatch(/cannot be retried/)
    expect(onRetry).not.toHaveBeenCalled()
  })
})
