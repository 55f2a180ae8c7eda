/**
 * Makes small illustration files and the `sanity.imageAsset` documents that
 * describe them, in the shape the Content Lake stores: the id is derived from
 * the file's SHA-1 and dimensions, exactly as Sanity derives it on upload.
 */
import {createHash} from 'node:crypto'
import {mkdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import sharp from 'sharp'

export const BUNDLED_PROJECT_ID = 'bundled'
export const BUNDLED_DATASET = 'production'

export interface ImageAssetDocument {
  _id: string
  _type: 'sanity.imageAsset'
  assetId: string
  extension: string
  mimeType: string
  originalFilename: string
  path: string
  sha1hash: string
  size: number
  url: string
  metadata: {
    _type: 'sanity.imageMetadata'
    dimensions: {
      _type: 'sanity.imageDimensions'
      width: number
      height: number
      aspectRatio: number
    }
    hasAlpha: boolean
    isOpaque: boolean
    lqip: string
  }
}

/** A seeded pseudo-random sequence, so each illustration is reproducible. */
function random(seed: string): () => number {
  let state = createHash('sha1').update(seed).digest().readUInt32LE(0) || 1
  return () => {
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return ((state >>> 0) % 10_000) / 10_000
  }
}

export interface Palette {
  sky: [string, string]
  towers: string
  accent: string
}

/** An abstract skyline: a gradient sky, a sun, and rows of rectangular towers. */
export function skylineSvg(seed: string, palette: Palette, width = 1600, height = 900): string {
  const next = random(seed)
  const towers: string[] = []
  for (const [row, opacity] of [
    [0, 0.55],
    [1, 1],
  ] as const) {
    let x = -20
    while (x < width) {
      const w = 60 + Math.round(next() * 120)
      const h = Math.round(height * (0.18 + next() * (row === 0 ? 0.5 : 0.38)))
      towers.push(
        `<rect x="${x}" y="${height - h}" width="${w}" height="${h}" fill="${palette.towers}" fill-opacity="${opacity}"/>`,
      )
      x += w + Math.round(next() * 18)
    }
  }
  const sunX = Math.round(width * (0.15 + next() * 0.7))
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">
<defs><linearGradient id="sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="${palette.sky[0]}"/><stop offset="1" stop-color="${palette.sky[1]}"/></linearGradient></defs>
<rect width="${width}" height="${height}" fill="url(#sky)"/>
<circle cx="${sunX}" cy="${Math.round(height * 0.3)}" r="${Math.round(height * 0.11)}" fill="${palette.accent}"/>
${towers.join('\n')}
</svg>`
}

/** Renders the SVG to PNG in `imagesDir` and returns its asset document. */
export async function makeImageAsset(
  imagesDir: string,
  originalFilename: string,
  svg: string,
): Promise<ImageAssetDocument> {
  const png = await sharp(Buffer.from(svg)).png({palette: true, compressionLevel: 9}).toBuffer()
  const {width = 0, height = 0, hasAlpha = false} = await sharp(png).metadata()
  const lqip = await sharp(png).resize(20).png().toBuffer()
  const sha1hash = createHash('sha1').update(png).digest('hex')
  const fileName = `${sha1hash}-${width}x${height}.png`
  await mkdir(imagesDir, {recursive: true})
  await writeFile(join(imagesDir, fileName), png)
  const path = `images/${BUNDLED_PROJECT_ID}/${BUNDLED_DATASET}/${fileName}`
  return {
    _id: `image-${sha1hash}-${width}x${height}-png`,
    _type: 'sanity.imageAsset',
    assetId: sha1hash,
    extension: 'png',
    mimeType: 'image/png',
    originalFilename,
    path,
    sha1hash,
    size: png.length,
    url: `https://cdn.sanity.io/${path}`,
    metadata: {
      _type: 'sanity.imageMetadata',
      dimensions: {
        _type: 'sanity.imageDimensions',
        width,
        height,
        aspectRatio: width / height,
      },
      hasAlpha,
      isOpaque: !hasAlpha,
      lqip: `data:image/png;base64,${lqip.toString('base64')}`,
    },
  }
}

export function imageField(
  asset: ImageAssetDocument,
  alt: string,
  extra: {caption?: string; credit?: string} = {},
) {
  return {
    _type: 'accessibleImage' as const,
    asset: {_type: 'reference' as const, _ref: asset._id},
    alt,
    ...extra,
  }
}
