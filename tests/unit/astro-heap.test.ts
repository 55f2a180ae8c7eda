/**
 * The heap limit `pnpm build` gives Astro's process: the machine's memory, not
 * V8's fixed default, decides how large a site can be built, and a limit the user
 * set in NODE_OPTIONS is left alone.
 */
import {describe, expect, test} from 'vitest'

import {astroHeapArguments, astroHeapLimit, heapLimitOption} from '../../site/scripts/astro-heap'

const GB = 1024 ** 3
const V8_DEFAULT = 4.2 * GB

describe('the Astro process heap limit', () => {
  test('three quarters of a 24 GB machine, above V8 default', () => {
    expect(astroHeapArguments(undefined, 24 * GB, V8_DEFAULT)).toEqual([
      '--max-old-space-size=18432',
    ])
  })

  test('a container limit counts, not the host: 4 GB leaves V8 its default', () => {
    expect(astroHeapArguments('', 4 * GB, V8_DEFAULT)).toEqual([])
  })

  test('a limit set in NODE_OPTIONS is kept, in either spelling', () => {
    expect(astroHeapArguments('--max-old-space-size=2048', 24 * GB, V8_DEFAULT)).toEqual([])
    expect(astroHeapArguments('--trace-gc --max-old-space-size 8192', 24 * GB, V8_DEFAULT)).toEqual(
      [],
    )
    expect(heapLimitOption('--trace-gc --max-old-space-size 8192')).toBe(8192)
    expect(heapLimitOption('--trace-gc')).toBeUndefined()
  })

  test('messages name the limit the process ran with', () => {
    expect(astroHeapLimit(['--max-old-space-size=18432'], undefined)).toBe(18432)
    expect(astroHeapLimit([], '--max-old-space-size=40')).toBe(40)
  })
})
