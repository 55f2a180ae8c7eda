/**
 * The publication contract: the fields the pages and feeds read, per document
 * type, as the schema defines them (tests/content/hostile-datasets.test.ts checks
 * that every field required here is required in the studio too), and the check of
 * one document against it. Fields not listed are not checked.
 */
import {SLUG_PATTERN} from '../schema/rules.ts'
import {ADDRESS_CHECKS, checkRedirectTarget} from './address-rules.ts'
import type {Notes, PublicationContext} from './context.ts'
import {badDate, isValidDatetime} from './dates.ts'
import {isObject, itemPath} from './paths.ts'
import {describe, label, withArticle} from './wording.ts'

export type FieldKind =
  | 'string'
  | 'slug'
  | 'datetime'
  | 'blocks'
  | 'image'
  | 'reference'
  | 'references'
  | 'entries'
  | 'array'
  | 'object'
  | 'slugs'
  | 'pageReference'
  | 'redirectSource'
  | 'redirectTarget'

export interface FieldRule {
  kind: FieldKind
  required?: boolean
  /** For references: the one document type they must point at. */
  to?: string
}

const req = (kind: FieldKind, to?: string): FieldRule => ({kind, required: true, ...(to && {to})})
const opt = (kind: FieldKind, to?: string): FieldRule => ({kind, ...(to && {to})})

export const PUBLICATION_CONTRACT: Record<string, Record<string, FieldRule>> = {
  siteSettings: {
    title: req('string'),
    tagline: req('string'),
    siteUrl: req('string'),
    featuredListicle: req('reference', 'listicle'),
    followHeading: opt('string'),
    socialProfiles: opt('array'),
    subscribe: opt('object'),
  },
  listicle: {
    title: req('string'),
    slug: req('slug'),
    dek: req('string'),
    heroImage: req('image'),
    intro: req('blocks'),
    entries: req('entries'),
    closing: opt('blocks'),
    author: req('reference', 'author'),
    publishedAt: req('datetime'),
    categories: opt('references', 'category'),
    seo: opt('object'),
    previousSlugs: opt('slugs'),
  },
  city: {
    name: req('string'),
    slug: req('slug'),
    previousSlugs: opt('slugs'),
    country: req('string'),
    region: req('string'),
    summary: req('blocks'),
    highlights: opt('array'),
    themes: opt('references', 'category'),
    image: req('image'),
    socialEmbed: opt('object'),
    links: opt('array'),
  },
  article: {
    title: req('string'),
    slug: req('slug'),
    excerpt: req('string'),
    heroImage: opt('image'),
    body: req('blocks'),
    publishedAt: req('datetime'),
    category: req('reference', 'category'),
    author: req('reference', 'author'),
    relatedCities: opt('references', 'city'),
    seo: opt('object'),
    previousSlugs: opt('slugs'),
  },
  category: {
    title: req('string'),
    slug: req('slug'),
    description: opt('string'),
    previousSlugs: opt('slugs'),
  },
  author: {
    name: req('string'),
    slug: req('slug'),
    role: opt('string'),
    bio: opt('string'),
    image: opt('image'),
    url: opt('string'),
  },
  // One of toDocument and toPath, never both (checkRedirectTarget below).
  redirect: {
    from: req('redirectSource'),
    toDocument: opt('pageReference'),
    toPath: opt('redirectTarget'),
  },
}

export interface FieldProblem {
  field: string
  message: string
}

/** One field under check, and the means to report on it. */
export interface FieldCheck {
  doc: Record<string, unknown>
  field: string
  value: unknown
  rule: FieldRule
  context: PublicationContext
  notes: Notes
  problem(field: string, message: string): void
  /** Why a required value is missing: what was dropped there, if anything. */
  missing(field: string): string
}

/** Why a value is not a reference to a document of type `to`, if it is not. */
export function checkReference(
  value: unknown,
  to: string,
  context: PublicationContext,
): string | undefined {
  if (!isObject(value) || typeof value._ref !== 'string') {
    return `must be a reference to ${withArticle(label(to))}, not ${describe(value)}`
  }
  const target = context.byId.get(value._ref)
  if (target && target._type !== to) {
    return `must reference ${withArticle(label(to))}, but "${value._ref}" is ${withArticle(label(target._type))}`
  }
  return undefined
}

const CHECKS: Record<FieldKind, (check: FieldCheck) => void> = {
  string({field, value, rule, problem}) {
    if (typeof value !== 'string') problem(field, `must be text, not ${describe(value)}`)
    else if (rule.required && !value.trim()) problem(field, 'required, but empty')
  },
  slug({field, value, problem}) {
    const current = isObject(value) ? value.current : undefined
    if (typeof current !== 'string' || !current) {
      problem(field, `must be a slug ({"current": "…"}), not ${describe(current ?? value)}`)
    } else if (!SLUG_PATTERN.test(current)) {
      problem(
        `${field}.current`,
        `${JSON.stringify(current.slice(0, 80))} is not a URL slug: use lower-case letters a-z, ` +
          'digits and single hyphens only (for example "new-york-city")',
      )
    }
  },
  datetime({field, value, problem}) {
    if (!isValidDatetime(value)) problem(field, badDate(value))
  },
  blocks({field, value, rule, problem}) {
    if (!Array.isArray(value))
      return problem(field, `must be a list of blocks, not ${describe(value)}`)
    if (rule.required && value.length === 0) return problem(field, 'required, but empty')
    value.forEach((item, index) => {
      if (!isObject(item) || typeof item._type !== 'string') {
        problem(itemPath(field, item, index), 'each block must be an object with a "_type"')
      }
    })
  },
  image({field, value, problem}) {
    if (!isObject(value)) problem(field, `must be an image, not ${describe(value)}`)
  },
  reference({field, value, rule, context, problem}) {
    const message = checkReference(value, rule.to!, context)
    if (message) problem(field, message)
  },
  references({doc, field, value, rule, context, notes, problem}) {
    if (!Array.isArray(value)) {
      return problem(field, `must be a list of references, not ${describe(value)}`)
    }
    // An optional list: an item of the wrong type is dropped, the rest is kept.
    doc[field] = value.filter((item, index) => {
      const message = checkReference(item, rule.to!, context)
      if (message)
        notes.set(itemPath(field, item, index), {message, consequence: 'the item is dropped'})
      return !message
    })
  },
  entries({field, value, context, problem, missing}) {
    if (!Array.isArray(value)) {
      return problem(field, `must be a list of ranked entries, not ${describe(value)}`)
    }
    if (value.length === 0) problem(field, 'required, but empty')
    value.forEach((entry, index) => {
      const path = `${itemPath(field, entry, index)}.city`
      const city = isObject(entry) ? entry.city : undefined
      const message =
        city === undefined || city === null ? missing(path) : checkReference(city, 'city', context)
      if (message) problem(path, message)
    })
  },
  array({field, value, problem}) {
    if (!Array.isArray(value)) problem(field, `must be a list, not ${describe(value)}`)
  },
  object({field, value, problem}) {
    if (!isObject(value)) problem(field, `must be an object, not ${describe(value)}`)
  },
  ...ADDRESS_CHECKS,
}

/**
 * Checks one document (already cleaned by dropUnpublishable) against its rules.
 * Returns its problems; wrong-type items of optional reference lists are dropped
 * and noted instead.
 */
export function checkDocument(
  doc: Record<string, unknown>,
  rules: Record<string, FieldRule>,
  context: PublicationContext,
  notes: Notes,
): FieldProblem[] {
  const problems: FieldProblem[] = []
  const problem = (field: string, message: string) => void problems.push({field, message})
  const missing = (field: string) => {
    const why = notes.get(field)
    notes.delete(field)
    return why?.message ?? 'required, but missing'
  }
  for (const [field, rule] of Object.entries(rules)) {
    const value = doc[field]
    if (value === undefined || value === null) {
      if (rule.required) problem(field, missing(field))
      continue
    }
    CHECKS[rule.kind]({doc, field, value, rule, context, notes, problem, missing})
  }
  if (rules === PUBLICATION_CONTRACT.redirect) checkRedirectTarget(doc, problem, missing)
  return problems
}
