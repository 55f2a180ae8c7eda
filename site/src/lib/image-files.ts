/**
 * The dataset's images as files of the site: each original as it is (feeds link
 * it as an enclosure) and WebP variants at the srcset widths, resized at build
 * time. With a Sanity project, images come from Sanity's CDN and nothing is
 * written here.
 *
 * One route per file extension (pages/images/[name].webp.ts, …): Astro serves an
 * endpoint whose pattern ends in an extension without a trailing slash, in
 * `astro dev` as in the build.
 */
import {readFile} from 'node:fs/promises'

import type {ProjectedAsset} from '@smart-cities/shared/content'
import {ReportableError} from '@smart-cities/shared/reportable-error'
import type {APIRoute, GetStaticPaths} from 'astro'
import sharp from 'sharp'

import {widthsFor} from './images'
import {loadSiteContent} from './site-content'

/** Every image asset the content uses, once, found by walking the query results. */
function collectAssets(value: unknown, found: Map<string, ProjectedAsset>): void {
  if (Array.isArray(value)) {
    for (const item of value) collectAssets(item, found)
  } else if (value && typeof value === 'object') {
    const asset = (value as {asset?: ProjectedAsset | null}).asset
    if (asset && typeof asset._id === 'string' && typeof asset.path === 'string')
      found.set(asset._id, asset)
    for (const child of Object.values(value)) collectAssets(child, found)
  }
}

type Props = {asset: ProjectedAsset; width?: number}
type Extension = 'webp' | 'png' | 'jpg'

const withoutExtension = (file: string) => file.slice(0, file.lastIndexOf('.'))

/** getStaticPaths for the files of one extension: originals, and for WebP the variants. */
export function imageFilePaths(extension: Extension): GetStaticPaths {
  return async () => {
    const {source, listicles, articles, cities} = await loadSiteContent()
    const local = source.localImages
    if (!local) return []
    const assets = new Map<string, ProjectedAsset>()
    collectAssets([listicles, articles, cities], assets)
    // An asset's id is derived from its file's hash, so the id and the width key the output.
    return [...assets.values()].flatMap((asset) => {
      const original = local.fileName(asset)
      const files = original.endsWith(`.${extension}`)
        ? [{params: {name: withoutExtension(original)}, props: {asset}, cacheKey: asset._id}]
        : []
      if (extension !== 'webp') return files
      const variants = widthsFor(asset).map((width) => ({
        params: {name: withoutExtension(local.fileName(asset, width))},
        props: {asset, width},
        cacheKey: `${asset._id}@${width}`,
      }))
      return [...files, ...variants]
    })
  }
}

export const GET: APIRoute<Props> = async ({props: {asset, width}}) => {
  const {source} = await loadSiteContent()
  const file = source.localImages!.path(asset)
  const failed = (what: string, error: unknown) =>
    new ReportableError(
      `Image asset "${asset._id}": its file ${file} ${what} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}). ` +
        'Replace it with the file the asset describes, from the export it came from.',
    )
  const original = await readFile(file).catch((error: unknown) => {
    throw failed('cannot be read', error)
  })
  if (!width)
    return new Response(new Uint8Array(original), {headers: {'Content-Type': asset.mimeType}})
  const resized = await sharp(original)
    .resize({width})
    .webp({quality: 78})
    .toBuffer()
    .catch((error: unknown) => {
      throw failed('is not an image sharp can read', error)
    })
  return new Response(new Uint8Array(resized), {headers: {'Content-Type': 'image/webp'}})
}
