/**
 * Answers the shared GROQ queries from an NDJSON dataset with groq-js, the
 * reference implementation of GROQ. Only published documents are visible.
 */
import {evaluate, parse, type DereferenceFunction} from 'groq-js'

import {loadDataset} from '../dataset/index.ts'
import {datasetImages} from './images.ts'
import type {ContentSource, QueryParams, QueryResult} from './types.ts'

type ParsedQuery = ReturnType<typeof parse>

// Parsing a query costs more than evaluating it against a small dataset; parse each once.
const parsedQueries = new Map<string, ParsedQuery>()

function parseOnce(query: string): ParsedQuery {
  let tree = parsedQueries.get(query)
  if (!tree) {
    tree = parse(query)
    parsedQueries.set(query, tree)
  }
  return tree
}

export function createDatasetSource(file: string): ContentSource {
  return {
    description: `dataset file ${file}`,
    ...datasetImages(file),
    async fetch<const Query extends string>(query: Query, params: QueryParams = {}) {
      const dataset = await loadDataset(file)
      // `->` looks documents up by id in a map instead of scanning the dataset.
      const dereference: DereferenceFunction = ({_ref}) => dataset.byId.get(_ref) ?? null
      const value = await evaluate(parseOnce(query), {
        dataset: dataset.published,
        params,
        dereference,
      })
      return (await value.get()) as QueryResult<Query>
    },
  }
}
