/**
 * The bundled dataset must import into a real project with `sanity dataset import`.
 * The packed folder is what the README tells editors to import.
 */
import {createHash} from 'node:crypto'
import {mkdtemp, readFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {packForImport} from '@smart-cities/shared/dataset/pack'
import {beforeAll, describe, expect, test} from 'vitest'

import {readBundledDocuments} from '../support/dataset-files'
import {bundledDatasetFile} from '../support/paths'

type Doc = {_id: string; _type: string; [field: string]: unknown}
let outDir: string
let packed: Doc[]

beforeAll(async () => {
  outDir = join(await mkdtemp(join(tmpdir(), 'smart-cities-import-')), 'dataset-import')
  await packForImport(bundledDatasetFile, outDir)
  packed = (await readFile(join(outDir, 'data.ndjson'), 'utf8'))
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Doc)
})

function findImages(value: unknown, found: Array<Record<string, unknown>> = []) {
  if (Array.isArray(value)) value.forEach((item) => findImages(item, found))
  else if (value && typeof value === 'object') {
    const object = value as Record<string, unknown>
    if (object._type === 'accessibleImage') found.push(object)
    Object.values(object).forEach((child) => findImages(child, found))
  }
  return found
}

describe('the folder for `sanity dataset import`', () => {
  test('keeps every content document, drafts included, and drops the raw asset documents', async () => {
    const original = await readBundledDocuments()
    const content = original.filter((doc) => doc._type !== 'sanity.imageAsset')
    expect(packed.map((doc) => doc._id)).toEqual(content.map((doc) => doc._id))
    expect(packed.some((doc) => doc._type.startsWith('sanity.'))).toBe(false)
  })

  test('every image points at a file in images/ whose hash gives the original asset id', async () => {
    const original = await readBundledDocuments()
    const originalImages = findImages(original.filter((doc) => doc._type !== 'sanity.imageAsset'))
    const images = findImages(packed)
    expect(images).toHaveLength(originalImages.length)
    for (const [index, image] of images.entries()) {
      expect(image.asset).toBeUndefined()
      const match = /^image@file:\/\/\.\/images\/([0-9a-f]{40})-(\d+)x(\d+)\.png$/.exec(
        String(image._sanityAsset),
      )
      expect(match, String(image._sanityAsset)).not.toBeNull()
      const [, sha1, width, height] = match!
      const bytes = await readFile(join(outDir, 'images', `${sha1}-${width}x${height}.png`))
      expect(createHash('sha1').update(bytes).digest('hex')).toBe(sha1)
      // Sanity names an uploaded asset image-<sha1>-<w>x<h>-<ext>: the same id as before.
      expect((originalImages[index]!.asset as {_ref: string})._ref).toBe(
        `image-${sha1}-${width}x${height}-png`,
      )
      expect(image.alt).toBe(originalImages[index]!.alt)
    }
  })
})
