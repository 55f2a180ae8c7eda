/**
 * The text of a dataset file. Sanity writes UTF-8; a file in another encoding
 * (UTF-16, or Latin-1 bytes from a spreadsheet) would otherwise be read with
 * replacement characters, silently. Each bad line is named, and left blank so
 * that the rest of the file is still checked, with its line numbers.
 */
import type {DatasetProblem} from './errors.ts'
import {showId} from './wording.ts'

export interface DecodedDataset {
  text: string
  problems: DatasetProblem[]
}

const NOT_UTF8 = 'not valid UTF-8 text (was the file saved in another encoding, such as Latin-1?)'

export function decodeDatasetBytes(bytes: Uint8Array, file: string): DecodedDataset {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    const message = 'the file is UTF-16 text; a dataset must be UTF-8, as Sanity exports it'
    return {text: '', problems: [{file, line: 1, message}]}
  }
  const strict = new TextDecoder('utf-8', {fatal: true, ignoreBOM: true})
  try {
    return {text: strict.decode(bytes), problems: []}
  } catch {
    return decodeLineByLine(bytes, file, strict)
  }
}

function decodeLineByLine(bytes: Uint8Array, file: string, strict: TextDecoder): DecodedDataset {
  const lossy = new TextDecoder('utf-8', {ignoreBOM: true})
  const problems: DatasetProblem[] = []
  const lines: string[] = []
  for (let start = 0, line = 1; start <= bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start)
    if (end === -1) end = bytes.length
    const slice = bytes.subarray(start, end)
    try {
      lines.push(strict.decode(slice))
    } catch {
      lines.push('')
      const documentId = idOf(lossy.decode(slice))
      problems.push({file, line, ...(documentId !== undefined && {documentId}), message: NOT_UTF8})
    }
    start = end + 1
  }
  return {text: lines.join('\n'), problems}
}

/** The document id of a line, when the line is JSON despite its encoding. */
function idOf(line: string): string | undefined {
  try {
    const id = (JSON.parse(line) as {_id?: unknown})._id
    return typeof id === 'string' ? showId(id) : undefined
  } catch {
    return undefined
  }
}
