import {imageFilePaths, imageFileRoute} from '../../lib/image-files'

export const getStaticPaths = imageFilePaths('webp')
export const GET = imageFileRoute('webp')
