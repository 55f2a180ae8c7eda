/**
 * The search records, in shards the build's indexing step (scripts/search-index.ts)
 * feeds to Pagefind and then removes from the output: written by Astro like any
 * page, so they come from the content this build already holds and, with the
 * incremental build, a shard whose records did not change is reused.
 */
import type {APIRoute, GetStaticPaths} from 'astro'
import type {CustomRecord} from 'pagefind'

import {searchRecords} from '../../../lib/search-records'
import {loadSiteContent, pageCacheKey} from '../../../lib/site-content'

/** Articles per shard: one shard's JSON stays a few megabytes, whatever the site's size. */
const ARTICLES_PER_SHARD = 1000

export const getStaticPaths = (async () => {
  const {articles, pages} = searchRecords(await loadSiteContent())
  const shards = [{shard: 'pages', records: pages}]
  for (let start = 0; start < articles.length; start += ARTICLES_PER_SHARD) {
    const number = start / ARTICLES_PER_SHARD + 1
    shards.push({
      shard: `articles-${number}`,
      records: articles.slice(start, start + ARTICLES_PER_SHARD),
    })
  }
  return shards.map(({shard, records}) => ({
    params: {shard},
    props: {records},
    cacheKey: pageCacheKey(records),
  }))
}) satisfies GetStaticPaths

export const GET: APIRoute<{records: CustomRecord[]}> = ({props: {records}}) =>
  Response.json(records)
