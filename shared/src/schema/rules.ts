import type {ArrayRule, SlugRule, SlugValue, StringRule, UrlRule, ValidationContext} from 'sanity'

import {API_VERSION} from '../api-version.ts'
import {getPublishedId} from '../documents.ts'
import {redirectSource, redirectTarget, type SitePathResult} from '../site-path.ts'

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

/** Earlier slugs: each a URL slug, each once. */
export const previousSlugsRule = (rule: ArrayRule<unknown[]>) =>
  rule.unique().custom((value: unknown[] | undefined) => {
    const bad = (value ?? []).find((item) => typeof item !== 'string' || !SLUG_PATTERN.test(item))
    return bad === undefined
      ? true
      : `${JSON.stringify(bad)} is not a URL slug; remove it (an earlier address must be a slug).`
  })

/** A path as the build will spell it, or what is wrong with it, phrased for the editor. */
function sitePathRule(parse: (value: unknown) => SitePathResult, what: string) {
  return (value: string | undefined) => {
    if (value === undefined) return true
    const result = parse(value)
    if (result.problem) return `The ${what} ${result.problem}.`
    return result.path === value ? true : `Write the ${what} as "${result.path}".`
  }
}

/** True when no other redirect (drafts and versions aside) starts from the same path. */
async function isRedirectSourceUnique(from: string, context: ValidationContext) {
  const {document, getClient} = context
  if (!document) return true
  return getClient({apiVersion: API_VERSION})
    .withConfig({perspective: 'raw'})
    .fetch<boolean>(
      '!defined(*[_type == "redirect" && from == $from && !sanity::versionOf($published)][0]._id)',
      {from, published: getPublishedId(document._id)},
    )
}

/** A redirect's old address: required, a page path of this site, and redirected once. */
export const redirectSourceRule = (rule: StringRule) =>
  rule.required().custom(async (value: string | undefined, context) => {
    const shape = sitePathRule(redirectSource, 'old address')(value)
    if (shape !== true || value === undefined) return shape
    return (await isRedirectSourceUnique(value, context))
      ? true
      : `Another redirect already starts from "${value}". Each old address redirects to one place.`
  })

/** A redirect's target path: a page or file of this site. */
export const redirectTargetRule = (rule: StringRule) =>
  rule.custom(sitePathRule(redirectTarget, 'path'))
