import {routes} from '@smart-cities/shared/routes'
import type {APIRoute, GetStaticPaths} from 'astro'

import {buildFeed} from '../../../lib/feed'
import {loadSiteContent, type Category} from '../../../lib/site-content'

export const getStaticPaths = (async () => {
  const {categories} = await loadSiteContent()
  return categories.map((category) => ({params: {slug: category.slug}, props: {category}}))
}) satisfies GetStaticPaths

export const GET: APIRoute<{category: Category}> = async ({props: {category}, site}) => {
  const content = await loadSiteContent()
  return buildFeed({
    content,
    site,
    title: `${content.settings.title}: ${category.title}`,
    description: category.description ?? `${category.title} from ${content.settings.title}.`,
    selfPath: routes.categoryFeed(category.slug),
    articles: content.articlesByCategory.get(category._id) ?? [],
    listicles: content.listiclesByCategory.get(category._id) ?? [],
  })
}
