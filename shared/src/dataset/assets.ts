/**
 * Whether an image can be shown: it needs an asset in the dataset that has
 * dimensions, a path, and (when the files beside the dataset are known) its file.
 */
import type {PublicationContext} from './context.ts'
import {isObject} from './paths.ts'
import {label, withArticle} from './wording.ts'

/** An image field or block, as opposed to any other object. */
export const isImage = (value: Record<string, unknown>) =>
  value._type === 'accessibleImage' || value._type === 'image' || 'asset' in value

const positive = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 0

/** Why an image cannot be shown, or undefined when it can. */
export function assetProblem(
  image: Record<string, unknown>,
  context: PublicationContext,
): string | undefined {
  const ref = isObject(image.asset) ? image.asset._ref : undefined
  if (typeof ref !== 'string') return 'the image has no asset (no file was uploaded for it)'
  const asset = context.byId.get(ref)
  const where = `its asset "${ref}"`
  if (!asset) return `${where} is not in the dataset`
  if (asset._type !== 'sanity.imageAsset') {
    return `${where} is ${withArticle(label(asset._type))}, not an image asset`
  }
  const line = context.lineOf.get(ref)
  const dimensions = isObject(asset.metadata) ? asset.metadata.dimensions : undefined
  const {width, height} = isObject(dimensions) ? dimensions : {}
  if (!positive(width) || !positive(height)) {
    return `${where} (line ${line}) has no width and height (metadata.dimensions)`
  }
  if (typeof asset.path !== 'string' || !asset.path) {
    return `${where} (line ${line}) has no file path`
  }
  const fileName = asset.path.split('/').at(-1)!
  if (context.imageFiles && !context.imageFiles.has(fileName)) {
    return `${where} (line ${line}) has no file: images/${fileName} is not beside the dataset file`
  }
  return undefined
}
