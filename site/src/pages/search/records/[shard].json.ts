/**
 * The search records, in shards the build's indexing step (scripts/search-index.ts)
 * feeds to Pagefind and then removes from the output: written by Astro like any
 * page, so they come from the content this build already holds and, with the
 * incremental build, a shard whose records did not change is reused.
 */
import type {APIRoute, GetStaticPaths} from 'astro'
import type {CustomRecord} from 'pagefind'

import {articleRecords, pageRecords, searchableArticles} from '../../../lib/search-records'
import {loadSiteContent, pageCacheKey, type SiteContent} from '../../../lib/site-content'

/** Articles per shard: one shard's JSON stays a few megabytes, whatever the site's size. */
const ARTICLES_PER_SHARD = 1000

interface Shard {
  /** What the shard's records are made from: its cache key. */
  sources: unknown[]
  records: () => CustomRecord[]
}

const shardsByContent = new WeakMap<SiteContent, Map<string, Shard>>()

/**
 * Every shard by its name: the pages, then the articles a thousand at a time. An
 * article shard is keyed by its articles and makes its records only when it is
 * written, so a rebuild turns no unchanged article into text.
 */
function shards(content: SiteContent): Map<string, Shard> {
  let all = shardsByContent.get(content)
  if (all) return all
  const {images} = content.source
  const pages = pageRecords(content)
  all = new Map([['pages', {sources: [pages], records: () => pages}]])
  const articles = searchableArticles(content)
  for (let start = 0; start < articles.length; start += ARTICLES_PER_SHARD) {
    const shard = articles.slice(start, start + ARTICLES_PER_SHARD)
    all.set(`articles-${start / ARTICLES_PER_SHARD + 1}`, {
      sources: [images.scheme, shard],
      records: () => articleRecords(shard, images),
    })
  }
  shardsByContent.set(content, all)
  return all
}

export const getStaticPaths = (async () =>
  [...shards(await loadSiteContent())].map(([shard, {sources}]) => ({
    params: {shard},
    cacheKey: pageCacheKey(...sources),
  }))) satisfies GetStaticPaths

// The shard is found from the route parameter, as every page finds its content (lib/pages.ts).
export const GET: APIRoute = async ({params, locals}) => {
  const shard = params.shard && shards(await loadSiteContent(locals)).get(params.shard)
  return shard ? Response.json(shard.records()) : new Response(null, {status: 404})
}
