/**
 * Responsive images from one description, two sources: the bundled image files
 * (resized at build time into /images/, see pages/images/[variant].ts) or
 * Sanity's image CDN through @sanity/image-url when content comes from a project.
 */
import {createImageUrlBuilder} from '@sanity/image-url'

export interface ImageAsset {
  _id: string
  url: string
  path: string
  width: number | null
  height: number | null
}

export interface SiteImage {
  alt: string | null
  caption?: string | null
  credit?: string | null
  hotspot?: unknown
  crop?: unknown
  asset: ImageAsset | null
}

/** The original file: served as is from /images/ in dataset mode, from Sanity's CDN otherwise. */
export function originalImageUrl(asset: Pick<ImageAsset, 'url' | 'path'>, mode: Mode): string {
  return mode === 'dataset' ? `/images/${asset.path.split('/').at(-1)!}` : asset.url
}

/** Widths offered in srcset; no width larger than the original is offered. */
export const IMAGE_WIDTHS = [480, 800, 1200, 1600] as const

export interface ResolvedImage {
  src: string
  srcset: string
  width: number
  height: number
  alt: string
}

type Mode = 'dataset' | 'content-lake'

/** The bundled dataset's file name for one width of an asset. */
export const localVariantName = (asset: ImageAsset, width: number) =>
  `${asset._id.replace(/^image-/, '').replace(/-[a-z0-9]+$/, '')}-w${width}.webp`

export function widthsFor(asset: ImageAsset): number[] {
  const original = asset.width ?? IMAGE_WIDTHS[0]
  const widths: number[] = IMAGE_WIDTHS.filter((width) => width < original)
  return [...widths, Math.min(original, IMAGE_WIDTHS.at(-1)!)]
}

function contentLakeBuilder() {
  const projectId = process.env.SANITY_PROJECT_ID
  const dataset = process.env.SANITY_DATASET ?? 'production'
  if (!projectId) throw new Error('SANITY_PROJECT_ID is required to build Sanity image URLs.')
  return createImageUrlBuilder({projectId, dataset})
}

/**
 * src, srcset, width and height for an image, or undefined when it has no usable
 * asset (an image without a file is skipped rather than rendered broken).
 */
export function resolveImage(
  image: SiteImage | null | undefined,
  mode: Mode,
  maxWidth = 1200,
): ResolvedImage | undefined {
  const asset = image?.asset
  if (!image || !asset?.width || !asset.height) return undefined
  const widths = widthsFor(asset)
  const fallbackWidth = widths.filter((width) => width <= maxWidth).at(-1) ?? widths[0]!
  const url = (width: number) =>
    mode === 'dataset'
      ? `/images/${localVariantName(asset, width)}`
      : contentLakeBuilder()
          .image(image as never)
          .width(width)
          .auto('format')
          .url()
  return {
    src: url(fallbackWidth),
    srcset: widths.map((width) => `${url(width)} ${width}w`).join(', '),
    width: asset.width,
    height: asset.height,
    alt: image.alt ?? '',
  }
}
