import {imageFilePaths, imageFileRoute} from '../../lib/image-files'

export const getStaticPaths = imageFilePaths('jpg')
export const GET = imageFileRoute('jpg')
