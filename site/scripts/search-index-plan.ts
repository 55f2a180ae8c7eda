/**
 * How the search index is cut into parts (scripts/search-index.ts writes them):
 * one Pagefind index grows faster than its records in time and memory (100,000
 * records: 10.7 GB; 25,000: 3.3 GB, benchmarks/README.md), so a large site gets
 * several indexes of at most `maxRecords` each, which the search page searches
 * together (src/scripts/search-parts.ts).
 *
 * Parts hold consecutive dates, newest part first: the search page then lists a
 * date-sorted search part after part, which Pagefind's own merge (by score
 * alone) would not. Parts are the same size, so that scores, which depend on
 * how many records an index holds, compare across them.
 */

/** Where one record is: its shard file, its place in it, and its sort date. */
export interface RecordPlace {
  shard: string
  position: number
  /** Sort date as ISO text: text order is date order. */
  date: string
}

export interface SearchIndexPart {
  /** The part's folder in the site, and the path the browser loads it from. */
  folder: string
  path: string
  /** Its records: the positions it takes from each shard, shards in the order given. */
  positions: Map<string, number[]>
  size: number
}

/** The newest part is Pagefind's main folder, where the search page's library comes from. */
export const INDEX_FOLDER = 'pagefind'
const partFolder = (number: number) =>
  number === 1 ? INDEX_FOLDER : `${INDEX_FOLDER}/part-${number}`

/** The parts, newest first, that the given records (in shard order) are cut into. */
export function planSearchIndex(records: RecordPlace[], maxRecords: number): SearchIndexPart[] {
  if (!Number.isInteger(maxRecords) || maxRecords < 1) {
    throw new RangeError(`A search index part holds 1 record or more, not ${maxRecords}.`)
  }
  // Newest first; records of one date keep their shard order (the sort is stable).
  const byDate = records.toSorted((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
  const count = Math.max(1, Math.ceil(byDate.length / maxRecords))
  const shardOrder = [...new Set(records.map((record) => record.shard))]
  const parts: SearchIndexPart[] = []
  for (let number = 1; number <= count; number += 1) {
    // Even sizes: they differ by one record at most.
    const start = Math.floor(((number - 1) * byDate.length) / count)
    const end = Math.floor((number * byDate.length) / count)
    const positions = new Map<string, number[]>()
    for (const {shard, position} of byDate.slice(start, end)) {
      const list = positions.get(shard)
      if (list) list.push(position)
      else positions.set(shard, [position])
    }
    // Back in shard order, so each shard is read once per part.
    const ordered = new Map(
      shardOrder
        .filter((shard) => positions.has(shard))
        .map((shard) => [shard, positions.get(shard)!.toSorted((a, b) => a - b)]),
    )
    const folder = partFolder(number)
    parts.push({folder, path: `/${folder}/`, positions: ordered, size: end - start})
  }
  return parts
}
