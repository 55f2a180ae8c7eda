/**
 * A local stand-in for Sanity's query API, for the real @sanity/client to talk
 * to: GET and POST /v{apiVersion}/data/query/{dataset}, answered by groq-js over
 * a fixture dataset, honouring $params and the perspective (published hides
 * drafts.* and versions.*; drafts overlays drafts, and needs the token).
 * Replies {query, result, ms}. Faults can be queued per request or made permanent.
 * Each request is recorded with its $params, so that tests can tell pages apart.
 */
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import type {AddressInfo} from 'node:net'

import {evaluate, parse} from 'groq-js'

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
  /** Faults for the next requests, one each; `undefined` lets its request through. */
  queueFaults(...faults: Array<Fault | undefined>): void
  /** A fault for every request until cleared. */
  failAlways(fault: Fault | undefined): void
  close(): Promise<void>
}

const isPublished = (id: string) => !id.startsWith('drafts.') && !id.startsWith('versions.')

function documentsFor(perspective: string, documents: Doc[]): Doc[] {
  if (perspective === 'raw') return documents
  const published = documents.filter((doc) => isPublished(doc._id))
  if (perspective !== 'drafts' && perspective !== 'previewDrafts') return published
  // Drafts perspective: a draft replaces its published document, under the published id.
  const byId = new Map(published.map((doc) => [doc._id, doc]))
  for (const doc of documents.filter((candidate) => candidate._id.startsWith('drafts.'))) {
    const id = doc._id.slice('drafts.'.length)
    byId.set(id, {...doc, _id: id})
  }
  return [...byId.values()]
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
  const queued: Array<Fault | undefined> = []
  let permanent: Fault | undefined
  const requests: QueryServer['requests'] = []
  const openResponses = new Set<ServerResponse>()

  async function answer(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', 'http://localhost')
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
    const result = await (
      await evaluate(parse(query), {dataset: documentsFor(perspective, options.documents), params})
    ).get()
    response.writeHead(200, {'Content-Type': 'application/json'})
    response.end(JSON.stringify({query, result, ms: Math.round(performance.now() - started)}))
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
    queueFaults: (...faults) => void queued.push(...faults),
    failAlways: (fault) => void (permanent = fault),
    close: async () => {
      for (const response of openResponses) response.destroy()
      server.closeAllConnections()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}
