import {categoryFeedRoute} from '../../../lib/feed'
import {rssFeed} from '../../../lib/rss'

export {categoryFeedPaths as getStaticPaths} from '../../../lib/feed'
export const GET = categoryFeedRoute(rssFeed)
