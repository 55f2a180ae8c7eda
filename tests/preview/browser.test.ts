/**
 * The preview in a real Chromium, as editors get it: a studio page on an origin
 * of its own frames the preview server, which lives on another site (localhost
 * against 127.0.0.1), the handshake runs inside the frame and its cookie works
 * there; the overlay script runs under the page's policy without a violation,
 * the draft is on the page, and Sanity's comlink connects the overlay to the
 * studio: a click on the page names the field to edit, a saved edit shows
 * without a reload, and a perspective switch shows the published page.
 */
import type {Browser, Frame, Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, inject, test} from 'vitest'

import {launchChromium} from '../support/browser'
import {startFakeStudio, type FakeStudio} from '../support/fake-studio'
import {
  createSecret,
  enableUrl,
  startPreviewServer,
  type PreviewServer,
} from '../support/preview-server'

const STEGA = /[\u200B-\u200D\u2060-\u2064\uFEFF]/g
const DRAFT_PATH = '/articles/draft-smart-streetlights/'
const DRAFT_TITLE = 'DRAFT: Smart streetlights, unpublished'
/** A 1×1 PNG: the tests have no network, and the preview's images come from Sanity's CDN. */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
)

/** A page rendered on request under a loaded machine can take a few seconds to arrive. */
const POLL = {timeout: 20_000}

type StudioWindow = {
  studio: {
    events: Array<{type: string; data: Record<string, unknown>}>
    status(): string
    post(type: string, data: unknown): void
  }
}

let browser: Browser
let studio: FakeStudio
let server: PreviewServer

beforeAll(async () => {
  studio = await startFakeStudio()
  ;[browser, server] = await Promise.all([
    launchChromium(),
    startPreviewServer(inject('previewBuild'), {host: 'localhost', studioUrl: studio.origin}),
  ])
})
afterAll(async () => {
  await Promise.all([browser?.close(), server?.stop(), studio?.close()])
})

/** A page in a context of its own, Sanity's image CDN answered locally. */
async function newPage(): Promise<Page> {
  const page = await browser.newPage()
  await page.route('https://cdn.sanity.io/**', (route) =>
    route.fulfill({status: 200, contentType: 'image/png', body: PIXEL}),
  )
  return page
}

/** Every policy violation and console error, from every frame of the page. */
async function watched(page: Page) {
  const problems: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`error: ${error.message}`))
  await page.exposeFunction('reportViolation', (text: string) => problems.push(text))
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as {reportViolation?: (text: string) => void})
        .reportViolation
      report?.(`CSP: ${event.violatedDirective} blocked ${event.blockedURI} on ${location.href}`)
    })
  })
  return problems
}

/** The studio page with the preview framed, once the frame shows `path` and the overlay is connected. */
async function openPresentation(page: Page, path: string): Promise<Frame> {
  const secret = await createSecret(server.lake, studio.origin)
  await page.goto(studio.pageFor(enableUrl(server.origin, secret, path)))
  await page.waitForFunction(
    () => (window as unknown as StudioWindow).studio?.status() === 'connected',
    undefined,
    {timeout: 30_000},
  )
  return page.frames().find((frame) => frame.url() === `${server.origin}${path}`)!
}

const heading = async (frame: Frame) =>
  (await frame.locator('main h1').first().innerText()).replace(STEGA, '').trim()

describe('the preview in the studio frame', () => {
  test('runs the overlay with no policy violation, and shows the draft', async () => {
    const page = await newPage()
    const problems = await watched(page)
    const frame = await openPresentation(page, DRAFT_PATH)
    expect(frame, 'the frame shows the page the studio asked for').toBeDefined()
    await expect.poll(() => heading(frame), POLL).toBe(DRAFT_TITLE)
    expect(await frame.locator('main h1').first().isVisible()).toBe(true)
    // The overlay is Sanity's React app, mounted beside <body>.
    expect(
      await frame.evaluate(() => document.querySelector('sanity-visual-editing') !== null),
    ).toBe(true)
    expect(problems).toEqual([])
    await page.close()
  })

  test('a click on the page tells the studio which document and field to open', async () => {
    const page = await newPage()
    const frame = await openPresentation(page, '/cities/vienna/')
    await frame.locator('main h1').first().click()
    await page.waitForFunction(() =>
      (window as unknown as StudioWindow).studio.events.some(
        (event) => event.type === 'visual-editing/focus',
      ),
    )
    const events = await page.evaluate(() => (window as unknown as StudioWindow).studio.events)
    const focus = events.find((event) => event.type === 'visual-editing/focus')!.data
    expect({id: focus.id, type: focus.type, path: focus.path}).toEqual({
      id: 'city-vienna',
      type: 'city',
      path: 'name',
    })
    await page.close()
  })

  test('a saved edit shows without a reload; a perspective switch shows the published page', async () => {
    const page = await newPage()
    const frame = await openPresentation(page, '/cities/vienna/')
    expect(await heading(frame)).toBe('Vienna (DRAFT EDIT)')
    await frame.evaluate(() => Object.assign(window, {sameDocument: true}))

    // The editor renames the draft; the studio tells the page a document changed.
    const draft = server.lake.documents().find((doc) => doc._id === 'drafts.city-vienna')!
    server.lake.put({...draft, name: 'Vienna (RENAMED IN THE STUDIO)'})
    await page.evaluate(() =>
      (window as unknown as StudioWindow).studio.post('presentation/refresh', {
        source: 'mutation',
        livePreviewEnabled: false,
        document: {_id: 'drafts.city-vienna', _type: 'city', _rev: 'r2'},
      }),
    )
    await expect.poll(() => heading(frame), POLL).toBe('Vienna (RENAMED IN THE STUDIO)')
    expect(await frame.evaluate(() => 'sameDocument' in window), 'not reloaded').toBe(true)

    await page.evaluate(() =>
      (window as unknown as StudioWindow).studio.post('presentation/perspective', {
        perspective: 'published',
      }),
    )
    await expect.poll(() => heading(frame), POLL).toBe('Vienna')
    await page.close()
  })
})

describe('framing', () => {
  test('a page of any other origin cannot frame the preview', async () => {
    const other = await startFakeStudio()
    const page = await newPage()
    const problems: string[] = []
    page.on('console', (message) => problems.push(message.text()))
    const secret = await createSecret(server.lake, other.origin)
    await page.goto(other.pageFor(enableUrl(server.origin, secret, DRAFT_PATH)))
    await page.waitForTimeout(2_000)
    const framed = page.frames().find((frame) => frame.url().startsWith(server.origin))
    const shown = framed ? await framed.evaluate(() => document.body?.innerText ?? '') : ''
    expect(shown).not.toContain('Smart streetlights')
    expect(problems.join('\n')).toMatch(/frame-ancestors/)
    await page.close()
    await other.close()
  })
})
