/**
 * `pnpm start` (the root script: `pnpm build`, then `astro preview`) serves the build it just
 * made, byte for byte, and the site's own 404 page for what it does not have.
 *
 * `astro preview` also allows one server per project at a time (site/.astro/preview.json,
 * "Another astro preview server is already running"): this is the only test that starts one.
 */
import {readFile, rm} from 'node:fs/promises'
import {dirname, join} from 'node:path'

import {afterAll, beforeAll, expect, test} from 'vitest'

import {newDistDir} from '../support/build-site'
import {repoRoot} from '../support/paths'
import {cleanEnv, freePort, startCommand, type RunningCommand} from '../support/processes'

let start: RunningCommand
let origin: string
let distDir: string

beforeAll(async () => {
  distDir = await newDistDir('start-')
  const port = await freePort()
  start = startCommand('pnpm', ['start'], {
    cwd: repoRoot,
    env: cleanEnv({SITE_DIST_DIR: distDir, SITE_PORT: String(port)}),
  })
  // The build comes first (about 15 s alone, longer beside other tests' builds).
  origin = (await start.waitForLog(/Local\s+(http:\/\/[^\s/]+)\//, 240_000))[1]!
  expect(new URL(origin).port).toBe(String(port))
  await start.waitForHttp(`${origin}/`, 30_000)
}, 300_000)

afterAll(async () => {
  await start?.stop()
  if (distDir) await rm(dirname(distDir), {recursive: true, force: true})
})

/** The body is the build's file, byte for byte (compared as Latin-1 text: lossless, and readable in a diff). */
async function expectBytesOf(response: Response, file: string): Promise<void> {
  const served = Buffer.from(await response.arrayBuffer()).toString('latin1')
  expect(served, file).toBe((await readFile(join(distDir, file))).toString('latin1'))
}

test.each([
  ['/', 'index.html', /^text\/html\b/],
  ['/cities/vienna/', 'cities/vienna/index.html', /^text\/html\b/],
  ['/rss.xml', 'rss.xml', /^(application|text)\/(rss\+)?xml\b/],
])('%s is the file the build wrote (%s)', async (path, file, type) => {
  const response = await fetch(origin + path)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(type)
  await expectBytesOf(response, file)
})

test("an address the site does not have answers 404 with the site's 404 page", async () => {
  const response = await fetch(`${origin}/nope/`)
  expect(response.status).toBe(404)
  expect(response.headers.get('content-type')).toMatch(/^text\/html\b/)
  await expectBytesOf(response, '404.html')
})
