import type {APIRoute} from 'astro'

import {siteFeed} from '../lib/feed'
import {jsonFeed} from '../lib/json-feed'
import {loadSiteContent} from '../lib/site-content'

export const GET: APIRoute = async ({site}) => jsonFeed(siteFeed(await loadSiteContent(), site))
