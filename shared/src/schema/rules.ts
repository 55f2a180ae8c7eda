import type {SlugRule, SlugValue, StringRule, UrlRule} from 'sanity'

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

export const slugRule = (rule: SlugRule) =>
  rule.required().custom((value: SlugValue | undefined) => {
    const current = value?.current
    if (!current) return true
    return SLUG_PATTERN.test(current)
      ? true
      : 'Use lower-case letters, digits and single hyphens only (for example "new-york-city").'
  })

/** A required plain string with a length limit the layout can take. */
export const requiredText = (max: number) => (rule: StringRule) => rule.required().max(max)
