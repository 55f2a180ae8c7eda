/**
 * Site search's index, written by Pagefind's Node API into a freshly built site
 * (scripts/build.ts calls it on the staging folder, before the swap): the records
 * the build wrote to /search/records/ (src/pages/search/records/) are fed to
 * Pagefind as custom records, one shard at a time, and removed once indexed.
 * Any problem throws, and the build keeps the site it had.
 */
import {readdir, readFile, rm, stat} from 'node:fs/promises'
import {join} from 'node:path'

import {isReportable, ReportableError} from '@smart-cities/shared/reportable-error'
import * as pagefind from 'pagefind'
import type {CustomRecord} from 'pagefind'

/** Where the build writes the records, and where the index goes, inside the site. */
export const RECORDS_DIR = join('search', 'records')
export const INDEX_DIR = 'pagefind'

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

export interface SearchIndexSummary {
  records: number
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

export async function writeSearchIndex(siteDir: string): Promise<SearchIndexSummary> {
  const watch = pagefindFallsSilent()
  try {
    return await Promise.race([indexRecords(siteDir), watch.silence])
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

async function indexRecords(siteDir: string): Promise<SearchIndexSummary> {
  const recordsDir = join(siteDir, RECORDS_DIR)
  const shards = (await readdir(recordsDir).catch(() => []))
    .filter((name) => name.endsWith('.json'))
    .sort((a, b) => shardNumber(a) - shardNumber(b))
  if (shards.length === 0) {
    throw new ReportableError(`Search index: the build wrote no records to ${recordsDir}.`)
  }
  const {index, errors} = await pagefind.createIndex({forceLanguage: 'en'})
  if (!index) throw failure('Pagefind did not start', errors)
  try {
    let count = 0
    for (const shard of shards) {
      // One at a time: Pagefind's service handles one message after another anyway
      // (measured: 1,000 records in 0.9 s in turn, 1.3 s all sent at once).
      for (const record of await readShard(join(recordsDir, shard))) {
        const {errors} = await index.addCustomRecord(record)
        if (errors.length > 0) throw failure(`${record.url} (${shard}) was refused`, errors)
        count += 1
      }
    }
    const outputPath = join(siteDir, INDEX_DIR)
    const written = await index.writeFiles({outputPath})
    if (written.errors.length > 0)
      throw failure('Pagefind could not write the index', written.errors)
    await Promise.all(UNUSED_FILES.map((file) => rm(join(outputPath, file), {force: true})))
    await rm(recordsDir, {recursive: true})
    return {records: count, ...(await folderSize(outputPath))}
  } finally {
    await pagefind.close()
  }
}
