import {SITE_SETTINGS_ID} from '@smart-cities/shared/schema'
import type {StructureBuilder, StructureResolver} from 'sanity/structure'

/**
 * The desk, in the order editors work: the publication's settings, then what
 * readers see (ranked lists, cities, Latest), then the taxonomy, then old
 * addresses kept working (redirects).
 * Each entry names a schema type; a test checks every one exists.
 */
export const deskItems = [
  {id: 'siteSettings', title: 'Site settings', schemaType: 'siteSettings', singleton: true},
  {id: 'listicle', title: 'Ranked lists', schemaType: 'listicle'},
  {id: 'city', title: 'Cities', schemaType: 'city'},
  {
    id: 'article',
    title: 'Latest articles',
    schemaType: 'article',
    ordering: [{field: 'publishedAt', direction: 'desc' as const}],
  },
  {id: 'category', title: 'Categories', schemaType: 'category'},
  {id: 'author', title: 'Authors', schemaType: 'author'},
  {id: 'redirect', title: 'Redirects', schemaType: 'redirect'},
] as const

function listItem(S: StructureBuilder, item: (typeof deskItems)[number]) {
  if ('singleton' in item) {
    return S.listItem()
      .id(item.id)
      .title(item.title)
      .schemaType(item.schemaType)
      .child(
        S.document().schemaType(item.schemaType).documentId(SITE_SETTINGS_ID).title(item.title),
      )
  }
  const list = S.documentTypeList(item.schemaType).title(item.title)
  return S.listItem()
    .id(item.id)
    .title(item.title)
    .schemaType(item.schemaType)
    .child('ordering' in item ? list.defaultOrdering([...item.ordering]) : list)
}

export const structure: StructureResolver = (S) =>
  S.list()
    .title('Content')
    .items([
      listItem(S, deskItems[0]),
      S.divider(),
      ...deskItems.slice(1, 4).map((item) => listItem(S, item)),
      S.divider(),
      ...deskItems.slice(4, 6).map((item) => listItem(S, item)),
      S.divider(),
      listItem(S, deskItems[6]),
    ])
