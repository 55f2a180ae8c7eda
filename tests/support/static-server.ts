/**
 * A tiny static file server for a built site, on 127.0.0.1 and an ephemeral port,
 * compressing text as hosts do; given redirects, it answers those first.
 * Only node: imports, so benchmarks/lighthouse.ts can import it under plain Node.
 */
import {readFile, stat} from 'node:fs/promises'
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {extname, join, resolve, sep} from 'node:path'
import {gzipSync} from 'node:zlib'

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webp': 'image/webp',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
}

export interface StaticServer {
  /** Origin without a trailing slash, e.g. "http://127.0.0.1:41234". */
  url: string
  close(): Promise<void>
}

/** The file a URL path maps to, or undefined when it would leave the root. */
function fileFor(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  if (decoded.includes('\0')) return undefined
  const relativePath = decoded.endsWith('/') ? `${decoded}index.html` : decoded
  const file = resolve(join(root, relativePath))
  return file.startsWith(root + sep) ? file : undefined
}

async function readIfFile(file: string | undefined): Promise<Buffer | undefined> {
  if (!file) return undefined
  try {
    if (!(await stat(file)).isFile()) return undefined
    return await readFile(file)
  } catch {
    return undefined
  }
}

/** A redirect a host answers before it looks for a file, as Netlify's forced rules do. */
export interface HostRedirect {
  status: number
  to: string
}

export async function startStaticServer(
  siteRoot: string,
  options: {redirects?: ReadonlyMap<string, HostRedirect>} = {},
): Promise<StaticServer> {
  const root = resolve(siteRoot)
  const server = createServer((request, response) => {
    void (async () => {
      const {pathname} = new URL(request.url ?? '/', 'http://localhost')
      const redirect = options.redirects?.get(pathname)
      if (redirect) {
        response.writeHead(redirect.status, {Location: redirect.to, 'Content-Length': 0})
        response.end()
        return
      }
      const file = fileFor(root, pathname)
      const body = await readIfFile(file)
      const status = body ? 200 : 404
      const sent = body ?? (await readIfFile(join(root, '404.html'))) ?? Buffer.from('Not found')
      const type =
        (body ? contentTypes[extname(file!)] : contentTypes['.html']) ?? 'application/octet-stream'
      // Text is gzipped when the client accepts it, as every host the site targets does.
      const gzip =
        /^(?:text\/|application\/(?:json|xml)|image\/svg)/.test(type) &&
        /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
      const payload = gzip ? gzipSync(sent) : sent
      response.writeHead(status, {
        'Content-Type': type,
        'Content-Length': payload.length,
        ...(gzip ? {'Content-Encoding': 'gzip', Vary: 'Accept-Encoding'} : {}),
      })
      response.end(request.method === 'HEAD' ? undefined : payload)
    })().catch((error: unknown) => {
      response.writeHead(500, {'Content-Type': 'text/plain; charset=utf-8'})
      response.end(String(error))
    })
  })
  await new Promise<void>((done, fail) => {
    server.once('error', fail)
    server.listen(0, '127.0.0.1', done)
  })
  const {port} = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done, fail) => {
        server.closeAllConnections()
        server.close((error) => (error ? fail(error) : done()))
      }),
  }
}
