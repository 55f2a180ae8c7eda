/**
 * What `pnpm build` prints for a sound dataset: Astro's steps and totals, and no
 * line a user could not act on: no warning, no line per file, no stray timings.
 */
import {expect, inject, test} from 'vitest'

const lines = inject('bundledBuildLog').split('\n')

test('says what was built, and where', () => {
  expect(lines.some((line) => /\[build\] \d+ page\(s\) built in /.test(line))).toBe(true)
  expect(lines.at(-2) ?? lines.at(-1)).toMatch(/ replaced with the new build\.$/)
})

test('has no warning, no line per file, and no line holding only a timing', () => {
  expect(lines.filter((line) => /\bWARN\b|warning:/i.test(line))).toEqual([])
  expect(lines.filter((line) => line.includes('├─'))).toEqual([])
  expect(lines.filter((line) => /^\s*\(\+[\d.]+m?s\)\s*$/.test(line))).toEqual([])
  expect(lines.length).toBeLessThan(30)
})
