/**
 * The bundled dataset's images as files of the site: each original as it is
 * (feeds link it as an enclosure) and WebP variants at the srcset widths,
 * resized at build time. With a Sanity project, images come from Sanity's CDN
 * and nothing is written here.
 *
 * One route per file extension (pages/images/[name].webp.ts, …): Astro serves an
 * endpoint whose pattern ends in an extension without a trailing slash, in
 * `astro dev` as in the build.
 */
import {readFile} from 'node:fs/promises'

import type {APIRoute, GetStaticPaths} from 'astro'
import sharp from 'sharp'

import {localVariantName, widthsFor, type ImageAsset} from './images'
import {loadSiteContent} from './site-content'

/** Every image asset the content uses, once, found by walking the query results. */
function collectAssets(value: unknown, found: Map<string, ImageAsset>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectAssets(item, found)
  } else if (value && typeof value === 'object') {
    const asset = (value as {asset?: ImageAsset | null}).asset
    if (asset && typeof asset._id === 'string' && typeof asset.path === 'string')
      found.set(asset._id, asset)
    for (const child of Object.values(value)) collectAssets(child, found)
  }
}

type Props = {asset: ImageAsset; width?: number}
type Extension = 'webp' | 'png' | 'jpg'

const splitName = (file: string) => {
  const dot = file.lastIndexOf('.')
  return {name: file.slice(0, dot), extension: file.slice(dot + 1)}
}

/** getStaticPaths for the files of one extension: originals, and for WebP the variants. */
export function imageFilePaths(extension: Extension): GetStaticPaths {
  return async () => {
    const {source, listicles, articles, cities} = await loadSiteContent()
    if (source.kind !== 'dataset') return []
    const assets = new Map<string, ImageAsset>()
    collectAssets([listicles, articles, cities], assets)
    // An asset's id is derived from its file's hash, so the id and the width key the output.
    return [...assets.values()].flatMap((asset) => {
      const original = splitName(asset.path.split('/').at(-1)!)
      const files =
        original.extension === extension
          ? [{params: {name: original.name}, props: {asset}, cacheKey: asset._id}]
          : []
      if (extension !== 'webp') return files
      return [
        ...files,
        ...widthsFor(asset).map((width) => ({
          params: {name: splitName(localVariantName(asset, width)).name},
          props: {asset, width},
          cacheKey: `${asset._id}@${width}`,
        })),
      ]
    })
  }
}

export const GET: APIRoute<Props> = async ({props: {asset, width}}) => {
  const {source} = await loadSiteContent()
  const file = source.localImageFile!(asset)
  const original = await readFile(file).catch((error: NodeJS.ErrnoException) => {
    throw new Error(
      `Image asset "${asset._id}": its file ${file} cannot be read (${error.code ?? error.message}). ` +
        'Images belong in images/ beside the dataset file.',
    )
  })
  const body = width
    ? await sharp(original).resize({width}).webp({quality: 78}).toBuffer()
    : original
  return new Response(new Uint8Array(body), {
    headers: {'Content-Type': width ? 'image/webp' : 'image/png'},
  })
}
