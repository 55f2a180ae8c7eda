import {GET, imageFilePaths} from '../../lib/image-files'

export const getStaticPaths = imageFilePaths('webp')
export {GET}
