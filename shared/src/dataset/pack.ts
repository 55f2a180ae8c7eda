/**
 * Turns a raw-shape dataset into the folder `sanity dataset import` takes:
 * `data.ndjson` plus `images/`. Raw asset documents name the CDN of the project
 * they came from, which the importer rejects for any other project; so the
 * asset documents are dropped and each image points at its file instead
 * (`_sanityAsset: "image@file://./images/…"`). The importer uploads the files, and
 * because Sanity derives an asset id from the file's SHA-1 and dimensions, the
 * uploaded assets get the same ids the raw file used.
 */
import {copyFile, mkdir, rm, writeFile} from 'node:fs/promises'
import {basename, join} from 'node:path'

import type {SanityDocumentLike} from '../documents.ts'
import {localAssetFile} from './files.ts'
import {loadDataset} from './index.ts'

const isAssetType = (type: string) => /^sanity\.[a-zA-Z]+Asset$/.test(type)

export interface PackResult {
  outDir: string
  documents: number
  images: number
}

function replaceAssetRefs(
  value: unknown,
  assets: Map<string, SanityDocumentLike>,
  used: Set<string>,
): unknown {
  if (Array.isArray(value)) return value.map((item) => replaceAssetRefs(item, assets, used))
  if (!value || typeof value !== 'object') return value
  const object = value as Record<string, unknown>
  const ref = (object.asset as {_ref?: unknown} | undefined)?._ref
  const result: Record<string, unknown> = {}
  for (const [field, child] of Object.entries(object)) {
    if (field === 'asset' && typeof ref === 'string' && assets.has(ref)) continue
    result[field] = replaceAssetRefs(child, assets, used)
  }
  if (typeof ref === 'string' && assets.has(ref)) {
    const asset = assets.get(ref)!
    const fileName = basename(String(asset.path))
    used.add(ref)
    const kind = asset._type === 'sanity.imageAsset' ? 'image' : 'file'
    result._sanityAsset = `${kind}@file://./images/${fileName}`
  }
  return result
}

export async function packForImport(datasetFile: string, outDir: string): Promise<PackResult> {
  const dataset = await loadDataset(datasetFile)
  const assets = new Map(
    dataset.all.filter((doc) => isAssetType(doc._type)).map((doc) => [doc._id, doc]),
  )
  const used = new Set<string>()
  const documents = dataset.all
    .filter((doc) => !isAssetType(doc._type))
    .map((doc) => replaceAssetRefs(doc, assets, used))

  await rm(outDir, {recursive: true, force: true})
  await mkdir(join(outDir, 'images'), {recursive: true})
  for (const id of used) {
    const path = String(assets.get(id)!.path)
    await copyFile(localAssetFile(datasetFile, path), join(outDir, 'images', basename(path)))
  }
  await writeFile(
    join(outDir, 'data.ndjson'),
    documents.map((doc) => JSON.stringify(doc)).join('\n') + '\n',
  )
  return {outDir, documents: documents.length, images: used.size}
}
