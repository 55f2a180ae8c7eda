/**
 * Image URLs for each source: the dataset's files, which the site writes under
 * /images/ (resized to WebP at build time), or Sanity's image CDN through
 * @sanity/image-url, which resizes on request.
 */
import {createImageUrlBuilder} from '@sanity/image-url'

import {localAssetFile} from '../dataset/files.ts'
import {routes} from '../routes.ts'
import type {ImageUrls, LocalImages, ProjectedAsset} from './types.ts'

/** `<sha1>-1600x900-w480.webp` for an asset whose id is `image-<sha1>-1600x900-png`. */
const variantName = (asset: ProjectedAsset, width: number) =>
  `${asset._id.replace(/^image-/, '').replace(/-[a-z0-9]+$/, '')}-w${width}.webp`

export function datasetImages(datasetFile: string): {images: ImageUrls; localImages: LocalImages} {
  const localImages: LocalImages = {
    fileName: (asset, width) =>
      width === undefined ? asset.path.split('/').at(-1)! : variantName(asset, width),
    path: (asset) => localAssetFile(datasetFile, asset.path),
  }
  const images: ImageUrls = {
    scheme: 'dataset files',
    resized: (image, width) => routes.image(localImages.fileName(image.asset, width)),
    original: (asset) => routes.image(localImages.fileName(asset)),
  }
  return {images, localImages}
}

export function cdnImages(project: {projectId: string; dataset: string}): ImageUrls {
  const builder = createImageUrlBuilder(project)
  return {
    scheme: `Sanity image CDN, project ${project.projectId}, dataset ${project.dataset}`,
    resized: (image, width) => builder.image(image).width(width).auto('format').url(),
    original: (asset) => asset.url,
  }
}
