import type {APIRoute} from 'astro'

import {categoryFeed} from '../../../lib/feed'
import {jsonFeed} from '../../../lib/json-feed'
import {loadSiteContent, type Category} from '../../../lib/site-content'

export {categoryFeedPaths as getStaticPaths} from '../../../lib/feed'

export const GET: APIRoute<{category: Category}> = async ({props: {category}, site}) =>
  jsonFeed(categoryFeed(await loadSiteContent(), site, category))
