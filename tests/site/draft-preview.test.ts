/**
 * Draft preview for editors: `pnpm dev` with a read token and
 * SANITY_PREVIEW_DRAFTS=true shows unpublished changes (README, "Preview drafts").
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {join} from 'node:path'

import {afterAll, beforeAll, expect, test} from 'vitest'

import {readBundledDocuments} from '../support/dataset-files'
import {repoRoot} from '../support/paths'
import {startQueryServer, type QueryServer} from '../support/query-server'

const TOKEN = 'sk-preview-token-for-tests'
const PORT = 4388
let server: QueryServer
let dev: ChildProcess
let log = ''
let lastError = ''

async function waitForDevServer(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (dev.exitCode !== null) throw new Error(`astro dev exited early:\n${log}`)
    const status = await fetch(url).then(
      (response) => response.status,
      (error: Error & {cause?: Error}) => {
        lastError = `${error.message} ${error.cause?.message ?? ''}`
        return 0
      },
    )
    if (status === 200) return
    if (status >= 500) throw new Error(`astro dev answered ${status}:\n${log}`)
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  throw new Error(`astro dev did not answer within ${timeoutMs} ms (${lastError}):\n${log}`)
}

beforeAll(async () => {
  server = await startQueryServer({documents: await readBundledDocuments(), token: TOKEN})
  const siteDir = join(repoRoot, 'site')
  // Astro's own entry, run by this Node: the .bin shim would not pass a kill signal on.
  const astro = join(siteDir, 'node_modules', 'astro', 'bin', 'astro.mjs')
  dev = spawn(process.execPath, [astro, 'dev', '--port', String(PORT), '--host', '127.0.0.1'], {
    cwd: siteDir,
    env: {
      // Not Vitest's own variables (NODE_ENV=test, VITEST…): they change how Vite serves.
      ...Object.fromEntries(
        Object.entries(process.env).filter(([name]) => !/^(VITEST|NODE_ENV$|TEST$)/.test(name)),
      ),
      ASTRO_TELEMETRY_DISABLED: '1',
      SANITY_PROJECT_ID: 'test1234',
      SANITY_API_HOST: server.url,
      SANITY_API_READ_TOKEN: TOKEN,
      SANITY_PREVIEW_DRAFTS: 'true',
    },
  })
  dev.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  dev.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()))
  await waitForDevServer(`http://127.0.0.1:${PORT}/latest/`, 30_000)
}, 120_000)

afterAll(async () => {
  dev?.kill('SIGTERM')
  await server?.close()
})

test('pnpm dev with a token and SANITY_PREVIEW_DRAFTS=true shows unpublished changes', async () => {
  const vienna = await (await fetch(`http://127.0.0.1:${PORT}/cities/vienna/`)).text()
  expect(vienna).toContain('Vienna (DRAFT EDIT)')
  const latest = await (await fetch(`http://127.0.0.1:${PORT}/latest/`)).text()
  expect(latest).toContain('DRAFT: Smart streetlights, unpublished')
  expect(server.requests.some((request) => request.perspective === 'drafts')).toBe(true)
}, 60_000)
