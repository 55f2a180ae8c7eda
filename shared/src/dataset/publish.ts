/**
 * What the site may publish from the published documents of a dataset, decided
 * document by document as an editor would want:
 *
 * - a Latest article with a problem is left out, with a warning naming file,
 *   line, document and field, so one bad article never blocks an urgent
 *   correction elsewhere; so is a city no ranked list includes, and a redirect
 *   (an old address then shows "page not found", as it did before);
 * - a problem in anything else (a ranked list, a ranked city, a category, an
 *   author, the settings) stops the build: leaving it out would renumber a
 *   ranking or break pages that depend on it;
 * - text is cleaned rather than refused (clean.ts), with a warning;
 * - a reference to a document that is left out, or a weak reference to a missing
 *   one, is dropped where it is optional and is a problem where it is required;
 *   so is an image without a usable asset (drops.ts, assets.ts);
 * - an article dated in the future is held back until a build on or after its
 *   date (consistently: no page, no list, no feed), with a notice.
 *
 * Drafts and release versions are never published, so none of this applies to
 * them: an unfinished draft is normal.
 */
import {isSystemType, type SanityDocumentLike} from '../documents.ts'
import {SLUG_PATTERN} from '../schema/rules.ts'
import {cleanStrings} from './clean.ts'
import type {Notes, PublicationContext} from './context.ts'
import {checkDocument, PUBLICATION_CONTRACT, type FieldProblem} from './contract.ts'
import {isValidDatetime} from './dates.ts'
import {dropUnpublishable} from './drops.ts'
import {byLine, type DatasetProblem} from './errors.ts'
import {isObject} from './paths.ts'
import {label} from './wording.ts'

export interface Publication {
  /** Published documents as the site may show them, in file order. */
  published: SanityDocumentLike[]
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
  /** Names of the files in images/ beside the dataset; when given, an asset needs its file. */
  imageFiles?: ReadonlySet<string>
}

interface Checked {
  doc: SanityDocumentLike
  notes: Notes
  problems: FieldProblem[]
}

/** A run of the rules over one dataset: where each finding goes, and how it is located. */
class Decision {
  readonly warnings: DatasetProblem[] = []
  readonly scheduled: DatasetProblem[] = []
  readonly blocking: DatasetProblem[] = []
  readonly #file: string
  readonly #lineOf: Map<string, number>
  constructor(file: string, lineOf: Map<string, number>) {
    this.#file = file
    this.#lineOf = lineOf
  }
  at(id: string, field: string, message: string): DatasetProblem {
    return {file: this.#file, line: this.#lineOf.get(id), documentId: id, field, message}
  }
}

export function preparePublication(
  documents: SanityDocumentLike[],
  file: string,
  lineOf: Map<string, number>,
  options: PublicationOptions = {},
): Publication {
  const decision = new Decision(file, lineOf)
  const cleaned = documents.map((doc) => cleanDocument(doc, decision))
  const context: PublicationContext = {
    byId: new Map(cleaned.map((doc) => [doc._id, doc])),
    lineOf,
    leftOut: new Map(),
    imageFiles: options.imageFiles,
  }
  leaveOutUnknownTypes(cleaned, context, decision)
  holdBackScheduled(cleaned, (options.now ?? new Date()).getTime(), context, decision)
  const rankedBy = rankedCities(cleaned)
  const results = checkUntilStable(cleaned, rankedBy, context, decision)
  for (const {doc, notes, problems} of results) {
    for (const [field, {message, consequence}] of notes) {
      decision.warnings.push(decision.at(doc._id, field, `${message}; ${consequence}`))
    }
    const ranked = doc._type === 'city' ? rankedBy.get(doc._id) : undefined
    for (const {field, message} of problems) {
      const why = ranked ? ` (ranked in "${ranked}", so the city cannot be left out)` : ''
      decision.blocking.push(decision.at(doc._id, field, `${message}${why}`))
    }
  }
  findSharedAddresses(results, lineOf, decision)
  return {
    published: results.map(({doc}) => doc),
    warnings: decision.warnings.sort(byLine),
    scheduled: decision.scheduled,
    blocking: decision.blocking.sort(byLine),
    leftOut: context.leftOut,
  }
}

/** Text cleaned once, before anything else looks at it. */
function cleanDocument(doc: SanityDocumentLike, decision: Decision): SanityDocumentLike {
  if (isSystemType(doc._type)) return doc
  const changes = new Map<string, string>()
  const next = cleanStrings(doc, '', changes) as SanityDocumentLike
  for (const [field, change] of changes) {
    decision.warnings.push(
      decision.at(doc._id, field, `${change}; the text is published without them`),
    )
  }
  return next
}

function leaveOutUnknownTypes(
  documents: SanityDocumentLike[],
  context: PublicationContext,
  decision: Decision,
) {
  for (const doc of documents) {
    if (isSystemType(doc._type) || PUBLICATION_CONTRACT[doc._type]) continue
    context.leftOut.set(doc._id, `is of the unknown type "${doc._type}"`)
    const message = `unknown document type "${doc._type}"; the document is not published`
    decision.warnings.push(decision.at(doc._id, '_type', message))
  }
}

function holdBackScheduled(
  documents: SanityDocumentLike[],
  now: number,
  context: PublicationContext,
  decision: Decision,
) {
  for (const doc of documents) {
    if (doc._type !== 'article' || !isValidDatetime(doc.publishedAt)) continue
    if (Date.parse(doc.publishedAt) <= now) continue
    context.leftOut.set(doc._id, `is scheduled for ${doc.publishedAt}`)
    const message = `dated ${doc.publishedAt}, in the future: the article is held back until a build on or after that date`
    decision.scheduled.push(decision.at(doc._id, 'publishedAt', message))
  }
}

/** The first ranked list that includes each city: such a city cannot be left out. */
function rankedCities(documents: SanityDocumentLike[]): Map<string, string> {
  const rankedBy = new Map<string, string>()
  for (const doc of documents) {
    if (doc._type !== 'listicle' || !Array.isArray(doc.entries)) continue
    for (const entry of doc.entries) {
      const ref = isObject(entry) && isObject(entry.city) ? entry.city._ref : undefined
      if (typeof ref === 'string' && !rankedBy.has(ref)) rankedBy.set(ref, doc._id)
    }
  }
  return rankedBy
}

/**
 * Checks every document; leaves out those that may be skipped, and checks again,
 * since leaving one out can break another (a required reference to it). Each
 * round leaves out at least one more document, so this ends, cycles included.
 */
function checkUntilStable(
  documents: SanityDocumentLike[],
  rankedBy: Map<string, string>,
  context: PublicationContext,
  decision: Decision,
): Checked[] {
  const skipNote = (doc: SanityDocumentLike): string | undefined => {
    if (doc._type === 'article') return 'the article is left out of the site'
    if (doc._type === 'redirect') return 'the redirect is left out'
    if (doc._type === 'city' && !rankedBy.has(doc._id)) {
      return 'the city is left out of the site (no ranked list includes it)'
    }
    return undefined
  }
  for (;;) {
    const results: Checked[] = []
    const skipped: Array<Checked & {note: string}> = []
    for (const original of documents) {
      if (context.leftOut.has(original._id)) continue
      const checked = checkOne(original, context)
      const note = checked.problems.length > 0 ? skipNote(original) : undefined
      if (note) skipped.push({...checked, doc: original, note})
      else results.push(checked)
    }
    if (skipped.length === 0) return results
    for (const {doc, problems, note} of skipped) {
      const [first] = problems
      context.leftOut.set(doc._id, `is left out (${first!.field}: ${first!.message})`)
      for (const {field, message} of problems) {
        decision.warnings.push(decision.at(doc._id, field, `${message}; ${note}`))
      }
    }
  }
}

function checkOne(original: SanityDocumentLike, context: PublicationContext): Checked {
  const notes: Notes = new Map()
  if (isSystemType(original._type)) return {doc: original, notes, problems: []}
  const doc = {...dropUnpublishable(original, context, notes)}
  const problems = checkDocument(doc, PUBLICATION_CONTRACT[original._type]!, context, notes)
  return {doc, notes, problems}
}

/** Two published pages cannot share one address. */
function findSharedAddresses(results: Checked[], lineOf: Map<string, number>, decision: Decision) {
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
    const message =
      `"${current}" is also the slug of ${label(doc._type)} "${first}" (line ${lineOf.get(first)}); ` +
      'two pages cannot share one address'
    decision.blocking.push(decision.at(doc._id, 'slug.current', message))
  }
}
