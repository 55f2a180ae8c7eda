/**
 * How the build cuts a large search index into parts: every record in exactly one
 * part, parts of even size within the limit, and each part's dates all newer than
 * the next part's, so that the search page can list a date order part after part.
 */
import fc from 'fast-check'
import {describe, expect, test} from 'vitest'

import {planSearchIndex, type RecordPlace} from '../../site/scripts/search-index-plan'

/** Records as the shards hold them: shard by shard, dates in any order, ties common. */
const recordsArbitrary = fc
  .array(fc.array(fc.integer({min: 0, max: 40}), {maxLength: 30}), {minLength: 1, maxLength: 8})
  .map((shards) =>
    shards.flatMap((days, shard) =>
      days.map((day, position): RecordPlace => ({
        shard: `articles-${shard + 1}.json`,
        position,
        date: new Date(Date.UTC(2026, 0, 1 + day)).toISOString(),
      })),
    ),
  )

/** Each part's records as the dataset holds them, read back through the plan. */
const recordsOf = (records: RecordPlace[], positions: Map<string, number[]>) =>
  [...positions].flatMap(([shard, list]) =>
    list.map((position) => records.find((r) => r.shard === shard && r.position === position)!),
  )

describe('cutting the search index into parts', () => {
  test('every record once, parts of even size within the limit, dates newest part first', () => {
    fc.assert(
      fc.property(recordsArbitrary, fc.integer({min: 1, max: 50}), (records, max) => {
        const parts = planSearchIndex(records, max)
        const inParts = parts.map((part) => recordsOf(records, part.positions))

        expect(parts.length).toBe(Math.max(1, Math.ceil(records.length / max)))
        const sizes = inParts.map((list) => list.length)
        expect(parts.map((part) => part.size)).toEqual(sizes)
        expect(Math.max(...sizes)).toBeLessThanOrEqual(max)
        expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1)

        const key = (r: RecordPlace) => `${r.shard}#${r.position}`
        const all = inParts.flat().map(key)
        expect(new Set(all).size).toBe(all.length)
        expect(all.toSorted()).toEqual(records.map(key).toSorted())

        // The oldest date of a part is no older than the newest of the part after it.
        for (let i = 0; i + 1 < inParts.length; i += 1) {
          const oldest = inParts[i]!.map((r) => r.date).toSorted()[0]!
          const newestAfter = inParts[i + 1]!.map((r) => r.date)
            .toSorted()
            .at(-1)!
          expect(oldest >= newestAfter).toBe(true)
        }
      }),
    )
  })

  test('each part lists its shards in shard order and its positions in file order', () => {
    const records: RecordPlace[] = [
      {shard: 'pages.json', position: 0, date: '2026-01-05T00:00:00.000Z'},
      {shard: 'pages.json', position: 1, date: '2026-01-01T00:00:00.000Z'},
      {shard: 'articles-1.json', position: 0, date: '2026-01-02T00:00:00.000Z'},
      {shard: 'articles-1.json', position: 1, date: '2026-01-04T00:00:00.000Z'},
      {shard: 'articles-2.json', position: 0, date: '2026-01-03T00:00:00.000Z'},
    ]
    const parts = planSearchIndex(records, 2)
    expect(parts.map((part) => [part.path, [...part.positions]])).toEqual([
      // Five records in three parts: 1, 2, 2. The newest: Jan 5.
      ['/pagefind/', [['pages.json', [0]]]],
      // Jan 4 and Jan 3.
      [
        '/pagefind/part-2/',
        [
          ['articles-1.json', [1]],
          ['articles-2.json', [0]],
        ],
      ],
      // Jan 2 and Jan 1, the oldest: shards in their own order, not by date.
      [
        '/pagefind/part-3/',
        [
          ['pages.json', [1]],
          ['articles-1.json', [0]],
        ],
      ],
    ])
    expect(parts.map((part) => part.folder)).toEqual([
      'pagefind',
      'pagefind/part-2',
      'pagefind/part-3',
    ])
  })

  test('a site within the limit has one index, in Pagefind’s usual folder', () => {
    const records: RecordPlace[] = [{shard: 'pages.json', position: 0, date: ''}]
    expect(planSearchIndex(records, 20_000).map((part) => part.path)).toEqual(['/pagefind/'])
  })

  test('a limit below one record is refused', () => {
    expect(() => planSearchIndex([], 0)).toThrow('A search index part holds 1 record or more')
  })
})
