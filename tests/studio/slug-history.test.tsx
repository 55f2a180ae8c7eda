// @vitest-environment jsdom
/**
 * A page keeps the slug it leaves: when an editor publishes a changed slug, the
 * studio's publish action (studio/slug-history.ts) first records the published
 * slug in `previousSlugs`, then publishes. Checked on the rule itself, on the
 * action rendered as the studio renders it (a React hook, with the document
 * operations standing in for the Content Lake), and on the resolved studio config.
 */
import {cleanup, renderHook} from '@testing-library/react'
import type {DocumentActionComponent, DocumentActionProps, Source} from 'sanity'
import {afterEach, beforeAll, describe, expect, test, vi} from 'vitest'

import {previousSlugsOnPublish, withSlugHistory} from '../../studio/slug-history'
import {resolveStudioSource} from '../support/studio'

const calls: string[] = []
const patch = vi.fn((patches: unknown) => void calls.push(`patch ${JSON.stringify(patches)}`))

vi.mock('sanity', async (importOriginal) => ({
  ...(await importOriginal<typeof import('sanity')>()),
  useDocumentOperation: () => ({patch: {execute: patch}}),
}))

afterEach(() => {
  cleanup()
  calls.length = 0
  patch.mockClear()
})

const article = (slug: string, previousSlugs?: string[]) => ({
  _id: 'article-a',
  _type: 'article',
  slug: {_type: 'slug', current: slug},
  ...(previousSlugs ? {previousSlugs} : {}),
})

describe('the slugs recorded when a document is published', () => {
  test('a changed slug records the published one', () => {
    expect(previousSlugsOnPublish(article('second'), article('first'))).toEqual(['first'])
  })

  test('a second change keeps the first, in order', () => {
    const draft = article('third', ['first'])
    expect(previousSlugsOnPublish(draft, article('second', ['first']))).toEqual(['first', 'second'])
  })

  test('nothing changes for an unchanged slug, a first publication, or a slug already recorded', () => {
    expect(previousSlugsOnPublish(article('same'), article('same'))).toBeUndefined()
    expect(previousSlugsOnPublish(article('new'), null)).toBeUndefined()
    expect(previousSlugsOnPublish(article('b', ['a']), article('a', ['a']))).toBeUndefined()
  })

  test('going back to an earlier slug takes it off the list and records the one left', () => {
    expect(
      previousSlugsOnPublish(article('first', ['first']), article('second', ['first'])),
    ).toEqual(['second'])
  })

  test('an entry an editor removed stays removed when nothing else changes', () => {
    expect(previousSlugsOnPublish(article('b', []), article('b', ['a']))).toBeUndefined()
  })
})

describe('the publish action of a page', () => {
  const originalPublish: DocumentActionComponent = () => ({
    label: 'Publish',
    onHandle: () => void calls.push('publish'),
  })
  originalPublish.action = 'publish'

  function handle(draft: object, published: object | null) {
    const action = withSlugHistory(originalPublish)
    const props = {id: 'article-a', type: 'article', draft, published} as DocumentActionProps
    const {result} = renderHook(() => action(props))
    expect(result.current?.label).toBe('Publish')
    result.current!.onHandle!()
  }

  test('records the slug being left in the draft, then publishes', () => {
    handle(article('second'), article('first'))
    expect(calls).toEqual([`patch [{"set":{"previousSlugs":["first"]}}]`, 'publish'])
  })

  test('only publishes when the slug is unchanged', () => {
    handle(article('first'), article('first'))
    expect(calls).toEqual(['publish'])
  })

  test('keeps the identity of the action it replaces', () => {
    expect(withSlugHistory(originalPublish).action).toBe('publish')
  })
})

describe('the studio configuration', () => {
  let source: Source
  beforeAll(async () => {
    source = await resolveStudioSource()
  })
  const publishOf = (schemaType: string) =>
    source.document
      .actions({schemaType, documentId: schemaType} as never)
      .find((action) => action.action === 'publish')!

  test.each(['listicle', 'city', 'article', 'category'])(
    'a %s is published by the action that records its slugs',
    (schemaType) => expect(publishOf(schemaType).displayName).toBe('PublishKeepingSlugs'),
  )

  test.each(['author', 'siteSettings', 'redirect'])(
    'a %s, which has no page, is published as usual',
    (schemaType) => expect(publishOf(schemaType).displayName).not.toBe('PublishKeepingSlugs'),
  )
})
