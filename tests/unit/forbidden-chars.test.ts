/**
 * The tests' oracle for forbidden characters (tests/support/forbidden-chars.ts),
 * checked against the definition in numbers over every code point, and the
 * production stripForbiddenChars checked against the oracle: it removes exactly
 * those code points, no fewer and no more.
 */
import {describe, expect, test} from 'vitest'

import {stripForbiddenChars} from '@smart-cities/shared/text'
import {forbiddenCharsIn} from '../support/forbidden-chars'

/** The definition, in numbers: what the oracle's regular expressions must match. */
const isForbidden = (codePoint: number) =>
  (codePoint <= 0x1f && codePoint !== 0x09 && codePoint !== 0x0a && codePoint !== 0x0d) ||
  (codePoint >= 0x7f && codePoint <= 0x9f) ||
  (codePoint >= 0xfdd0 && codePoint <= 0xfdef) ||
  (codePoint & 0xfffe) === 0xfffe

/** Every code point but the surrogates (which are not characters), in order. */
const everyCharacter = Array.from({length: 0x110000}, (_, codePoint) => codePoint)
  .filter((codePoint) => codePoint < 0xd800 || codePoint > 0xdfff)
  .map((codePoint) => String.fromCodePoint(codePoint))
const FORBIDDEN = everyCharacter.filter((char) => isForbidden(char.codePointAt(0)!))

describe('the forbidden-character oracle', () => {
  test('matches exactly the code points of its definition (62 controls, 66 noncharacters)', () => {
    const all = everyCharacter.join('')
    const found = forbiddenCharsIn(all, Infinity).map((entry) => entry.split(' ')[0])
    expect(found).toEqual(
      FORBIDDEN.map(
        (char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`,
      ),
    )
    expect(FORBIDDEN).toHaveLength(62 + 66)
  })

  test('finds lone surrogates, not pairs', () => {
    expect(forbiddenCharsIn('pair \uD83D\uDE00 ok')).toEqual([])
    expect(forbiddenCharsIn('a\uD800b')).toEqual(['U+D800 at 1'])
    expect(forbiddenCharsIn('a\uDC00')).toEqual(['U+DC00 at 1'])
    expect(forbiddenCharsIn('\uDE00\uD83D')).toEqual(['U+DE00 at 0', 'U+D83D at 1'])
    expect(forbiddenCharsIn('\uD83D\uD83D\uDE00')).toEqual(['U+D83D at 0'])
  })
})

describe('the production stripForbiddenChars', () => {
  test('removes exactly the forbidden code points and keeps every other one', () => {
    expect(stripForbiddenChars(everyCharacter.join(''))).toBe(
      everyCharacter.filter((char) => !isForbidden(char.codePointAt(0)!)).join(''),
    )
  })

  test('removes lone surrogates and keeps pairs', () => {
    expect(stripForbiddenChars('a\uD800b\uDC00c \uD83D\uDE00 \uDE00\uD83D')).toBe(
      'abc \uD83D\uDE00 ',
    )
  })
})
