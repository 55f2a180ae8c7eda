/**
 * One page code base: for published content the preview server renders what the
 * static build writes, page for page, once what only the preview has is taken
 * out (its overlay script, its data-sanity attributes, the stega in its text)
 * and what only a static page has (Astro's policy in a <meta>; on demand Astro
 * sends it as a header). Both read the same Content Lake (the local query server).
 */
import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {afterAll, beforeAll, expect, inject, test} from 'vitest'

import {buildSite, type BuildResult} from '../support/build-site'
import {listFiles} from '../support/built-site'
import {
  getPage,
  openSession,
  PROJECT_ID,
  startPreviewServer,
  type PreviewServer,
} from '../support/preview-server'

const STEGA = /[\u200B-\u200D\u2060-\u2064\uFEFF]/g
/** The overlay's bundle: Astro names the script injected into every page "page". */
const OVERLAY_SCRIPT = /<script type="module" src="\/_astro\/page\.[\w-]+\.js"><\/script>/g
const DATA_SANITY = / data-sanity="[^"]*"/g
const META_POLICY = /<meta http-equiv="content-security-policy" content="[^"]*">/g
/** A page at an old address (pages/[...oldAddress].astro) and where it sends readers. */
const MOVED = /<meta http-equiv="refresh" content="0; url=([^"]+)">/

const withoutPreview = (html: string) =>
  html.replace(OVERLAY_SCRIPT, '').replace(DATA_SANITY, '').replace(STEGA, '')
const withoutMetaPolicy = (html: string) => html.replace(META_POLICY, '')

let server: PreviewServer
let site: BuildResult
let cookie: string
/** Every page of the static build, as a path ("/cities/vienna/"). */
let paths: string[]

beforeAll(async () => {
  server = await startPreviewServer(inject('previewBuild'))
  site = await buildSite({SANITY_PROJECT_ID: PROJECT_ID, SANITY_API_HOST: server.lake.url})
  if (!site.ok) throw new Error(`The static build failed:\n${site.output}`)
  cookie = await openSession(server, '/', 'published')
  paths = (await listFiles(site.outDir))
    .filter((file) => file.endsWith('index.html'))
    .map((file) => `/${file.slice(0, -'index.html'.length)}`)
}, 300_000)
afterAll(() => server?.stop())

test('the static build has every page type (so that the comparison covers them)', () => {
  expect(paths).toEqual(
    expect.arrayContaining([
      '/',
      '/cities/',
      '/cities/vienna/',
      '/lists/',
      '/lists/top-smart-cities-in-the-world/',
      '/latest/',
      '/categories/',
      '/categories/cities/',
      '/articles/when-client-engagement-becomes-true-partnership/',
    ]),
  )
})

test('every page of the static build is the preview server’s page for published content', async () => {
  const differences: string[] = []
  let previewOnly = {scripts: 0, attributes: 0, stega: 0}
  let compared = 0
  for (const path of paths) {
    const built = await readFile(join(site.outDir, path, 'index.html'), 'utf8')
    const {response, body} = await getPage(server, path, cookie)
    const moved = MOVED.exec(built)
    if (moved) {
      // An old address: the static page sends readers on; the preview answers as hosts do.
      expect({path, status: response.status, to: response.headers.get('location')}).toEqual({
        path,
        status: 307,
        to: new URL(moved[1]!, 'https://site.invalid').pathname,
      })
      continue
    }
    expect({path, status: response.status}).toEqual({path, status: 200})
    compared += 1
    previewOnly = {
      scripts: previewOnly.scripts + (body.match(OVERLAY_SCRIPT)?.length ?? 0),
      attributes: previewOnly.attributes + (body.match(DATA_SANITY)?.length ?? 0),
      stega: previewOnly.stega + (body.match(STEGA)?.length ?? 0),
    }
    if (withoutPreview(body) !== withoutMetaPolicy(built)) differences.push(path)
  }
  expect(differences).toEqual([])
  // What was taken out is really there: one overlay script a page, attributes, stega.
  expect(compared).toBeGreaterThan(30)
  expect(previewOnly.scripts).toBe(compared)
  expect(previewOnly.attributes).toBeGreaterThan(compared)
  expect(previewOnly.stega).toBeGreaterThan(10_000)
})

test('the page for an address that does not exist is the static 404 page', async () => {
  const built = await readFile(join(site.outDir, '404.html'), 'utf8')
  const {response, body} = await getPage(server, '/no-such-page/', cookie)
  expect(response.status).toBe(404)
  expect(withoutPreview(body)).toBe(withoutMetaPolicy(built))
})
