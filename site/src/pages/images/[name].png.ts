import {imageFilePaths, imageFileRoute} from '../../lib/image-files'

export const getStaticPaths = imageFilePaths('png')
export const GET = imageFileRoute('png')
