import {siteFeedRoute} from '../lib/feed'
import {jsonFeed} from '../lib/json-feed'

export const GET = siteFeedRoute(jsonFeed)
