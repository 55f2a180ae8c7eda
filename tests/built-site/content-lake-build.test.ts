/**
 * Building from a Sanity project, with the real @sanity/client talking to the
 * local query server: the same site as from the dataset file, no drafts, no
 * token in the output, and a persistent API fault never replaces the live site.
 */
import {API_VERSION} from '@smart-cities/shared/api-version'
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, inject, test} from 'vitest'

import {
  buildSite,
  expectNoStackTrace,
  fingerprint,
  newDistDir,
  runFailSafeBuild,
  type BuildResult,
} from '../support/build-site'
import {listFiles} from '../support/built-site'
import {readBundledDocuments} from '../support/dataset-files'
import {startQueryServer, type QueryServer} from '../support/query-server'

// A recognisable token: if it shows up anywhere in the output, it leaked.
const CANARY_TOKEN = 'skCanaryToken-must-never-reach-the-browser-7f3a9c'
let server: QueryServer
let viaServer: BuildResult

const lakeEnv = () => ({
  SANITY_PROJECT_ID: 'test1234',
  SANITY_DATASET: 'production',
  SANITY_API_VERSION: API_VERSION,
  SANITY_API_HOST: server.url,
  SANITY_API_READ_TOKEN: CANARY_TOKEN,
  SANITY_TIMEOUT_MS: '2000',
  SANITY_RETRY_BASE_MS: '20',
  SANITY_RETRY_ATTEMPTS: '3',
})

beforeAll(async () => {
  server = await startQueryServer({documents: await readBundledDocuments(), token: CANARY_TOKEN})
  viaServer = await buildSite(lakeEnv())
  expect(viaServer.ok, viaServer.output).toBe(true)
}, 240_000)
afterAll(() => server.close())

/**
 * Image URLs necessarily differ between the two sources (bundled files resized at
 * build time, or Sanity's image CDN); they are reduced to the asset and width.
 */
const normalizeImages = (text: string) =>
  text
    .replace(
      /(?:https:\/\/smartcities\.example)?\/images\/([0-9a-f]{40}-\d+x\d+)-w(\d+)\.webp/g,
      'IMAGE[$1 w$2]',
    )
    .replace(
      /https:\/\/cdn\.sanity\.io\/images\/[^/]+\/[^/]+\/([0-9a-f]{40}-\d+x\d+)\.png\?w=(\d+)(?:&|&amp;|\\u0026)auto=format/g,
      'IMAGE[$1 w$2]',
    )
    .replace(
      /(?:https:\/\/smartcities\.example)?\/images\/([0-9a-f]{40}-\d+x\d+)\.png/g,
      'ORIGINAL[$1]',
    )
    .replace(
      /https:\/\/cdn\.sanity\.io\/images\/[^/]+\/[^/]+\/([0-9a-f]{40}-\d+x\d+)\.png/g,
      'ORIGINAL[$1]',
    )

describe('a build from the Content Lake', () => {
  test('asked only for published content, in a few bulk queries', () => {
    const perspectives = new Set(server.requests.map((request) => request.perspective))
    expect([...perspectives]).toEqual(['published'])
    // The six bulk queries of site-content.ts (settings, lists, articles, categories,
    // cities, old addresses) and the site URL's settings query.
    expect(server.requests.length).toBeLessThanOrEqual(7)
  })

  test('logs a line per collection: how many came, in how many pages, how fast', () => {
    for (const name of ['ranked lists', 'cities', 'articles', 'categories']) {
      expect(viaServer.output).toMatch(
        new RegExp(
          `\\[content\\] ${name}: [1-9][\\d,]* in 1 page, \\d+\\.\\d s \\([\\d,]+ a second\\)\\n`,
        ),
      )
    }
  })

  test('gives the same pages and feeds as a build from the dataset file, byte for byte but image URLs', async () => {
    const local = inject('bundledSite')
    const pages = (root: string) =>
      listFiles(root).then((files) => files.filter((file) => /\.(html|xml|txt)$/.test(file)).sort())
    expect(await pages(viaServer.outDir)).toEqual(await pages(local))
    for (const file of await pages(local)) {
      const fromServer = normalizeImages(await readFile(join(viaServer.outDir, file), 'utf8'))
      const fromFile = normalizeImages(await readFile(join(local, file), 'utf8'))
      expect(fromServer === fromFile, `${file} differs`).toBe(true)
    }
    expect(await readFile(join(viaServer.outDir, 'index.html'), 'utf8')).toContain(
      'https://cdn.sanity.io/images/test1234/production/',
    )
  })

  test('contains no draft and never the token, in any file', async () => {
    for (const file of await listFiles(viaServer.outDir)) {
      const bytes = await readFile(join(viaServer.outDir, file))
      expect(bytes.includes(CANARY_TOKEN), `${file} contains the token`).toBe(false)
      expect(bytes.includes('DRAFT'), `${file} contains a draft`).toBe(false)
    }
  })

  test('refuses draft preview: a build can never publish drafts', async () => {
    const result = await buildSite({...lakeEnv(), SANITY_PREVIEW_DRAFTS: 'true'})
    expect(result.ok).toBe(false)
    expect(result.output).toContain(
      'SANITY_PREVIEW_DRAFTS=true is for local preview with `pnpm dev` only',
    )
    expect(server.requests.some((request) => request.perspective === 'drafts')).toBe(false)
  }, 240_000)
})

describe('a persistent API fault', () => {
  let dist: string
  // With SITE_URL set, as on a host, the queries run once Astro is building (and has
  // emptied its output folder): only the staging folder keeps the live site whole.
  const build = (env: Record<string, string>) =>
    runFailSafeBuild(dist, {...env, SITE_URL: 'https://smartcities.example'})

  beforeAll(async () => {
    dist = await newDistDir('lake-')
    const first = await build(lakeEnv())
    expect(first.code, first.output).toBe(0)
  }, 240_000)

  test.each([
    ['HTTP 500', {kind: 'status', status: 500} as const, 'HTTP 500'],
    ['a closed socket', {kind: 'reset'} as const, ''],
    ['malformed JSON', {kind: 'malformed'} as const, 'malformed response'],
  ])(
    '%s fails the build with a clear message; the previous site stays',
    async (_name, fault, lastError) => {
      const before = await fingerprint(dist)
      server.failAlways(fault)
      try {
        const result = await build(lakeEnv())
        expect(result.code).not.toBe(0)
        expect(result.output).toMatch(
          /Query [A-Z_]+ to Sanity project test1234, dataset production failed after 3 attempts\. Last error: /,
        )
        expect(result.output).toContain(lastError)
        expect(result.output).toContain('[build] Building static entrypoints')
        expect(result.output).toContain('was left as it was')
        expectNoStackTrace(result.output)
      } finally {
        server.failAlways(undefined)
      }
      expect(await fingerprint(dist)).toEqual(before)
    },
    240_000,
  )
})
