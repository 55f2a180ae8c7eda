/**
 * JSON-LD for search engines, built for every page type here and serialized so
 * that no text from content can close the <script> element it sits in, and
 * without the preview's stega: search engines read it, not people.
 */
import {stegaClean} from './stega'
import {routes} from '@smart-cities/shared/routes'

import type {Article, City, Listicle} from './site-content'
import {absoluteUrl} from './urls'

export type JsonLd = Record<string, unknown>

export function serializeJsonLd(data: JsonLd): string {
  return JSON.stringify(stegaClean(data))
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}

export function breadcrumbList(crumbs: Array<{name: string; url: string}>): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((crumb, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: crumb.name,
      item: crumb.url,
    })),
  }
}

/** A ranking as an ItemList of places, in rank order. */
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

export function newsArticleJsonLd(
  article: Article,
  publisher: string,
  heroSrc: string | undefined,
  site: URL | undefined,
): JsonLd {
  const url = absoluteUrl(routes.article(article.slug), site)
  return {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    headline: article.title,
    description: article.excerpt,
    datePublished: article.publishedAt,
    mainEntityOfPage: url,
    url,
    articleSection: article.category.title,
    author: {'@type': 'Person', name: article.author.name},
    publisher: {'@type': 'Organization', name: publisher, url: absoluteUrl('/', site)},
    ...(heroSrc ? {image: [absoluteUrl(heroSrc, site)]} : {}),
  }
}

export function cityJsonLd(city: City, description: string, site: URL | undefined): JsonLd {
  return {
    '@context': 'https://schema.org',
    '@type': 'City',
    name: city.name,
    description,
    url: absoluteUrl(routes.city(city.slug), site),
    containedInPlace: {'@type': 'Country', name: city.country},
  }
}
