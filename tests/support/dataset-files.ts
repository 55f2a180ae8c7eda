import {mkdtemp, readFile, symlink, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {bundledDatasetFile, bundledImagesDir} from './paths'

export type Doc = {_id: string; _type: string; [field: string]: unknown}

export async function readBundledDocuments(): Promise<Doc[]> {
  const text = await readFile(bundledDatasetFile, 'utf8')
  return text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Doc)
}

/**
 * Writes NDJSON text (or raw bytes) to a fresh temporary folder, with the bundled images beside
 * it as in an export, and returns the file's path.
 */
export async function writeTempDataset(
  text: string | Uint8Array,
  name = 'dataset.ndjson',
): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'smart-cities-'))
  const file = join(dir, name)
  await writeFile(file, text)
  await symlink(bundledImagesDir, join(dir, 'images'))
  return file
}

export const toNdjson = (documents: object[]) =>
  documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n'
