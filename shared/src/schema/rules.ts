import type {SlugRule, SlugValue, UrlRule, ValidationContext} from 'sanity'

import {API_VERSION} from '../api-version.ts'
import {getPublishedId} from '../documents.ts'

/**
 * Validation rules shared by several types. Each one is phrased for the editor who
 * will read the message, and each one is also enforced on imported data, because
 * Sanity's own document validation runs over the bundled dataset in the tests.
 */

/** Links in body text: web pages, e-mail addresses, or pages of this site. */
export const SAFE_LINK_SCHEMES = ['http', 'https', 'mailto']

export const safeLinkRule = (rule: UrlRule) =>
  rule.required().uri({scheme: SAFE_LINK_SCHEMES, allowRelative: true})

/** Absolute web addresses only (external links, profiles, sources). */
export const webUrlRule = (rule: UrlRule) => rule.uri({scheme: ['http', 'https']})

/** URL slugs: lower-case letters, digits and single hyphens, e.g. `san-francisco`. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

/** True when no other document of the same type (drafts and versions aside) uses the slug. */
async function isSlugUnique(current: string, context: ValidationContext): Promise<boolean> {
  const {document, getClient} = context
  if (!document) return true
  return getClient({apiVersion: API_VERSION})
    .withConfig({perspective: 'raw'})
    .fetch<boolean>(
      '!defined(*[_type == $type && slug.current == $slug && !sanity::versionOf($published)][0]._id)',
      {type: document._type, slug: current, published: getPublishedId(document._id)},
    )
}

/**
 * Required, URL-safe and unique per type. Sanity itself reports a duplicate slug
 * only as a warning; two pages cannot share a URL, so here it is an error.
 */
export const slugRule = (rule: SlugRule) =>
  rule.required().custom(async (value: SlugValue | undefined, context) => {
    const current = value?.current
    if (!current) return true
    if (!SLUG_PATTERN.test(current)) {
      return 'Use lower-case letters, digits and single hyphens only (for example "new-york-city").'
    }
    return (await isSlugUnique(current, context))
      ? true
      : `Another ${context.document?._type ?? 'document'} already uses the slug "${current}". Each page needs its own address.`
  })

/** Slug options: generated from `source`, uniqueness checked by `slugRule` as an error. */
export const slugOptions = (source: string, maxLength = 96) => ({
  source,
  maxLength,
  // The built-in check would repeat slugRule's message as a warning.
  isUnique: () => true,
})
