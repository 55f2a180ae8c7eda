/**
 * The search records, in shards the build's indexing step (scripts/search-index.ts)
 * feeds to Pagefind and then removes from the output: written by Astro like any
 * page, so they come from the content this build already holds and, with the
 * incremental build, a shard whose records did not change is reused.
 */
import type {APIRoute, GetStaticPaths} from 'astro'
import type {CustomRecord} from 'pagefind'

import {searchRecords} from '../../../lib/search-records'
import {loadSiteContent, pageCacheKey, type SiteContent} from '../../../lib/site-content'

/** Articles per shard: one shard's JSON stays a few megabytes, whatever the site's size. */
const ARTICLES_PER_SHARD = 1000

/** Made once per content (a build's, or one preview request's), not once per shard. */
const shardsOf = new WeakMap<SiteContent, Map<string, CustomRecord[]>>()

/** Every shard by its name: the pages, then the articles a thousand at a time. */
function shards(content: SiteContent): Map<string, CustomRecord[]> {
  const made = shardsOf.get(content)
  if (made) return made
  const {articles, pages} = searchRecords(content)
  const all = new Map([['pages', pages]])
  for (let start = 0; start < articles.length; start += ARTICLES_PER_SHARD)
    all.set(
      `articles-${start / ARTICLES_PER_SHARD + 1}`,
      articles.slice(start, start + ARTICLES_PER_SHARD),
    )
  shardsOf.set(content, all)
  return all
}

export const getStaticPaths = (async () =>
  [...shards(await loadSiteContent())].map(([shard, records]) => ({
    params: {shard},
    cacheKey: pageCacheKey(records),
  }))) satisfies GetStaticPaths

// The shard is found from the route parameter, as every page finds its content (lib/pages.ts).
export const GET: APIRoute = async ({params, locals}) => {
  const records = params.shard && shards(await loadSiteContent(locals)).get(params.shard)
  return records ? Response.json(records) : new Response(null, {status: 404})
}
