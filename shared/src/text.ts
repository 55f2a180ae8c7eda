/**
 * The code points that must not reach HTML or XML output, defined once. The
 * dataset layer and the Content Lake source clean content with cleanText (and
 * say what they changed); the site's renderers strip the same code points again
 * with stripForbiddenChars, since they must be safe whatever a source returns.
 */

/**
 * C0 and C1 controls but tab, LF and CR (XML 1.0 forbids the C0 ones, HTML calls
 * all of them errors) and noncharacters (U+FDD0-U+FDEF and the last two code
 * points of every plane, U+FFFE and U+FFFF among them).
 */
// Written out rather than \p{Cc} minus tab, LF and CR: a lookahead is slower on every string.
// eslint-disable-next-line no-control-regex -- control characters are what is matched
const INVISIBLE = /[\0-\x08\x0B\x0C\x0E-\x1F\x7F-\x9F\p{Noncharacter_Code_Point}]/gu

/** Lone UTF-16 surrogates, which UTF-8 cannot encode. (With `u`, a valid pair is one code point and does not match.) */
const LONE_SURROGATE = /\p{Surrogate}/gu

const codePoint = (char: string) =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`

/** Text as it may be published, and what was changed, in words (undefined if nothing). */
export function cleanText(text: string): {text: string; change?: string} {
  const changes: string[] = []
  let result = text
  const lone = result.match(LONE_SURROGATE)
  if (lone) {
    result = result.replace(LONE_SURROGATE, '\uFFFD')
    changes.push(
      `replaced ${lone.length} broken character${lone.length === 1 ? '' : 's'} (a lone UTF-16 surrogate) with U+FFFD`,
    )
  }
  const invisible = result.match(INVISIBLE)
  if (invisible) {
    result = result.replace(INVISIBLE, '')
    const shown = [...new Set(invisible.map(codePoint))]
    changes.push(
      `removed ${invisible.length} invisible control or non-character${invisible.length === 1 ? '' : 's'} ` +
        `(${shown.slice(0, 5).join(', ')}${shown.length > 5 ? ', …' : ''})`,
    )
  }
  return changes.length ? {text: result, change: changes.join(' and ')} : {text}
}

/** The text without the code points HTML and XML output must not contain, silently. */
export function stripForbiddenChars(text: string): string {
  return text.replace(LONE_SURROGATE, '').replace(INVISIBLE, '')
}
