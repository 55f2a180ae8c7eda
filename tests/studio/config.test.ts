import {createStructureBuilder, type ListBuilder, type ListItemBuilder} from 'sanity/structure'
import type {ResolveProductionUrlContext, Source} from 'sanity'
import {beforeAll, describe, expect, test} from 'vitest'

import {productionUrl} from '../../studio/documents'
import {deskItems, structure} from '../../studio/structure'
import {resolveStudioSource} from '../support/studio'

let source: Source
let desk: ListBuilder

beforeAll(async () => {
  source = await resolveStudioSource()
  const S = createStructureBuilder({source, perspectiveStack: []})
  desk = (await structure(S, {} as never)) as ListBuilder
})

const listItems = () =>
  desk
    .getItems()!
    .filter((item): item is ListItemBuilder => 'getSchemaType' in item && Boolean(item.getId()))

describe('the desk structure', () => {
  test('lists settings, ranked lists, cities, Latest, categories, authors and redirects, in that order', () => {
    expect(listItems().map((item) => item.getTitle())).toEqual([
      'Site settings',
      'Ranked lists',
      'Cities',
      'Latest articles',
      'Categories',
      'Authors',
      'Redirects',
    ])
  })

  test('every item points to a type that exists in the schema', () => {
    for (const item of deskItems) expect(source.schema.get(item.schemaType), item.id).toBeDefined()
    for (const item of listItems()) {
      const type = item.getSchemaType()
      expect(source.schema.get(typeof type === 'string' ? type : type!.name)).toBeDefined()
    }
  })

  test('site settings open as one fixed document', () => {
    const settings = listItems()[0]!.getChild() as {
      getDocumentId(): string
      getSchemaType(): unknown
    }
    expect(settings.getDocumentId()).toBe('siteSettings')
  })

  test('Latest articles are listed newest first', () => {
    const latest = listItems().find((item) => item.getId() === 'article')!
    const list = latest.getChild() as {getDefaultOrdering(): unknown}
    expect(list.getDefaultOrdering()).toEqual([{field: 'publishedAt', direction: 'desc'}])
  })
})

describe('the settings singleton', () => {
  test('has no template, so it cannot be created a second time', () => {
    const templateTypes = source.templates.map((template) => template.schemaType)
    expect(templateTypes).not.toContain('siteSettings')
    expect(templateTypes).toEqual(
      expect.arrayContaining(['listicle', 'city', 'article', 'category', 'author']),
    )
  })

  test('is not offered in "create new document"', () => {
    const options = source.document.resolveNewDocumentOptions({type: 'global'})
    expect(options.map((option) => option.templateId)).not.toContain('siteSettings')
  })

  test('can be published and previewed but not deleted, duplicated or unpublished', () => {
    const actions = (schemaType: string) =>
      source.document
        .actions({schemaType, documentId: schemaType} as never)
        .map((action) => action.action)
    expect(actions('siteSettings').sort()).toEqual([
      'discardChanges',
      'openPreview',
      'publish',
      'restore',
    ])
    expect(actions('city')).toEqual(expect.arrayContaining(['delete', 'duplicate', 'publish']))
  })
})

describe('"open on the site" links', () => {
  const context = (siteUrl: string | null, document: Record<string, unknown>) =>
    ({
      document,
      getClient: () => ({fetch: async () => siteUrl}),
    }) as unknown as ResolveProductionUrlContext

  test.each([
    ['city', 'vienna', 'https://smartcities.example/cities/vienna/'],
    [
      'article',
      'when-client-engagement',
      'https://smartcities.example/articles/when-client-engagement/',
    ],
    ['category', 'energy', 'https://smartcities.example/categories/energy/'],
    [
      'listicle',
      'top-smart-cities-in-the-world',
      'https://smartcities.example/lists/top-smart-cities-in-the-world/',
    ],
  ])('a %s links to its page, built from the site URL setting', async (_type, slug, expected) => {
    const document = {_id: 'x', _type: _type, slug: {_type: 'slug', current: slug}}
    expect(await productionUrl(undefined, context('https://smartcities.example', document))).toBe(
      expected,
    )
  })

  test('types without a page, or documents without a slug, get no link', async () => {
    expect(
      await productionUrl(
        undefined,
        context('https://smartcities.example', {_id: 'a', _type: 'author', slug: {current: 'x'}}),
      ),
    ).toBeUndefined()
    expect(
      await productionUrl(
        undefined,
        context('https://smartcities.example', {_id: 'c', _type: 'city'}),
      ),
    ).toBeUndefined()
  })

  test('is wired into the studio configuration', async () => {
    const url = await source.document.resolveProductionUrl({
      document: {_id: 'city-vienna', _type: 'city', slug: {_type: 'slug', current: 'vienna'}},
      getClient: (() => ({fetch: async () => 'https://example.org'})) as never,
    } as never)
    expect(url).toBe('https://example.org/cities/vienna/')
  })
})
