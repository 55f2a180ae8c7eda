/**
 * What the site may publish from a dataset that parsed cleanly. The parser
 * (parse.ts) guarantees a sound file: JSON objects with ids, types, unique ids and
 * strong references that resolve. This module checks each published document
 * against what the pages rely on (the publication contract below) and decides,
 * per document, what an editor would want:
 *
 * - a Latest article with a problem is left out, with a warning naming file,
 *   line, document and field, so one bad article never blocks an urgent
 *   correction elsewhere; so is a city no ranked list includes;
 * - a problem in anything else (a ranked list, a ranked city, a category, an
 *   author, the settings) stops the build: leaving it out would renumber a
 *   ranking or break pages that depend on it;
 * - text is cleaned rather than refused: invisible control characters and
 *   Unicode non-characters are removed and broken surrogates become U+FFFD,
 *   with a warning (XML feeds cannot carry them, readers cannot see them);
 * - a reference to a document that is left out, or a weak reference to a
 *   missing one, is dropped where it is optional (a related city) and is a
 *   problem where it is required (an article's category, a ranked entry);
 * - an image without a usable asset (none, missing, or without dimensions) is
 *   left out where optional and is a problem where required;
 * - an article dated in the future is held back until a build on or after its
 *   date (consistently: no page, no list, no feed), with a notice.
 *
 * Drafts and release versions are never published, so none of this applies to
 * them: an unfinished draft is normal.
 */
import {SLUG_PATTERN} from '../schema/rules.ts'
import {cleanText} from '../text.ts'
import type {DatasetProblem} from './errors.ts'

export interface PublishableDocument {
  _id: string
  _type: string
  [field: string]: unknown
}

type FieldKind =
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

export interface FieldRule {
  kind: FieldKind
  required?: boolean
  /** For references: the one document type they must point at. */
  to?: string
}

const req = (kind: FieldKind, to?: string): FieldRule => ({kind, required: true, ...(to && {to})})
const opt = (kind: FieldKind, to?: string): FieldRule => ({kind, ...(to && {to})})

/**
 * The fields the pages and feeds read, per document type, as the schema defines
 * them (tests/content/hostile-datasets.test.ts checks that every field required
 * here is required in the studio too). Fields not listed are not checked.
 */
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
  },
  city: {
    name: req('string'),
    slug: req('slug'),
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
  },
  category: {
    title: req('string'),
    slug: req('slug'),
    description: opt('string'),
  },
  author: {
    name: req('string'),
    slug: req('slug'),
    role: opt('string'),
    bio: opt('string'),
    image: opt('image'),
    url: opt('string'),
  },
}

/** Optional date fields anywhere in a document: a malformed one is left out. */
const OPTIONAL_DATE_FIELDS = new Set(['updatedAt', 'postedAt'])

const LABELS: Record<string, string> = {
  article: 'article',
  city: 'city',
  listicle: 'ranked list',
  category: 'category',
  author: 'author',
  siteSettings: 'site settings document',
  'sanity.imageAsset': 'image asset',
}
const label = (type: string) => LABELS[type] ?? `"${type}" document`
const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`

const isSystemType = (type: string) => type.startsWith('sanity.') || type.startsWith('system.')

function describe(value: unknown): string {
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'a list'
  if (typeof value === 'string') return 'text'
  if (typeof value === 'number') return `a number (${value})`
  if (typeof value === 'boolean') return `${value}`
  return typeof value === 'object' ? 'an object' : typeof value
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value)

/** `entries[_key=="a1"]` when the item has a key, else `entries[3]`, as Sanity writes paths. */
export function itemPath(path: string, item: unknown, index: number): string {
  const key = isObject(item) && typeof item._key === 'string' ? `[_key=="${item._key}"]` : ''
  return `${path}${key || `[${index}]`}`
}
const fieldPath = (path: string, field: string) => (path ? `${path}.${field}` : field)

// ---------------------------------------------------------------------------
// Dates

const DATETIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/

/** A calendar date and time in ISO 8601 with a zone, as Sanity's datetime fields store it. */
export function isValidDatetime(value: unknown): value is string {
  if (typeof value !== 'string') return false
  const match = DATETIME.exec(value)
  if (!match) return false
  const [year, month, day, hour, minute, second = '0', zoneHour = '0', zoneMinute = '0'] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[]
  const daysInMonth = new Date(Date.UTC(year!, month!, 0)).getUTCDate()
  return (
    month! >= 1 &&
    month! <= 12 &&
    day! >= 1 &&
    day! <= daysInMonth &&
    hour! <= 23 &&
    minute! <= 59 &&
    Number(second) <= 59 &&
    Number(zoneHour) <= 23 &&
    Number(zoneMinute) <= 59 &&
    Number.isFinite(Date.parse(value))
  )
}

const badDate = (value: unknown) =>
  `${typeof value === 'string' ? `"${value.slice(0, 40)}"` : describe(value)} is not a date and time ` +
  '(expected ISO 8601 with a time zone, for example "2026-02-01T09:00:00Z")'

// ---------------------------------------------------------------------------
// Text

/** Cleans every string value outside `_` system fields; copies only what changed. */
function cleanStrings(value: unknown, path: string, changes: Map<string, string>): unknown {
  if (typeof value === 'string') {
    const cleaned = cleanText(value)
    if (cleaned.change) changes.set(path, cleaned.change)
    return cleaned.text
  }
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    value.forEach((item, index) => {
      const next = cleanStrings(item, itemPath(path, item, index), changes)
      if (next !== item) (copy ??= [...value])[index] = next
    })
    return copy ?? value
  }
  if (!isObject(value)) return value
  let copy: Record<string, unknown> | undefined
  for (const [field, child] of Object.entries(value)) {
    if (field.startsWith('_')) continue
    const next = cleanStrings(child, fieldPath(path, field), changes)
    if (next !== child) (copy ??= {...value})[field] = next
  }
  return copy ?? value
}

// ---------------------------------------------------------------------------
// References, images and optional dates: what is dropped, and why

interface Context {
  /** Every published document by id (before anything is left out). */
  byId: Map<string, PublishableDocument>
  lineOf: Map<string, number>
  /** Why a document is left out, by id. */
  leftOut: Map<string, string>
}

const DROP = Symbol('drop')

/** Something dropped from a document: why, and what that means for the page. */
interface Note {
  message: string
  consequence: string
}
type Notes = Map<string, Note>

function assetProblem(image: Record<string, unknown>, context: Context): string | undefined {
  const ref = isObject(image.asset) ? image.asset._ref : undefined
  if (typeof ref !== 'string') return 'the image has no asset (no file was uploaded for it)'
  const asset = context.byId.get(ref)
  const where = `its asset "${ref}"`
  if (!asset) return `${where} is not in the dataset`
  if (asset._type !== 'sanity.imageAsset') {
    return `${where} is ${withArticle(label(asset._type))}, not an image asset`
  }
  const line = context.lineOf.get(ref)
  const dimensions = isObject(asset.metadata) ? asset.metadata.dimensions : undefined
  const {width, height} = isObject(dimensions) ? dimensions : {}
  const positive = (n: unknown) => typeof n === 'number' && Number.isFinite(n) && n > 0
  if (!positive(width) || !positive(height)) {
    return `${where} (line ${line}) has no width and height (metadata.dimensions)`
  }
  if (typeof asset.path !== 'string' || !asset.path) {
    return `${where} (line ${line}) has no file path`
  }
  return undefined
}

const isImage = (value: Record<string, unknown>) =>
  value._type === 'accessibleImage' || value._type === 'image' || 'asset' in value

/**
 * Drops what cannot be published from one document: references to documents that
 * are left out (or weak ones to documents that do not exist), images without a
 * usable asset, malformed optional dates. Records why, by path.
 */
function dropUnpublishable(value: unknown, path: string, context: Context, notes: Notes): unknown {
  if (Array.isArray(value)) {
    let copy: unknown[] | undefined
    value.forEach((item, index) => {
      const next = dropUnpublishable(item, itemPath(path, item, index), context, notes)
      if (next !== item) (copy ??= value.slice(0, index)).push(...(next === DROP ? [] : [next]))
      else copy?.push(item)
    })
    return copy ?? value
  }
  if (!isObject(value)) return value

  if (path && typeof value._ref === 'string') {
    const ref = value._ref
    const why = context.leftOut.get(ref)
    const consequence = 'the reference is dropped'
    if (why !== undefined) {
      const message = `references "${ref}" (line ${context.lineOf.get(ref)}), which ${why}`
      notes.set(path, {message, consequence})
      return DROP
    }
    if (!context.byId.has(ref)) {
      // Strong references always resolve (parse.ts); this is a weak one, or one to a draft.
      const message = `references "${ref}", which is not a published document in the dataset`
      notes.set(path, {message, consequence})
      return DROP
    }
    return value
  }

  if (path && isImage(value)) {
    const message = assetProblem(value, context)
    if (message) {
      notes.set(path, {message, consequence: 'the image is left out'})
      return DROP
    }
  }

  let copy: Record<string, unknown> | undefined
  for (const [field, child] of Object.entries(value)) {
    if (field.startsWith('_')) continue
    const childPath = fieldPath(path, field)
    if (OPTIONAL_DATE_FIELDS.has(field) && child != null && !isValidDatetime(child)) {
      notes.set(childPath, {message: badDate(child), consequence: 'the date is left out'})
      copy ??= {...value}
      Reflect.deleteProperty(copy, field)
      continue
    }
    const next = dropUnpublishable(child, childPath, context, notes)
    if (next === child) continue
    copy ??= {...value}
    if (next === DROP) Reflect.deleteProperty(copy, field)
    else copy[field] = next
  }
  return copy ?? value
}

// ---------------------------------------------------------------------------
// The contract

function checkReference(value: unknown, to: string, context: Context): string | undefined {
  if (!isObject(value) || typeof value._ref !== 'string') {
    return `must be a reference to ${withArticle(label(to))}, not ${describe(value)}`
  }
  const target = context.byId.get(value._ref)
  if (target && target._type !== to) {
    return `must reference ${withArticle(label(to))}, but "${value._ref}" is ${withArticle(label(target._type))}`
  }
  return undefined
}

/**
 * Checks one document (already cleaned by dropUnpublishable) against the contract.
 * Returns its problems; drops wrong-type items from optional reference lists into notes.
 */
function checkDocument(
  doc: Record<string, unknown>,
  rules: Record<string, FieldRule>,
  context: Context,
  notes: Notes,
): Array<{field: string; message: string}> {
  const problems: Array<{field: string; message: string}> = []
  const problem = (field: string, message: string) => problems.push({field, message})
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
    switch (rule.kind) {
      case 'string':
        if (typeof value !== 'string') problem(field, `must be text, not ${describe(value)}`)
        else if (rule.required && !value.trim()) problem(field, 'required, but empty')
        break
      case 'slug': {
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
        break
      }
      case 'datetime':
        if (!isValidDatetime(value)) problem(field, badDate(value))
        break
      case 'blocks':
        if (!Array.isArray(value))
          problem(field, `must be a list of blocks, not ${describe(value)}`)
        else if (rule.required && value.length === 0) problem(field, 'required, but empty')
        else {
          value.forEach((item, index) => {
            if (!isObject(item) || typeof item._type !== 'string') {
              problem(itemPath(field, item, index), 'each block must be an object with a "_type"')
            }
          })
        }
        break
      case 'image':
        if (!isObject(value)) problem(field, `must be an image, not ${describe(value)}`)
        break
      case 'reference': {
        const message = checkReference(value, rule.to!, context)
        if (message) problem(field, message)
        break
      }
      case 'references':
        if (!Array.isArray(value)) {
          problem(field, `must be a list of references, not ${describe(value)}`)
          break
        }
        // An optional list: an item of the wrong type is dropped, the rest is kept.
        doc[field] = value.filter((item, index) => {
          const message = checkReference(item, rule.to!, context)
          if (message) {
            notes.set(itemPath(field, item, index), {message, consequence: 'the item is dropped'})
          }
          return !message
        })
        break
      case 'entries':
        if (!Array.isArray(value)) {
          problem(field, `must be a list of ranked entries, not ${describe(value)}`)
          break
        }
        if (value.length === 0) problem(field, 'required, but empty')
        value.forEach((entry, index) => {
          const path = `${itemPath(field, entry, index)}.city`
          const city = isObject(entry) ? entry.city : undefined
          if (city === undefined || city === null) problem(path, missing(path))
          else {
            const message = checkReference(city, 'city', context)
            if (message) problem(path, message)
          }
        })
        break
      case 'array':
        if (!Array.isArray(value)) problem(field, `must be a list, not ${describe(value)}`)
        break
      case 'object':
        if (!isObject(value)) problem(field, `must be an object, not ${describe(value)}`)
        break
    }
  }
  return problems
}

// ---------------------------------------------------------------------------
// Putting it together

export interface Publication {
  /** Published documents as the site may show them, in file order. */
  published: PublishableDocument[]
  /** Documents left out, text cleaned, references and images dropped. */
  warnings: DatasetProblem[]
  /** Articles dated in the future, held back until a later build. */
  scheduled: DatasetProblem[]
  /** Problems that cannot be skipped safely: the build stops. */
  blocking: DatasetProblem[]
  /** Why each left-out document is left out, by id. */
  leftOut: Map<string, string>
}

export interface PublicationOptions {
  /** The build's "now", for scheduled articles. Defaults to the current time. */
  now?: Date
}

/**
 * Decides what a dataset publishes. `documents` are the published documents of a
 * structurally sound dataset (drafts and versions already set aside).
 */
export function preparePublication(
  documents: PublishableDocument[],
  file: string,
  lineOf: Map<string, number>,
  options: PublicationOptions = {},
): Publication {
  const now = (options.now ?? new Date()).getTime()
  const warnings: DatasetProblem[] = []
  const scheduled: DatasetProblem[] = []
  const blocking: DatasetProblem[] = []
  const leftOut = new Map<string, string>()
  const at = (id: string) => ({file, line: lineOf.get(id) ?? 0, documentId: id})

  // 1. Text: cleaned once, before anything else looks at it.
  const cleaned = documents.map((doc) => {
    if (isSystemType(doc._type)) return doc
    const changes = new Map<string, string>()
    const next = cleanStrings(doc, '', changes) as PublishableDocument
    for (const [field, change] of changes) {
      warnings.push({
        ...at(doc._id),
        field,
        message: `${change}; the text is published without them`,
      })
    }
    return next
  })
  const byId = new Map(cleaned.map((doc) => [doc._id, doc]))

  // 2. Unknown types and scheduled articles are left out from the start.
  for (const doc of cleaned) {
    if (isSystemType(doc._type) || PUBLICATION_CONTRACT[doc._type]) continue
    leftOut.set(doc._id, `is of the unknown type "${doc._type}"`)
    warnings.push({
      ...at(doc._id),
      field: '_type',
      message: `unknown document type "${doc._type}"; the document is not published`,
    })
  }
  for (const doc of cleaned) {
    if (doc._type !== 'article' || !isValidDatetime(doc.publishedAt)) continue
    if (Date.parse(doc.publishedAt) <= now) continue
    leftOut.set(doc._id, `is scheduled for ${doc.publishedAt}`)
    scheduled.push({
      ...at(doc._id),
      field: 'publishedAt',
      message: `dated ${doc.publishedAt}, in the future: the article is held back until a build on or after that date`,
    })
  }

  // Cities a ranked list includes cannot be left out: the ranking would be renumbered.
  const rankedBy = new Map<string, string>()
  for (const doc of cleaned) {
    if (doc._type !== 'listicle' || !Array.isArray(doc.entries)) continue
    for (const entry of doc.entries) {
      const ref = isObject(entry) && isObject(entry.city) ? entry.city._ref : undefined
      if (typeof ref === 'string' && !rankedBy.has(ref)) rankedBy.set(ref, doc._id)
    }
  }
  const skipNote = (doc: PublishableDocument): string | undefined => {
    if (doc._type === 'article') return 'the article is left out of the site'
    if (doc._type === 'city' && !rankedBy.has(doc._id)) {
      return 'the city is left out of the site (no ranked list includes it)'
    }
    return undefined
  }

  // 3. Check every document; leave out those that may be skipped, and check again,
  // since leaving one out can break another (a required reference to it). Each
  // round leaves out at least one more document, so this ends, cycles included.
  const context: Context = {byId, lineOf, leftOut}
  type Result = {doc: PublishableDocument; notes: Notes; problems: ReturnType<typeof checkDocument>}
  let results: Result[]
  for (;;) {
    results = []
    const skippedNow: Array<{doc: PublishableDocument; problems: Result['problems']}> = []
    for (const original of cleaned) {
      if (leftOut.has(original._id)) continue
      if (isSystemType(original._type)) {
        results.push({doc: original, notes: new Map(), problems: []})
        continue
      }
      const notes: Notes = new Map()
      const doc = {...(dropUnpublishable(original, '', context, notes) as PublishableDocument)}
      const problems = checkDocument(doc, PUBLICATION_CONTRACT[original._type]!, context, notes)
      if (problems.length > 0 && skipNote(original)) skippedNow.push({doc: original, problems})
      else results.push({doc, notes, problems})
    }
    if (skippedNow.length === 0) break
    for (const {doc, problems} of skippedNow) {
      const note = skipNote(doc)!
      leftOut.set(doc._id, `is left out (${problems[0]!.field}: ${problems[0]!.message})`)
      for (const {field, message} of problems) {
        warnings.push({...at(doc._id), field, message: `${message}; ${note}`})
      }
    }
  }

  for (const {doc, notes, problems} of results) {
    for (const [field, {message, consequence}] of notes) {
      warnings.push({...at(doc._id), field, message: `${message}; ${consequence}`})
    }
    const ranked = doc._type === 'city' ? rankedBy.get(doc._id) : undefined
    for (const {field, message} of problems) {
      blocking.push({
        ...at(doc._id),
        field,
        message: ranked
          ? `${message} (ranked in "${ranked}", so the city cannot be left out)`
          : message,
      })
    }
  }

  // 4. Two published pages cannot share one address.
  const slugOwner = new Map<string, string>()
  for (const {doc} of results) {
    if (!PUBLICATION_CONTRACT[doc._type]?.slug) continue
    const current = isObject(doc.slug) ? doc.slug.current : undefined
    if (typeof current !== 'string' || !SLUG_PATTERN.test(current)) continue
    const key = `${doc._type}\u0000${current}`
    const first = slugOwner.get(key)
    if (first === undefined) {
      slugOwner.set(key, doc._id)
      continue
    }
    blocking.push({
      ...at(doc._id),
      field: 'slug.current',
      message:
        `"${current}" is also the slug of ${label(doc._type)} "${first}" (line ${lineOf.get(first)}); ` +
        'two pages cannot share one address',
    })
  }

  const byLine = (a: DatasetProblem, b: DatasetProblem) => a.line - b.line
  return {
    published: results.map(({doc}) => doc),
    warnings: warnings.sort(byLine),
    scheduled,
    blocking: blocking.sort(byLine),
    leftOut,
  }
}
