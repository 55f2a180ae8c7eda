/**
 * Small builders for Portable Text and keys, used by the dataset scripts.
 * Text may carry links as [words](url); everything else is plain text.
 */
import {createHash} from 'node:crypto'

export interface Span {
  _type: 'span'
  _key: string
  text: string
  marks: string[]
}
export interface Block {
  _type: 'block'
  _key: string
  style: string
  markDefs: Array<{_type: 'link'; _key: string; href: string}>
  children: Span[]
  listItem?: string
  level?: number
}

/** Deterministic keys: the same content gives the same `_key` on every run. */
export function keyFor(...parts: Array<string | number>): string {
  return createHash('sha1').update(parts.join('\u0000')).digest('hex').slice(0, 12)
}

const LINK = /\[([^\]]+)\]\(([^)\s]+)\)/g

export function block(
  text: string,
  options: {style?: string; listItem?: 'bullet' | 'number'; seed?: string} = {},
): Block {
  const style = options.style ?? 'normal'
  const seed = `${options.seed ?? ''}${style}${text}`
  const markDefs: Block['markDefs'] = []
  const children: Span[] = []
  let cursor = 0
  for (const match of text.matchAll(LINK)) {
    const [whole, words = '', href = ''] = match
    if (match.index > cursor)
      children.push(span(text.slice(cursor, match.index), [], seed, children.length))
    const markKey = keyFor(seed, 'link', markDefs.length)
    markDefs.push({_type: 'link', _key: markKey, href})
    children.push(span(words, [markKey], seed, children.length))
    cursor = match.index + whole.length
  }
  if (cursor < text.length || children.length === 0) {
    children.push(span(text.slice(cursor), [], seed, children.length))
  }
  return {
    _type: 'block',
    _key: keyFor(seed, 'block'),
    style,
    markDefs,
    children,
    ...(options.listItem ? {listItem: options.listItem, level: 1} : {}),
  }
}

function span(text: string, marks: string[], seed: string, index: number): Span {
  return {_type: 'span', _key: keyFor(seed, 'span', index), text, marks}
}

export function paragraphs(seed: string, ...texts: string[]): Block[] {
  return texts.map((text) => block(text, {seed}))
}
