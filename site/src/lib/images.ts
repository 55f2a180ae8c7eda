/**
 * Responsive images: src, srcset and dimensions for an image from the shared
 * queries. The content source says where the files are (the dataset's files,
 * resized at build time, or Sanity's image CDN); this module only picks widths.
 */
import {stegaClean} from './stega'
import type {ImageUrls, ProjectedAsset, ProjectedImage} from '@smart-cities/shared/content'

/** Widths offered in srcset; no width larger than the original is offered. */
export const IMAGE_WIDTHS = [320, 480, 800, 1200, 1600] as const

export interface ResolvedImage {
  src: string
  srcset: string
  width: number
  height: number
  alt: string
}

export function widthsFor(asset: ProjectedAsset): number[] {
  const original = asset.width ?? IMAGE_WIDTHS[0]
  const widths: number[] = IMAGE_WIDTHS.filter((width) => width < original)
  return [...widths, Math.min(original, IMAGE_WIDTHS.at(-1)!)]
}

export interface ImageOptions {
  /** The width of the fallback `src`, for browsers without srcset. */
  maxWidth?: number
  /** The widest candidate worth offering: a thumbnail never needs 1600 px. */
  largest?: number
}

/**
 * src, srcset, width and height for an image, or undefined when it has no usable
 * asset (an image without a file is skipped rather than rendered broken).
 */
export function resolveImage(
  image: ProjectedImage | null | undefined,
  images: ImageUrls,
  {maxWidth = 1200, largest = Number.POSITIVE_INFINITY}: ImageOptions = {},
): ResolvedImage | undefined {
  const asset = image?.asset
  if (!image || !asset?.width || !asset.height) return undefined
  const all = widthsFor(asset)
  const widths = all.filter((width) => width <= largest)
  if (widths.length === 0) widths.push(all[0]!)
  const fallbackWidth = widths.filter((width) => width <= maxWidth).at(-1) ?? widths[0]!
  const url = (width: number) => images.resized({...image, asset}, width)
  return {
    src: url(fallbackWidth),
    srcset: widths.map((width) => `${url(width)} ${width}w`).join(', '),
    width: asset.width,
    height: asset.height,
    // An attribute: never the preview's stega (the content source does not encode alt text either).
    alt: stegaClean(image.alt ?? ''),
  }
}
