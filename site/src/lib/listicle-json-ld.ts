import {routes} from '@smart-cities/shared/routes'

import type {Listicle} from './site-content'
import type {JsonLd} from './structured-data'
import {absoluteUrl} from './urls'

/** The ranking as an ItemList of places, in rank order. */
export function listicleJsonLd(listicle: Listicle, site: URL | undefined): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'ItemList',
    name: listicle.title,
    description: listicle.dek,
    itemListOrder: 'https://schema.org/ItemListOrderAscending',
    numberOfItems: listicle.entries.length,
    itemListElement: listicle.entries.map(({city}, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      url: absoluteUrl(routes.city(city.slug), site),
      item: {
        '@type': 'City',
        name: city.name,
        url: absoluteUrl(routes.city(city.slug), site),
        containedInPlace: {'@type': 'Country', name: city.country},
      },
    })),
  }
}
