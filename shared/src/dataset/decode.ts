/**
 * The lines of a dataset file, read as a stream: bytes are split at each line
 * feed and each line is decoded on its own, so the reader holds one line at a
 * time, never the file (which may be larger than the longest string V8 can make).
 *
 * Sanity writes UTF-8; a file in another encoding (UTF-16, or Latin-1 bytes from
 * a spreadsheet) would otherwise be read with replacement characters, silently.
 * Each bad line is named, and given as blank so that the rest of the file is
 * still checked, with its line numbers. A line feed byte never occurs inside a
 * multi-byte UTF-8 character, so splitting the bytes first is exact.
 */
import {Buffer, constants} from 'node:buffer'

import type {DatasetProblem} from './errors.ts'
import {showId} from './wording.ts'

/** One line of the file (1-based), its text; blank, with a problem, when it is not UTF-8. */
export interface DecodedLine {
  line: number
  text: string
  problem?: DatasetProblem
}

const LINE_FEED = 0x0a
const NOT_UTF8 = 'not valid UTF-8 text (was the file saved in another encoding, such as Latin-1?)'
const UTF16 = 'the file is UTF-16 text; a dataset must be UTF-8, as Sanity exports it'
const tooLong = (length: number, limit: number) =>
  `the line is ${length} characters long, more than JavaScript can hold as text (${limit}); no document is that large`

/**
 * Every line of the byte stream, in order, including blank ones and the text after
 * the last line feed. A UTF-16 file gives a single problem, on line 1, and is not
 * read further.
 */
export async function* decodeDatasetLines(
  chunks: AsyncIterable<Uint8Array>,
  file: string,
  {maxLineLength = constants.MAX_STRING_LENGTH} = {},
): AsyncGenerator<DecodedLine> {
  // A byte-order mark is kept in the text (the parser accepts it where it trims).
  const strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
  let line = 0
  for await (const bytes of splitLines(chunks)) {
    line += 1
    if (line === 1 && isUtf16(bytes)) {
      yield {line, text: '', problem: {file, line, message: UTF16}}
      return
    }
    // Decoding it would fail for want of room, not for its encoding: say so.
    const length = bytes.length > maxLineLength ? textLength(bytes) : 0
    if (length > maxLineLength) {
      yield {line, text: '', problem: {file, line, message: tooLong(length, maxLineLength)}}
      continue
    }
    try {
      yield {line, text: strict.decode(bytes)}
    } catch {
      const documentId = idOf(bytes)
      const problem = {file, line, ...(documentId !== undefined && {documentId}), message: NOT_UTF8}
      yield {line, text: '', problem}
    }
  }
}

/** A UTF-16 byte-order mark, little- or big-endian, at the start of the file. */
const isUtf16 = (bytes: Uint8Array) =>
  (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)

/** The bytes of each line, without its line feed; a line may span any number of chunks. */
async function* splitLines(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<Uint8Array> {
  /** Bytes of the line being read that came in earlier chunks. */
  let pending: Uint8Array[] = []
  for await (const chunk of chunks) {
    let start = 0
    for (let end = chunk.indexOf(LINE_FEED); end !== -1; end = chunk.indexOf(LINE_FEED, start)) {
      yield pending.length === 0
        ? chunk.subarray(start, end)
        : Buffer.concat([...pending, chunk.subarray(start, end)])
      pending = []
      start = end + 1
    }
    if (start < chunk.length) pending.push(chunk.subarray(start))
  }
  yield Buffer.concat(pending)
}

/** How long UTF-8 bytes are as JavaScript text: a code unit per character, two above U+FFFF. */
function textLength(bytes: Uint8Array): number {
  let length = 0
  for (const byte of bytes) {
    if ((byte & 0xc0) !== 0x80) length += 1 // not a continuation byte: a character starts
    if (byte >= 0xf0) length += 1 // a four-byte character: a surrogate pair
  }
  return length
}

/** The document id of a line, when the line is JSON despite its encoding. */
function idOf(bytes: Uint8Array): string | undefined {
  try {
    const id = (
      JSON.parse(new TextDecoder('utf-8', {ignoreBOM: true}).decode(bytes)) as {_id?: unknown}
    )._id
    return typeof id === 'string' ? showId(id) : undefined
  } catch {
    return undefined
  }
}
