/**
 * Site search's index, written by Pagefind's Node API into a freshly built site
 * (scripts/build.ts calls it on the staging folder, before the swap): the records
 * the build wrote to /search/records/ (src/pages/search/records/) are fed to
 * Pagefind as custom records, one shard at a time, and removed once indexed.
 * A large site's index is written in parts of consecutive dates
 * (search-index-plan.ts), each by a Pagefind process of its own, and
 * /pagefind/parts.json lists them for the search page. Any problem throws, and
 * the build keeps the site it had.
 */
import {readdir, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {isReportable, ReportableError} from '@smart-cities/shared/reportable-error'
import * as pagefind from 'pagefind'
import type {CustomRecord} from 'pagefind'

import {
  INDEX_FOLDER,
  planSearchIndex,
  type RecordPlace,
  type SearchIndexPart,
} from './search-index-plan.ts'

/** Where the build writes the records inside the site. */
export const RECORDS_DIR = join('search', 'records')
/** The list of the index's parts, newest first, that the search page reads. */
export const PARTS_FILE = join(INDEX_FOLDER, 'parts.json')

/**
 * Records per part at most: 100,000 articles' six parts kept the whole build at a
 * 3.1 GB peak (one index of 25,000 alone: 3.3 GB); 10,000 articles stay one part.
 */
export const DEFAULT_PART_SIZE = 20_000

/**
 * Files Pagefind writes that the site never loads: its prebuilt UIs (the search
 * page uses Pagefind's browser API with a UI of its own), the highlighter, and
 * the WebAssembly for pages without a language (every record is English).
 */
const UNUSED_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
  'wasm.unknown.pagefind',
]
/** What the other parts need not repeat: the search page loads the library from the first. */
const MAIN_PART_FILES = ['pagefind.js', 'pagefind-worker.js']

export interface SearchIndexSummary {
  records: number
  parts: number
  files: number
  bytes: number
}

const failure = (what: string, errors: string[]) =>
  new ReportableError(`Search index: ${what}:\n${errors.map((e) => `  - ${e}`).join('\n')}`)

/** "pages.json" first, then "articles-1.json", "articles-2.json"… in number order. */
const shardNumber = (name: string) => Number(/(\d+)\.json$/.exec(name)?.[1] ?? 0)

/** The number and total size of the files under a folder. */
async function folderSize(dir: string): Promise<{files: number; bytes: number}> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  const files = entries.filter((entry) => entry.isFile())
  const sizes = await Promise.all(files.map((file) => stat(join(file.parentPath, file.name))))
  return {files: files.length, bytes: sizes.reduce((sum, {size}) => sum + size, 0)}
}

async function readShard(path: string): Promise<CustomRecord[]> {
  const records: unknown = JSON.parse(await readFile(path, 'utf8'))
  if (!Array.isArray(records)) throw new ReportableError(`Search index: ${path} is not a list`)
  return records as CustomRecord[]
}

/**
 * Rejects when the process has nothing left to wait for while Pagefind owes an
 * answer: its Node API does not notice its process ending after it read a
 * request, and the build would otherwise exit at once with code 13 (an unsettled
 * await), skipping the clean-up that keeps the previous site.
 */
function pagefindFallsSilent(): {silence: Promise<never>; stop(): void} {
  let onSilence = () => {}
  const silence = new Promise<never>((_, reject) => {
    onSilence = () => reject(new Error('its process ended without answering'))
  })
  process.once('beforeExit', onSilence)
  return {silence, stop: () => process.off('beforeExit', onSilence)}
}

export async function writeSearchIndex(
  siteDir: string,
  partSize = DEFAULT_PART_SIZE,
): Promise<SearchIndexSummary> {
  const watch = pagefindFallsSilent()
  try {
    return await Promise.race([indexRecords(siteDir, partSize), watch.silence])
  } catch (error) {
    if (isReportable(error)) throw error
    // Pagefind runs as a process of its own; when it fails, say so, not where.
    throw new ReportableError(
      `Search index: Pagefind failed (${error instanceof Error ? error.message : String(error)}).`,
    )
  } finally {
    watch.stop()
  }
}

async function indexRecords(siteDir: string, partSize: number): Promise<SearchIndexSummary> {
  const recordsDir = join(siteDir, RECORDS_DIR)
  const shards = (await readdir(recordsDir).catch(() => []))
    .filter((name) => name.endsWith('.json'))
    .sort((a, b) => shardNumber(a) - shardNumber(b))
  if (shards.length === 0) {
    throw new ReportableError(`Search index: the build wrote no records to ${recordsDir}.`)
  }
  // A first reading finds each record's date, to cut the parts; then part by part.
  const places: RecordPlace[] = []
  for (const shard of shards) {
    const records = await readShard(join(recordsDir, shard))
    records.forEach((record, position) =>
      places.push({shard, position, date: record.sort?.date ?? ''}),
    )
  }
  const parts = planSearchIndex(places, partSize)
  for (const [number, part] of parts.entries()) {
    await indexPart(siteDir, recordsDir, part, {main: number === 0})
  }
  const manifest = {parts: parts.map((part) => part.path)}
  await writeFile(join(siteDir, PARTS_FILE), `${JSON.stringify(manifest)}\n`)
  await rm(recordsDir, {recursive: true})
  return {
    records: places.length,
    parts: parts.length,
    ...(await folderSize(join(siteDir, INDEX_FOLDER))),
  }
}

/** One part, by a Pagefind process of its own: its memory is returned once the part is written. */
async function indexPart(
  siteDir: string,
  recordsDir: string,
  part: SearchIndexPart,
  {main}: {main: boolean},
): Promise<void> {
  const {index, errors} = await pagefind.createIndex({forceLanguage: 'en'})
  if (!index) throw failure('Pagefind did not start', errors)
  try {
    for (const [shard, positions] of part.positions) {
      const records = await readShard(join(recordsDir, shard))
      // One at a time: Pagefind's service handles one message after another anyway
      // (measured: 1,000 records in 0.9 s in turn, 1.3 s all sent at once).
      for (const position of positions) {
        const record = records[position]!
        const {errors} = await index.addCustomRecord(record)
        if (errors.length > 0) throw failure(`${record.url} (${shard}) was refused`, errors)
      }
    }
    const outputPath = join(siteDir, part.folder)
    const written = await index.writeFiles({outputPath})
    if (written.errors.length > 0)
      throw failure(`Pagefind could not write ${part.path}`, written.errors)
    const unused = main ? UNUSED_FILES : [...UNUSED_FILES, ...MAIN_PART_FILES]
    await Promise.all(unused.map((file) => rm(join(outputPath, file), {force: true})))
  } finally {
    await pagefind.close()
  }
}
