/** Minutes to read a text, at 230 words a minute (an adult reading on screen), at least one. */
import {toPlainText} from './portable-text'

const WORDS_PER_MINUTE = 230

export function readingMinutes(blocks: unknown): number {
  const words = toPlainText(blocks).split(/\s+/).filter(Boolean).length
  return Math.max(1, Math.ceil(words / WORDS_PER_MINUTE))
}
