/**
 * Starts the editors' preview server built into dist-preview/ (`pnpm
 * preview:server` builds it first), or into the folder given as the argument. Astro's standalone Node handler serves the
 * pages and the built files; this entry checks the environment first (every
 * mistake at once, before anything listens) and gives every response the
 * preview's headers, the built files included, which Astro's file handler
 * would otherwise serve without them.
 */
import {existsSync} from 'node:fs'
import {createServer, type IncomingMessage, type ServerResponse} from 'node:http'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

import {readPreviewServerEnvironment} from '@smart-cities/shared/environment'
import {isReportable} from '@smart-cities/shared/reportable-error'

import {previewHeaders} from '../src/preview/headers.ts'

const siteDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const distDir = resolve(siteDir, process.argv[2] ?? 'dist-preview')
const entry = join(distDir, 'server', 'entry.mjs')

let environment: ReturnType<typeof readPreviewServerEnvironment>
try {
  environment = readPreviewServerEnvironment()
} catch (error) {
  console.error(isReportable(error) ? error.message : error)
  process.exit(1)
}
if (!existsSync(entry)) {
  console.error(`${entry} is missing: build the preview server first (pnpm preview:build).`)
  process.exit(1)
}

// Astro's entry starts a server of its own unless told not to; this one listens instead.
process.env.ASTRO_NODE_AUTOSTART = 'disabled'
const {handler} = (await import(pathToFileURL(entry).href)) as {
  handler: (request: IncomingMessage, response: ServerResponse) => void
}
const headers = previewHeaders(new URL(environment.studioUrl).origin)

const server = createServer((request, response) => {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value)
  // Astro serves built files with a public Cache-Control of its own; the preview's stays.
  const setHeader = response.setHeader.bind(response)
  response.setHeader = (name, value) =>
    name.toLowerCase() === 'cache-control' ? response : setHeader(name, value)
  handler(request, response)
})
server.listen(environment.port, environment.host, () => {
  const {projectId, dataset} = environment.content
  console.log(
    `Preview server for Sanity project ${projectId}, dataset ${dataset}, framed by ${environment.studioUrl}\n` +
      `Listening on http://${environment.host}:${environment.port}/ (open it from the studio's Presentation tool)`,
  )
})
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => server.close())
