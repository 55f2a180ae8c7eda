/**
 * A local stand-in for Sanity's query API, for the real @sanity/client to talk
 * to: GET and POST /v{apiVersion}/data/query/{dataset}, answered by groq-js over
 * a fixture dataset, honouring $params and the perspective (published hides
 * drafts.* and versions.*; drafts overlays drafts; a release stack such as
 * "rSummer,drafts" overlays that release's versions on the drafts; everything
 * but published needs the token), with a Content Source Map when asked for one
 * (source-map.ts). Replies {query, result, ms}.
 *
 * POST /v{apiVersion}/data/mutate/{dataset} (with the token) applies create,
 * createOrReplace, createIfNotExists, patch (set) and delete (by id or query),
 * which is what the studio's Presentation tool does to store a preview secret
 * (@sanity/preview-url-secret). Faults can be queued per request or made permanent.
 * Each request is recorded with its $params, so that tests can tell pages apart.
 */
import {randomUUID} from 'node:crypto'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

import {evaluate, parse} from 'groq-js'

import {contentSourceMap} from './source-map'

type Doc = {_id: string; [field: string]: unknown}

export type Fault =
  | {kind: 'status'; status: number; retryAfter?: string}
  | {kind: 'hang'}
  | {kind: 'malformed'}
  | {kind: 'reset'}

export interface QueryServer {
  url: string
  /** Requests received, in order: method, path, the perspective and $params asked for, and when (performance.now()). */
  requests: Array<{
    method: string
    path: string
    perspective: string
    params: Record<string, unknown>
    at: number
  }>
  /** Every document, as stored now (mutations included). */
  documents(): Doc[]
  /** Stores a document as it is (replacing one with its id), as if written through the API. */
  put(document: Doc): void
  /** Faults for the next requests, one each; `undefined` lets its request through. */
  queueFaults(...faults: Array<Fault | undefined>): void
  /** A fault for every request until cleared. */
  failAlways(fault: Fault | undefined): void
  close(): Promise<void>
}

const isPublished = (id: string) => !id.startsWith('drafts.') && !id.startsWith('versions.')

/**
 * The documents a perspective sees, and for each the id it has in the dataset.
 * A stack ("rSummer,drafts") is applied from its end: drafts over published,
 * then the release's versions over both, each under the published id.
 */
function documentsFor(
  perspective: string,
  documents: Doc[],
): {visible: Doc[]; sourceId: Map<string, string>} {
  const sourceId = new Map<string, string>()
  if (perspective === 'raw') return {visible: documents, sourceId}
  const byId = new Map(documents.filter((doc) => isPublished(doc._id)).map((doc) => [doc._id, doc]))
  const layers = perspective === 'previewDrafts' ? ['drafts'] : perspective.split(',').reverse()
  for (const layer of layers) {
    if (layer === 'published') continue
    const prefix = layer === 'drafts' ? 'drafts.' : `versions.${layer}.`
    for (const doc of documents.filter((candidate) => candidate._id.startsWith(prefix))) {
      const id = doc._id.slice(prefix.length)
      byId.set(id, {...doc, _id: id})
      sourceId.set(id, doc._id)
    }
  }
  return {visible: [...byId.values()], sourceId}
}

type Mutation = Record<string, Record<string, unknown>>

/** Applies one mutation of a transaction to the stored documents; returns the ids it touched. */
async function applyMutation(store: Map<string, Doc>, mutation: Mutation): Promise<string[]> {
  const now = new Date().toISOString()
  const stamp = (doc: Doc): Doc => ({
    _createdAt: store.get(doc._id)?._createdAt ?? now,
    ...doc,
    _updatedAt: now,
    _rev: randomUUID(),
  })
  const [kind, body] = Object.entries(mutation)[0]!
  if (kind === 'create' || kind === 'createOrReplace' || kind === 'createIfNotExists') {
    const doc = {...body, _id: (body._id as string | undefined) ?? randomUUID()} as Doc
    if (kind === 'create' && store.has(doc._id)) throw new Error(`Document ${doc._id} exists`)
    if (kind !== 'createIfNotExists' || !store.has(doc._id)) store.set(doc._id, stamp(doc))
    return [doc._id]
  }
  if (kind === 'patch') {
    const existing = store.get(body.id as string)
    if (!existing) throw new Error(`Document ${String(body.id)} not found`)
    store.set(existing._id, stamp({...existing, ...(body.set as object | undefined)}))
    return [existing._id]
  }
  if (kind === 'delete') {
    const ids =
      typeof body.id === 'string'
        ? [body.id]
        : ((await (
            await evaluate(parse(`${body.query as string}._id`), {dataset: [...store.values()]})
          ).get()) as string[])
    for (const id of ids) store.delete(id)
    return ids
  }
  throw new Error(`Unsupported mutation: ${kind}`)
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

export async function startQueryServer(options: {
  documents: Doc[]
  dataset?: string
  token?: string
}): Promise<QueryServer> {
  const dataset = options.dataset ?? 'production'
  const store = new Map(options.documents.map((doc) => [doc._id, doc]))
  const queued: Array<Fault | undefined> = []
  let permanent: Fault | undefined
  const requests: QueryServer['requests'] = []
  const openResponses = new Set<ServerResponse>()

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost')
    const mutate = /^\/v[\d-]+\/data\/mutate\/([^/]+)$/.exec(url.pathname)
    if (mutate && request.method === 'POST') return answerMutation(request, response, mutate[1]!)
    const match = /^\/v[\d-]+\/data\/query\/([^/]+)$/.exec(url.pathname)
    let query = url.searchParams.get('query') ?? ''
    let params: Record<string, unknown> = {}
    for (const [key, value] of url.searchParams)
      if (key.startsWith('$')) params[key.slice(1)] = JSON.parse(value)
    if (request.method === 'POST') {
      const body = JSON.parse((await readBody(request)) || '{}') as {
        query?: string
        params?: Record<string, unknown>
      }
      query = body.query ?? query
      params = {...params, ...body.params}
    }
    const perspective = url.searchParams.get('perspective') ?? 'raw'
    requests.push({
      method: request.method ?? 'GET',
      path: url.pathname,
      perspective,
      params,
      at: performance.now(),
    })

    const fault = queued.length > 0 ? queued.shift() : permanent
    if (fault?.kind === 'reset') return void request.socket.destroy()
    if (fault?.kind === 'hang') {
      openResponses.add(response)
      return void response.writeHead(200, {'Content-Type': 'application/json'})
    }
    if (fault?.kind === 'malformed') {
      response.writeHead(200, {'Content-Type': 'application/json'})
      return void response.end('{"query": "…", "result": [{"_id": ')
    }
    if (fault?.kind === 'status') {
      response.writeHead(fault.status, {
        'Content-Type': 'application/json',
        ...(fault.retryAfter ? {'Retry-After': fault.retryAfter} : {}),
      })
      return void response.end(JSON.stringify({error: {description: `Injected ${fault.status}`}}))
    }

    if (!match || match[1] !== dataset) {
      response.writeHead(404, {'Content-Type': 'application/json'})
      return void response.end(JSON.stringify({error: {description: 'Not found'}}))
    }
    if (
      perspective !== 'published' &&
      request.headers.authorization !== `Bearer ${options.token}`
    ) {
      response.writeHead(401, {'Content-Type': 'application/json'})
      return void response.end(
        JSON.stringify({error: {description: 'Unauthorized: drafts need a token'}}),
      )
    }
    const started = performance.now()
    const {visible, sourceId} = documentsFor(perspective, [...store.values()])
    const byId = new Map(visible.map((doc) => [doc._id, doc]))
    const result = await (
      await evaluate(parse(query), {
        dataset: visible,
        params,
        dereference: ({_ref}) => byId.get(_ref) ?? null,
      })
    ).get()
    const resultSourceMap = url.searchParams.has('resultSourceMap')
      ? contentSourceMap(result, visible, (id) => sourceId.get(id) ?? id)
      : undefined
    const ms = Math.round(performance.now() - started)
    response.writeHead(200, {'Content-Type': 'application/json'})
    response.end(JSON.stringify({query, result, ...(resultSourceMap && {resultSourceMap}), ms}))
  }

  async function answerMutation(request: IncomingMessage, response: ServerResponse, name: string) {
    const reply = (status: number, body: unknown) => {
      response.writeHead(status, {'Content-Type': 'application/json'})
      response.end(JSON.stringify(body))
    }
    if (name !== dataset) return reply(404, {error: {description: 'Not found'}})
    if (request.headers.authorization !== `Bearer ${options.token}`)
      return reply(401, {error: {description: 'Unauthorized: mutations need a token'}})
    const {mutations} = JSON.parse(await readBody(request)) as {mutations: Mutation[]}
    const results: Array<{id: string; operation: string}> = []
    for (const mutation of mutations)
      for (const id of await applyMutation(store, mutation))
        results.push({id, operation: Object.keys(mutation)[0]!})
    requests.push({
      method: 'POST',
      path: request.url ?? '',
      perspective: 'raw',
      params: {},
      at: performance.now(),
    })
    reply(200, {transactionId: randomUUID(), results})
  }

  const server = createServer((request, response) => {
    answer(request, response).catch((error: Error) => {
      response.writeHead(500, {'Content-Type': 'application/json'})
      response.end(JSON.stringify({error: {description: error.message}}))
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const {port} = server.address() as AddressInfo

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    documents: () => [...store.values()],
    put: (document) => void store.set(document._id, document),
    queueFaults: (...faults) => void queued.push(...faults),
    failAlways: (fault) => void (permanent = fault),
    close: async () => {
      for (const response of openResponses) response.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
