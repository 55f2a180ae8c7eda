import type {APIRoute} from 'astro'

import {siteFeed} from '../lib/feed'
import {rssFeed} from '../lib/rss'
import {loadSiteContent} from '../lib/site-content'

export const GET: APIRoute = async ({site}) => rssFeed(siteFeed(await loadSiteContent(), site))
