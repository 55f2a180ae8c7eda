/**
 * The bundled dataset's images, resized at build time into WebP variants
 * (the srcset widths) plus the original file (for feeds' enclosures).
 * With a Sanity project, images come from Sanity's CDN and nothing is built here.
 */
import {readFile} from 'node:fs/promises'

import type {APIRoute, GetStaticPaths} from 'astro'
import sharp from 'sharp'

import {localVariantName, widthsFor, type ImageAsset} from '../../lib/images'
import {loadSiteContent} from '../../lib/site-content'

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

export const getStaticPaths = (async () => {
  const {source, listicles, articles, cities} = await loadSiteContent()
  if (source.kind !== 'dataset') return []
  const assets = new Map<string, ImageAsset>()
  collectAssets([listicles, articles, cities], assets)
  // An asset's id is derived from its file's hash, so the id and the width key the output.
  return [...assets.values()].flatMap((asset) => [
    {params: {file: asset.path.split('/').at(-1)!}, props: {asset}, cacheKey: asset._id},
    ...widthsFor(asset).map((width) => ({
      params: {file: localVariantName(asset, width)},
      props: {asset, width},
      cacheKey: `${asset._id}@${width}`,
    })),
  ])
}) satisfies GetStaticPaths

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
