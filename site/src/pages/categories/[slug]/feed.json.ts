import {categoryFeedRoute} from '../../../lib/feed'
import {jsonFeed} from '../../../lib/json-feed'

export {categoryFeedPaths as getStaticPaths} from '../../../lib/feed'
export const GET = categoryFeedRoute(jsonFeed)
