/**
 * A collection from a Content Lake in pages (the *_PAGE_QUERY variants in
 * queries.ts): page after page by `_id`, each page a request of its own (retried
 * on its own by the caller), stitched into the collection query's answer: the
 * first page brings the collection's order as a list of ids, and the rows are
 * put in that order.
 */
import {
  ARTICLES_PAGE_QUERY,
  ARTICLES_QUERY,
  CATEGORIES_PAGE_QUERY,
  CATEGORIES_QUERY,
  CITIES_PAGE_QUERY,
  CITIES_QUERY,
  LISTICLES_PAGE_QUERY,
  LISTICLES_QUERY,
} from '../queries.ts'
import {RequestFailedError} from './retry.ts'
import type {QueryResult} from './types.ts'

export interface PagedCollection {
  /** The paged variant of the collection query. */
  pageQuery: string
  /** What the build log calls it. */
  name: string
}

type RowOf<Query extends string> = QueryResult<Query> extends Array<infer Row> ? Row : never
type PageRowOf<Query extends string> =
  QueryResult<Query> extends {page: Array<infer Row>} ? Row : never
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/**
 * Pairs a collection query with its paged variant. It does not compile unless
 * TypeGen gives the page the very rows of the collection query.
 */
function collection<const Query extends string, const PageQuery extends string>(
  query: Query,
  pageQuery: PageQuery,
  name: string,
  ..._sameRows: Same<RowOf<Query>, PageRowOf<PageQuery>> extends true
    ? []
    : ['the paged query must give the rows of the collection query']
): [string, PagedCollection] {
  return [query, {pageQuery, name}]
}

/** The collection queries a Content Lake answers in pages, by query. */
export const PAGED_COLLECTIONS: ReadonlyMap<string, PagedCollection> = new Map([
  collection(LISTICLES_QUERY, LISTICLES_PAGE_QUERY, 'ranked lists'),
  collection(CITIES_QUERY, CITIES_PAGE_QUERY, 'cities'),
  collection(ARTICLES_QUERY, ARTICLES_PAGE_QUERY, 'articles'),
  collection(CATEGORIES_QUERY, CATEGORIES_PAGE_QUERY, 'categories'),
])

/** One page as a *_PAGE_QUERY answers it. */
export interface Page<Row> {
  /** The collection's ids in its order: on the first page only (empty on the others). */
  order: string[]
  /** Up to a page of rows, by `_id`, after `$lastId`. */
  page: Row[]
}

/**
 * Fetches page after page until every id of the collection's order has come (or a
 * page comes back empty), and returns the rows in the collection's order. A row
 * that was published or deleted between two pages is left out, as one query made
 * at the first page would have.
 */
export async function fetchInPages<Row extends {_id: string}>(
  label: string,
  fetchPage: (lastId: string, pageNumber: number) => Promise<Page<Row>>,
): Promise<{rows: Row[]; pages: number}> {
  let order: string[] = []
  let wanted = new Set<string>()
  const rows = new Map<string, Row>()
  let lastId = ''
  let pages = 0
  for (;;) {
    const {order: ids, page} = await fetchPage(lastId, (pages += 1))
    if (pages === 1) {
      order = ids
      wanted = new Set(ids)
    }
    for (const row of page) if (wanted.has(row._id)) rows.set(row._id, row)
    const next = page.at(-1)?._id
    if (next === undefined || rows.size === wanted.size) break
    // Each page must move on, or a server that ignored $lastId would be asked forever.
    if (next <= lastId) {
      const message = `page ${pages} did not move past "${lastId}" (it ended at "${next}")`
      throw new RequestFailedError(`${label} failed: ${message}`)
    }
    lastId = next
  }
  const inOrder = order.filter((id) => rows.has(id)).map((id) => rows.get(id)!)
  return {rows: inOrder, pages}
}
