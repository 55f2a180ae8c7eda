// @vitest-environment jsdom
/**
 * The studio's Presentation tool, as configured: the preview server's address
 * from the environment (and a clear refusal without one), the handshake route
 * the preview server answers, which document each page of the site is about
 * (mainDocuments, matched the way Presentation matches them), and "Open
 * preview", which leads to the document's page in Presentation.
 */
import {PREVIEW_ENABLE_PATH} from '@smart-cities/shared/routes'
import {cleanup, renderHook} from '@testing-library/react'
import {evaluate, parse} from 'groq-js'
import type {ReactNode} from 'react'
import type {DocumentActionProps, SanityDocument} from 'sanity'
import type {DocumentResolver} from 'sanity/presentation'
import {route, RouterProvider} from 'sanity/router'
import {afterEach, describe, expect, test, vi} from 'vitest'

import {OpenPreviewAction} from '../../studio/documents'
import {LOCAL_PREVIEW_URL, resolvePreviewUrl} from '../../studio/env'
import {mainDocuments} from '../../studio/presentation'
import config from '../../studio/sanity.config'
import {readBundledDocuments} from '../support/dataset-files'

afterEach(cleanup)

const resolve = (value: string | undefined, command?: string, placeholderProject = false) =>
  resolvePreviewUrl(value, {command, placeholderProject})

describe('the preview URL (SANITY_STUDIO_PREVIEW_URL)', () => {
  test('is read from the environment, as the origin of the preview server', () => {
    expect(resolve('https://preview.smartcities.example', 'deploy')).toBe(
      'https://preview.smartcities.example',
    )
    expect(resolve(' https://preview.smartcities.example/ ', 'dev')).toBe(
      'https://preview.smartcities.example',
    )
    expect(resolve('http://localhost:4322', 'dev')).toBe('http://localhost:4322')
  })

  test.each(['build', 'deploy', 'dev', 'start', 'preview'])(
    'without it, `sanity %s` of a real project refuses to start Presentation, saying what to set',
    (command) => {
      for (const value of [undefined, '', '  ']) {
        expect(() => resolve(value, command)).toThrow(
          `\`sanity ${command}\` runs the Presentation tool, which shows drafts on the preview server, and SANITY_STUDIO_PREVIEW_URL is not set. Set SANITY_STUDIO_PREVIEW_URL`,
        )
      }
    },
  )

  test('offline (no project: CI builds, schema extraction) the local preview server stands in', () => {
    expect(resolve(undefined, 'build', true)).toBe(LOCAL_PREVIEW_URL)
    expect(resolve(undefined, 'schema')).toBe(LOCAL_PREVIEW_URL)
    expect(resolve(undefined, undefined)).toBe(LOCAL_PREVIEW_URL)
  })

  test.each([
    'preview.smartcities.example',
    'ftp://preview.smartcities.example',
    'http://preview.smartcities.example',
    'https://preview.smartcities.example/drafts/',
    'https://preview.smartcities.example/?x=1',
  ])('%j is refused with a message naming the variable', (value) => {
    expect(() => resolve(value, 'dev')).toThrow(
      `SANITY_STUDIO_PREVIEW_URL is ${JSON.stringify(value)}: expected the preview server's origin`,
    )
  })
})

describe('the configured Presentation tool', () => {
  const presentation = () => {
    const plugins = (config.plugins ?? []) as Array<{
      name: string
      tools?: Array<{name: string; options?: Record<string, unknown>}>
    }>
    return plugins
      .flatMap((plugin) => plugin.tools ?? [])
      .find((tool) => tool.name === 'presentation')
  }

  test('shows the preview server from the environment and starts sessions where it answers', () => {
    const options = presentation()?.options as {
      previewUrl: {initial: string; previewMode: {enable: string; shareAccess: boolean}}
    }
    expect(options.previewUrl.initial).toBe(LOCAL_PREVIEW_URL)
    expect(options.previewUrl.previewMode).toEqual({
      enable: PREVIEW_ENABLE_PATH,
      shareAccess: false,
    })
  })

  test('calls the site link "Open on the site", next to "Open preview"', () => {
    const bundles = (config.i18n?.bundles ?? []) as Array<{
      namespace: string
      resources: Record<string, string>
    }>
    const structure = bundles.find((bundle) => bundle.namespace === 'structure')
    expect(structure?.resources['production-preview.menu-item.title']).toBe('Open on the site')
  })
})

describe('the document each page is about (mainDocuments)', () => {
  /** As Presentation does: the first route that matches, trailing slash optional, then its GROQ filter. */
  async function mainDocumentOf(path: string) {
    const documents = (await readBundledDocuments()).filter((doc) => !doc._id.includes('.'))
    for (const resolver of mainDocuments as DocumentResolver[]) {
      for (const pattern of [resolver.route].flat()) {
        const match = new URLPattern({pathname: `${pattern}{/}?`}).exec({pathname: path})
        if (!match) continue
        const params = Object.fromEntries(
          Object.entries(match.pathname.groups).filter(([, value]) => value !== undefined),
        )
        const query = `*[${String(resolver.filter)}][0]._id`
        return (await evaluate(parse(query), {dataset: documents, params})).get()
      }
    }
    return undefined
  }

  test.each([
    ['/', 'listicle-top-smart-cities'],
    ['/lists/top-smart-cities-in-the-world/', 'listicle-top-smart-cities'],
    ['/cities/vienna/', 'city-vienna'],
    [
      '/articles/when-client-engagement-becomes-true-partnership/',
      'article-when-client-engagement-becomes-true-partnership',
    ],
    ['/categories/cities/', 'category-cities'],
    ['/categories/cities/2/', 'category-cities'],
    ['/latest/', 'siteSettings'],
    ['/latest/2/', 'siteSettings'],
    ['/cities/', 'siteSettings'],
    ['/lists/', 'siteSettings'],
    ['/categories/', 'siteSettings'],
  ])('%s is about %s', async (path, id) => {
    expect(await mainDocumentOf(path)).toBe(id)
  })
})

describe('"Open preview"', () => {
  /** The studio's router around the action, recording where a click leads. */
  function renderAction(document: Partial<SanityDocument> & {_type: string}) {
    const onNavigate = vi.fn()
    const router = route.create('/', [route.intents('/intent')])
    const wrapper = ({children}: {children: ReactNode}) => (
      <RouterProvider router={router} state={{}} onNavigate={onNavigate}>
        {children}
      </RouterProvider>
    )
    const props = {
      id: `drafts.${document._id ?? 'x'}`,
      type: document._type,
      draft: {_id: 'x', _rev: 'r', _createdAt: '', _updatedAt: '', ...document},
      published: null,
    } as unknown as DocumentActionProps
    const {result} = renderHook(() => OpenPreviewAction(props), {wrapper})
    return {description: result.current, onNavigate, router}
  }

  test("opens the document's page in Presentation, beside its form", () => {
    const {description, onNavigate, router} = renderAction({
      _id: 'city-vienna',
      _type: 'city',
      slug: {_type: 'slug', current: 'vienna'},
    } as never)
    expect(description?.label).toBe('Open preview')
    description!.onHandle!()
    const [{path}] = onNavigate.mock.calls[0] as [{path: string}]
    // Presentation takes the edit intent in its mode, and every other parameter as its own
    // search parameter: `preview` is the page it shows (sanity/presentation, getIntentState).
    expect(router.decode(path)).toEqual({
      intent: 'edit',
      params: {id: 'city-vienna', type: 'city', mode: 'presentation', preview: '/cities/vienna/'},
    })
  })

  test('opens the home page for the settings, and is not offered where there is no page', () => {
    const settings = renderAction({_id: 'siteSettings', _type: 'siteSettings'})
    settings.description!.onHandle!()
    const [{path}] = settings.onNavigate.mock.calls[0] as [{path: string}]
    expect(decodeURIComponent(path)).toContain('preview=/')
    expect(renderAction({_id: 'author-iot-desk', _type: 'author'}).description).toBeNull()
    expect(renderAction({_id: 'city-new', _type: 'city'}).description).toBeNull()
  })
})
