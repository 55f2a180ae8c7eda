/**
 * A stand-in for the studio in the browser: a page on an origin of its own that
 * shows the preview server in an iframe, as the Presentation tool does, and
 * talks to it over Sanity's comlink (fake-studio/client.ts, bundled with esbuild).
 */
import {createServer} from 'node:http'
import type {AddressInfo} from 'node:net'
import {join} from 'node:path'

import {build} from 'esbuild'

import {repoRoot} from './paths'

export interface FakeStudio {
  origin: string
  /** The studio's page, framing `frameUrl`. */
  pageFor(frameUrl: string): string
  close(): Promise<void>
}

export async function startFakeStudio(): Promise<FakeStudio> {
  const bundle = await build({
    entryPoints: [join(repoRoot, 'tests', 'support', 'fake-studio', 'client.ts')],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  })
  const script = bundle.outputFiles[0]!.contents
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://studio.invalid')
    if (url.pathname === '/studio.js') {
      response.writeHead(200, {'Content-Type': 'text/javascript'})
      return void response.end(script)
    }
    const frame = url.searchParams.get('frame') ?? 'about:blank'
    const src = frame.replace(/&/g, '&amp;').replace(/"/g, '&quot;')
    response.writeHead(200, {'Content-Type': 'text/html; charset=utf-8'})
    response.end(
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Studio</title></head>` +
        `<body><iframe src="${src}" width="1200" height="800" title="Preview"></iframe>` +
        `<script type="module" src="/studio.js"></script></body></html>`,
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return {
    origin,
    pageFor: (frameUrl) => `${origin}/?frame=${encodeURIComponent(frameUrl)}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
