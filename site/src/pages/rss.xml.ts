import type {APIRoute} from 'astro'

import {buildFeed} from '../lib/feed'
import {loadSiteContent} from '../lib/site-content'

export const GET: APIRoute = async ({site}) => {
  const content = await loadSiteContent()
  return buildFeed({
    content,
    site,
    title: content.settings.title,
    description: content.settings.tagline,
    selfPath: '/rss.xml',
    articles: content.articles,
    listicles: content.listicles,
  })
}
