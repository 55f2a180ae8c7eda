import {siteFeedRoute} from '../lib/feed'
import {rssFeed} from '../lib/rss'

export const GET = siteFeedRoute(rssFeed)
