import {GET, imageFilePaths} from '../../lib/image-files'

export const getStaticPaths = imageFilePaths('jpg')
export {GET}
