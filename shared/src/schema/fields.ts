/**
 * Fields and field groups several document types share, defined once: a change
 * to how titles, slugs, dates, images or references behave applies to every type.
 */
import {defineArrayMember, defineField} from 'sanity'

import {previousSlugsRule, slugOptions, slugRule, webUrlRule} from './rules.ts'

/** Where a field appears in the studio's form, and what it explains to editors. */
interface Placement {
  group?: string
  description?: string
}

interface Named extends Placement {
  name: string
  title: string
}

/** The tabs of a document form. */
export const groups = {
  content: {name: 'content', title: 'Content', default: true},
  meta: {name: 'meta', title: 'Publishing'},
  ranking: {name: 'ranking', title: 'Ranking'},
  facts: {name: 'facts', title: 'Facts'},
  media: {name: 'media', title: 'Media'},
} as const

/** A line of text that must be there, up to `max` characters: titles, names, labels. */
export const requiredString = ({max, ...field}: Named & {max: number}) =>
  defineField({...field, type: 'string', validation: (rule) => rule.required().max(max)})

/** The page's address, generated from `source`; required, URL-safe and unique per type. */
export const slugField = ({source, maxLength, ...placement}: Placement & SlugSource) =>
  defineField({
    ...placement,
    name: 'slug',
    title: 'Slug',
    type: 'slug',
    options: slugOptions(source, maxLength),
    validation: slugRule,
  })

interface SlugSource {
  source: string
  maxLength: number
}

/** A document's name or title and the slug generated from it: how every page type starts. */
export const titleWithSlug = ({
  slugMaxLength,
  ...field
}: Named & {max: number; slugMaxLength: number}) => [
  requiredString(field),
  slugField({group: field.group, source: field.name, maxLength: slugMaxLength}),
]

/** The field where a page keeps the slugs it was published under before it took its slug. */
export const PREVIOUS_SLUGS = 'previousSlugs'

/**
 * The slugs a page was published under before: each old address redirects to the
 * page. The studio records one whenever a changed slug is published
 * (studio/slug-history.ts); editors can see the list and remove an entry (its
 * address then shows "page not found"), but not type one in: a manual redirect
 * is a document of its own (redirect.ts).
 */
export const previousSlugsField = (placement: Placement = {}) =>
  defineField({
    ...placement,
    name: PREVIOUS_SLUGS,
    title: 'Earlier addresses',
    description:
      'Slugs this page was published under before; each old address redirects here. ' +
      'Recorded when a changed slug is published. Remove one to free its address.',
    type: 'array',
    of: [defineArrayMember({type: 'string', readOnly: true})],
    options: {
      sortable: false,
      disableActions: ['add', 'addBefore', 'addAfter', 'duplicate', 'copy'],
    },
    hidden: ({value}) => !Array.isArray(value) || value.length === 0,
    validation: previousSlugsRule,
  })

/** A page's title, its slug and its earlier slugs: how every type with a page starts. */
export const pageTitleWithSlug = (field: Named & {max: number; slugMaxLength: number}) => [
  ...titleWithSlug(field),
  previousSlugsField({group: field.group}),
]

/** A required reference to one document of type `to`. */
export const requiredReference = ({to, ...field}: Named & {to: string}) =>
  defineField({
    ...field,
    type: 'reference',
    to: [{type: to}],
    validation: (rule) => rule.required(),
  })

/** Optional references to documents of type `to`, each at most once. */
export const referenceList = ({to, ...field}: Named & {to: string}) =>
  defineField({
    ...field,
    type: 'array',
    of: [defineArrayMember({type: 'reference', to: [{type: to}]})],
    validation: (rule) => rule.unique(),
  })

/** When the piece was published; a new document starts at now. */
export const publishedAtField = (placement: Placement = {}) =>
  defineField({
    ...placement,
    name: 'publishedAt',
    title: 'Published at',
    type: 'datetime',
    initialValue: () => new Date().toISOString(),
    validation: (rule) => rule.required(),
  })

/** Portable Text (of the array type `type`) that must have at least one block. */
export const requiredText = ({type, ...field}: Named & {type: string}) =>
  defineField({...field, type, validation: (rule) => rule.required().min(1)})

/** An absolute web address (http or https) that must be there. */
export const requiredWebUrl = (field: Named) =>
  defineField({...field, type: 'url', validation: (rule) => webUrlRule(rule).required()})

/** An image with alt text (accessibleImage); `required` for those every page shows. */
export const imageField = ({required = false, ...field}: Named & {required?: boolean}) =>
  defineField({
    ...field,
    type: 'accessibleImage',
    validation: (rule) => (required ? rule.required() : rule),
  })

/** Overrides for search results and link previews. */
export const seoField = (placement: Placement = {}) =>
  defineField({...placement, name: 'seo', title: 'Search and sharing', type: 'seo'})
