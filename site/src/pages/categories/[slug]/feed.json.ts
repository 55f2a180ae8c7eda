import type {APIRoute, GetStaticPaths} from 'astro'

import {categoryFeed} from '../../../lib/feed'
import {jsonFeed} from '../../../lib/json-feed'
import {loadSiteContent, type Category} from '../../../lib/site-content'

export const getStaticPaths = (async () => {
  const {categories} = await loadSiteContent()
  return categories.map((category) => ({params: {slug: category.slug}, props: {category}}))
}) satisfies GetStaticPaths

export const GET: APIRoute<{category: Category}> = async ({props: {category}, site}) =>
  jsonFeed(categoryFeed(await loadSiteContent(), site, category))
