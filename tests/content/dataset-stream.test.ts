/**
 * The dataset reader reads a file as a stream of byte chunks, and chunks end
 * anywhere: mid-line, mid-character, inside a byte-order mark or a CRLF. Whatever
 * the chunks, it must find the same documents on the same lines, and hold one
 * line at a time, never the file.
 */
import {setFlagsFromString} from 'node:v8'
import {runInNewContext} from 'node:vm'

import {
  analyzeDataset,
  analyzeDatasetStream,
  formatProblem,
  readDataset,
  type Dataset,
} from '@smart-cities/shared/dataset'
import {describe, expect, test} from 'vitest'

import {decodeDatasetLines} from '../../shared/src/dataset/decode.ts'
import {hostileFixture} from '../fixtures/hostile/corpus'
import {writeTempDataset} from '../support/dataset-files'

const encode = (text: string) => new TextEncoder().encode(text)

/** The bytes in chunks of `size` (the last one shorter), as a stream would give them. */
async function* inChunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
  for (let start = 0; start < bytes.length; start += size) yield bytes.slice(start, start + size)
}

/** The bytes in two chunks, split at `at`. */
async function* splitAt(bytes: Uint8Array, at: number): AsyncGenerator<Uint8Array> {
  yield bytes.slice(0, at)
  yield bytes.slice(at)
}

// Two-, three- and four-byte characters, so that chunks end inside each of them.
const DOCS = [
  {_id: 'category-a', _type: 'category', title: 'São Paulo — 東京 🏙️'},
  {_id: 'category-b', _type: 'category', title: 'Zürich, Kraków, Αθήνα'},
  {_id: 'category-c', _type: 'category', title: '🚲🚋 and \u00a0non-breaking space'},
  {_id: 'category-d', _type: 'category', title: 'the last line, with no line end: 😀'},
]
/**
 * Line by line, as written: a byte-order mark, CRLF line ends, blank lines (one
 * of only spaces, one of a lone CR), an LF line end, and no final line end.
 */
const LINES = [
  `\uFEFF${JSON.stringify(DOCS[0])}\r\n`, // 1
  `\r\n`, // 2
  `${JSON.stringify(DOCS[1])}\r\n`, // 3
  `   \r\n`, // 4
  `\r\r\n`, // 5
  `${JSON.stringify(DOCS[2])}\n`, // 6
  JSON.stringify(DOCS[3]), // 7
]
const BYTES = encode(LINES.join(''))
const EXPECTED_LINES = new Map([
  ['category-a', 1],
  ['category-b', 3],
  ['category-c', 6],
  ['category-d', 7],
])

describe('chunks that end anywhere give the same documents on the same lines', () => {
  test('the fixture splits characters: its chunks of one byte cut every multi-byte character', () => {
    expect(BYTES.length).toBeGreaterThan(LINES.join('').length + 20)
    expect(BYTES.slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]))
    expect(BYTES.at(-1)).not.toBe(0x0a)
  })

  test.each([1, 2, 3, 4, 5, 7, 64, BYTES.length])('chunks of %i bytes', async (size) => {
    const dataset = await analyzeDatasetStream(inChunks(BYTES, size), 'chunked.ndjson')
    expect(dataset.all).toEqual(DOCS)
    expect(dataset.lineOf).toEqual(EXPECTED_LINES)
  })

  test('two chunks, split at every byte', async () => {
    for (let at = 0; at <= BYTES.length; at += 1) {
      const dataset = await analyzeDatasetStream(splitAt(BYTES, at), 'split.ndjson')
      expect(dataset.all, `split at byte ${at}`).toEqual(DOCS)
      expect(dataset.lineOf, `split at byte ${at}`).toEqual(EXPECTED_LINES)
    }
  })

  test('the same dataset as the whole text read at once, problems included', async () => {
    const whole = analyzeDataset(LINES.join(''), 'chunked.ndjson')
    // The fixture lacks what a site needs (settings, lists…): there are problems to compare.
    expect(whole.blocking.length).toBeGreaterThan(0)
    expect(await analyzeDatasetStream(inChunks(BYTES, 3), 'chunked.ndjson')).toEqual(whole)
  })

  test('a file on disk, read through readDataset', async () => {
    const file = await writeTempDataset(BYTES)
    const dataset = await readDataset(file)
    expect(dataset.all).toEqual(DOCS)
    expect(dataset.lineOf).toEqual(EXPECTED_LINES)
  })
})

describe('encoding problems are found on the right line whatever the chunks', () => {
  // Line 3 holds Latin-1 bytes ("é" as the single byte 0xE9); the lines around it are UTF-8.
  const latin1 = new Uint8Array(
    Buffer.concat([
      Buffer.from(`${JSON.stringify(DOCS[0])}\n${JSON.stringify(DOCS[1])}\n`, 'utf8'),
      Buffer.from(`{"_id":"category-cafe","_type":"category","title":"Café"}\n`, 'latin1'),
      Buffer.from(`${JSON.stringify(DOCS[2])}\n`, 'utf8'),
    ]),
  )

  test.each([1, 2, 3, 5, latin1.length])(
    'Latin-1 bytes on line 3, chunks of %i bytes',
    async (size) => {
      const dataset = await analyzeDatasetStream(inChunks(latin1, size), 'latin1.ndjson')
      expect(dataset.blocking.filter((problem) => problem.line === 3).map(formatProblem)).toEqual([
        'latin1.ndjson:3, document "category-cafe": not valid UTF-8 text (was the file saved in another encoding, such as Latin-1?)',
      ])
      expect(dataset.all).toEqual([DOCS[0], DOCS[1], DOCS[2]])
      expect(dataset.lineOf).toEqual(
        new Map([
          ['category-a', 1],
          ['category-b', 2],
          ['category-c', 4],
        ]),
      )
    },
  )

  test('a UTF-16 file whose byte-order mark is split between chunks is refused on line 1', async () => {
    const utf16 = new Uint8Array(Buffer.from(`\uFEFF${LINES.join('')}`, 'utf16le'))
    const dataset = await analyzeDatasetStream(inChunks(utf16, 1), 'utf16.ndjson')
    expect(dataset.blocking.map(formatProblem)).toEqual([
      'utf16.ndjson:1: the file is UTF-16 text; a dataset must be UTF-8, as Sanity exports it',
    ])
    expect(dataset.all).toEqual([])
  })
})

describe('a line longer than JavaScript text can be', () => {
  /** The lines as decoded, with a maximum length of 50 (V8's is 536,870,888). */
  async function decoded(lines: string[]) {
    const found: Array<{line: number; text: string; problem?: string}> = []
    const bytes = encode(lines.join('\n'))
    for await (const {line, text, problem} of decodeDatasetLines(
      inChunks(bytes, 7),
      'long.ndjson',
      {
        maxLineLength: 50,
      },
    )) {
      found.push({line, text, ...(problem && {problem: formatProblem(problem)})})
    }
    return found
  }

  test('is named with its length, not blamed on its encoding; the lines around it are read', async () => {
    expect(await decoded(['{"a":1}', 'x'.repeat(60), '{"b":2}'])).toEqual([
      {line: 1, text: '{"a":1}'},
      {
        line: 2,
        text: '',
        problem:
          'long.ndjson:2: the line is 60 characters long, more than JavaScript can hold as text (50); no document is that large',
      },
      {line: 3, text: '{"b":2}'},
    ])
  })

  test('is measured in characters as JavaScript counts them, not in bytes', async () => {
    const tokyo = '東'.repeat(40) // 120 bytes, 40 characters: fits
    const emoji = '😀'.repeat(26) // 104 bytes, 52 code units: does not
    const lines = await decoded([tokyo, emoji])
    expect(lines[0]).toEqual({line: 1, text: tokyo})
    expect(lines[1]?.problem).toContain('long.ndjson:2: the line is 52 characters long')
  })
})

/** Every dataset the hostile corpus writes byte by byte: chunks must not change a thing. */
describe.each([
  'byte-order-mark',
  'byte-order-mark-mid-file',
  'crlf-line-endings',
  'no-final-newline',
  'truncated-last-line',
  'latin-1-bytes',
  'utf-16',
] as const)('the hostile fixture %s', (name) => {
  test('reads the same in chunks of 1, 7 and 4096 bytes as in one', async () => {
    const contents = await hostileFixture(name)
    const bytes = typeof contents === 'string' ? encode(contents) : contents
    const strip = (dataset: Dataset) => ({...dataset, file: ''})
    const whole = strip(await analyzeDatasetStream(inChunks(bytes, bytes.length), name))
    expect(whole.all.length + whole.blocking.length).toBeGreaterThan(0)
    for (const size of [1, 7, 4096]) {
      expect(strip(await analyzeDatasetStream(inChunks(bytes, size), name))).toEqual(whole)
    }
  })
})

describe('the reader never holds the whole file', () => {
  // Memory is measured after a full garbage collection, so that it counts only what
  // is still held: the JavaScript heap and the buffers (file chunks are buffers).
  setFlagsFromString('--expose-gc')
  const gc = runInNewContext('gc') as () => void
  const held = () => {
    gc()
    const {heapUsed, arrayBuffers} = process.memoryUsage()
    return heapUsed + arrayBuffers
  }

  const MB = 1 << 20
  /** The artificial limit: a quarter of the stream. */
  const LIMIT = 16 * MB
  const LINE_BYTES = MB
  const LINE_COUNT = 64
  const CHUNK_BYTES = 64 * 1024

  test(`a ${LINE_COUNT} MB stream is read holding less than ${LIMIT / MB} MB at any time`, async () => {
    let most = 0
    /**
     * Lines of 1 MB, each a small document padded with spaces inside its JSON (so
     * that the documents kept are tiny), in fresh chunks of 64 KB, made on demand.
     */
    async function* stream(): AsyncGenerator<Uint8Array> {
      for (let number = 1; number <= LINE_COUNT; number += 1) {
        const line = Buffer.alloc(LINE_BYTES, ' ')
        line.write(`{"_id":"category-${number}","_type":"category",`)
        const end = Buffer.from(`"title":"Ciudad ${number}, 東京"}\n`)
        end.copy(line, LINE_BYTES - end.length)
        for (let start = 0; start < LINE_BYTES; start += CHUNK_BYTES) {
          if (start % (4 * MB) === 0) most = Math.max(most, held() - before)
          yield new Uint8Array(line.subarray(start, start + CHUNK_BYTES))
        }
      }
    }
    const before = held()
    const dataset = await analyzeDatasetStream(stream(), 'large.ndjson')

    expect(dataset.all).toHaveLength(LINE_COUNT)
    expect(dataset.lineOf.get(`category-${LINE_COUNT}`)).toBe(LINE_COUNT)
    expect(dataset.all.at(-1)).toEqual({
      _id: `category-${LINE_COUNT}`,
      _type: 'category',
      title: `Ciudad ${LINE_COUNT}, 東京`,
    })
    expect(most).toBeGreaterThan(0)
    expect(most).toBeLessThan(LIMIT)
  })
})
