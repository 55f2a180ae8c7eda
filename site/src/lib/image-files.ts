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
import {loadSiteContent, type SiteContent} from './site-content'

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

type ImageFile = {asset: ProjectedAsset; width?: number}
type Extension = 'webp' | 'png' | 'jpg'

const withoutExtension = (file: string) => file.slice(0, file.lastIndexOf('.'))

const filesByContent = new WeakMap<SiteContent, Map<string, ImageFile>>()

/**
 * Every file the content's images need, by name without its extension: each
 * original, and the WebP variants at the srcset widths. None for a Content Lake.
 */
function imageFiles(content: SiteContent): Map<string, ImageFile> {
  let files = filesByContent.get(content)
  if (files) return files
  files = new Map()
  filesByContent.set(content, files)
  const local = content.source.localImages
  if (!local) return files
  const assets = new Map<string, ProjectedAsset>()
  collectAssets([content.listicles, content.articles, content.cities], assets)
  for (const asset of assets.values()) {
    files.set(local.fileName(asset), {asset})
    for (const width of widthsFor(asset)) files.set(local.fileName(asset, width), {asset, width})
  }
  return files
}

/** The file a route of this extension serves under `name`, if the content has one. */
function imageFile(content: SiteContent, extension: Extension, name: string | undefined) {
  return name === undefined ? undefined : imageFiles(content).get(`${name}.${extension}`)
}

/** getStaticPaths for the files of one extension: originals, and for WebP the variants. */
export function imageFilePaths(extension: Extension): GetStaticPaths {
  return async () => {
    const files = imageFiles(await loadSiteContent())
    // An asset's id is derived from its file's hash, so the id and the width key the output.
    return [...files]
      .filter(([name]) => name.endsWith(`.${extension}`))
      .map(([name, {asset, width}]) => ({
        params: {name: withoutExtension(name)},
        cacheKey: width === undefined ? asset._id : `${asset._id}@${width}`,
      }))
  }
}

/** The route's response: the original file as it is, or a variant resized to WebP. */
export function imageFileRoute(extension: Extension): APIRoute {
  return async ({params, locals}) => {
    const content = await loadSiteContent(locals)
    const file = imageFile(content, extension, params.name)
    if (!file) return new Response(null, {status: 404})
    return imageResponse(content, file)
  }
}

async function imageResponse({source}: SiteContent, {asset, width}: ImageFile): Promise<Response> {
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
