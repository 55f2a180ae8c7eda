/**
 * Times what the site's build does before rendering anything: read and parse
 * the dataset file, then answer the five bulk queries, in a fresh process
 * (the same functions site/src/lib/site-content.ts calls). Prints JSON.
 *
 *   node benchmarks/support/content-cost.ts DATASET_FILE
 */
import {performance} from 'node:perf_hooks'

import {createDatasetSource} from '../../shared/src/content/index.ts'
import {
  ARTICLES_QUERY,
  CATEGORIES_QUERY,
  CITIES_QUERY,
  LISTICLES_QUERY,
  SITE_SETTINGS_QUERY,
} from '../../shared/src/queries.ts'

const file = process.argv[2]
if (!file) throw new Error('usage: node benchmarks/support/content-cost.ts DATASET_FILE')

const start = performance.now()
const source = createDatasetSource(file)
await source.fetch(SITE_SETTINGS_QUERY) // reads and parses the file once
const parsed = performance.now()
await Promise.all([
  source.fetch(LISTICLES_QUERY),
  source.fetch(ARTICLES_QUERY),
  source.fetch(CATEGORIES_QUERY),
  source.fetch(CITIES_QUERY),
])
const queried = performance.now()
console.log(
  JSON.stringify({readMs: parsed - start, queryMs: queried - parsed, totalMs: queried - start}),
)
