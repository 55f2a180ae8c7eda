/**
 * SANITY_STUDIO_PORT: the port of `sanity dev` (studio/env.ts, read by sanity.cli.ts).
 */
import {describe, expect, test} from 'vitest'

import {cliServer, studioPort} from '../../studio/env'

const port = (value: string | undefined) => studioPort({SANITY_STUDIO_PORT: value})

describe('SANITY_STUDIO_PORT', () => {
  test('defaults to 3333, and takes a whole number from 1 to 65535', () => {
    expect(port(undefined)).toBe(3333)
    expect(port('  ')).toBe(3333)
    expect(port('1')).toBe(1)
    expect(port(' 4000 ')).toBe(4000)
    expect(port('65535')).toBe(65_535)
  })

  test.each(['0', '65536', 'abc', '4000.5', '-1', '1e3', '0x10'])(
    '%j stops the command with a message naming the variable',
    (value) => {
      expect(() => port(value)).toThrow(
        `SANITY_STUDIO_PORT is ${JSON.stringify(value)}: expected a whole number from 1 to 65535`,
      )
    },
  )

  test('is read by the commands that serve the studio, and only by them', () => {
    const env = {SANITY_STUDIO_PORT: 'not a port'}
    expect(cliServer('dev', {SANITY_STUDIO_PORT: '4000'})).toEqual({port: 4000})
    for (const command of ['dev', 'preview', 'start'])
      expect(() => cliServer(command, env)).toThrow('SANITY_STUDIO_PORT')
    // A mistake in a setting they do not use must not stop schema extraction or a build.
    for (const command of ['build', 'schema', 'typegen'])
      expect(cliServer(command, env)).toBeUndefined()
  })
})
