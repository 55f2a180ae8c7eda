/**
 * The code points no built file may carry, written out here as the tests' own
 * oracle (never the production stripForbiddenChars, whose class is what is tested):
 *
 * - C0 controls but tab (U+0009), LF (U+000A) and CR (U+000D);
 * - DEL and the C1 controls, U+007F-U+009F;
 * - Unicode noncharacters: U+FDD0-U+FDEF, and U+xFFFE and U+xFFFF of every plane (0-16);
 * - lone UTF-16 surrogates (a high one not followed by a low one, a low one not
 *   preceded by a high one), which UTF-8 cannot encode.
 */

/** One forbidden code point, but not lone surrogates (see LONE_SURROGATE). */
export const FORBIDDEN_CHAR =
  // eslint-disable-next-line no-control-regex -- control characters are what is matched
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\u{1FFFE}\u{1FFFF}\u{2FFFE}\u{2FFFF}\u{3FFFE}\u{3FFFF}\u{4FFFE}\u{4FFFF}\u{5FFFE}\u{5FFFF}\u{6FFFE}\u{6FFFF}\u{7FFFE}\u{7FFFF}\u{8FFFE}\u{8FFFF}\u{9FFFE}\u{9FFFF}\u{AFFFE}\u{AFFFF}\u{BFFFE}\u{BFFFF}\u{CFFFE}\u{CFFFF}\u{DFFFE}\u{DFFFF}\u{EFFFE}\u{EFFFF}\u{FFFFE}\u{FFFFF}\u{10FFFE}\u{10FFFF}]/gu

/** A UTF-16 code unit of a surrogate pair without its other half (no `u` flag: code units). */
export const LONE_SURROGATE =
  /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

const label = (char: string, index: number) =>
  `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')} at ${index}`

/**
 * Every forbidden character in the text, as "U+0085 at 1234" (at most `limit` of
 * them, for readable failures): an empty list means the text is clean.
 */
export function forbiddenCharsIn(text: string, limit = 10): string[] {
  const found: Array<[number, string]> = []
  for (const match of text.matchAll(FORBIDDEN_CHAR)) found.push([match.index, match[0]])
  for (const match of text.matchAll(LONE_SURROGATE)) found.push([match.index, match[0]])
  return found
    .sort(([a], [b]) => a - b)
    .slice(0, limit)
    .map(([index, char]) => label(char, index))
}
