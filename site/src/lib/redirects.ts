/**
 * Old addresses, resolved against the pages this build writes: every earlier
 * slug of a page and every editor's redirect becomes one permanent redirect from
 * the old path straight to a live page or file (a chain collapses to its last
 * hop). An old address that cannot redirect is dropped, with a warning naming the
 * document and field: it is the address of a live page, it leads round in a
 * loop, it goes nowhere that exists, or another redirect already starts there.
 *
 * The dataset's rules check the shape of this data with line numbers (a bad
 * redirect is left out there); the paths are checked again here because a
 * Content Lake's data has not been through those rules.
 */
import {documentPath} from '@smart-cities/shared/routes'
import {redirectSource, redirectTarget} from '@smart-cities/shared/site-path'
import type {REDIRECTS_QUERY_RESULT} from '@smart-cities/shared/types'

export interface Redirect {
  /** The old path, with its trailing slash. */
  from: string
  /** A live page or file: never itself an old address. */
  to: string
  /** Where the redirect comes from, for messages. */
  documentId: string
  field: string
}

export interface RedirectWarning {
  documentId: string
  field: string
  message: string
}

export interface RedirectInput extends REDIRECTS_QUERY_RESULT {
  /** Every path the site builds a page or a file at. */
  livePaths: ReadonlySet<string>
  /** The path of each published document that has a page, by id. */
  pageOf: ReadonlyMap<string, string>
}

/** An old address before it is resolved: where it points, by path. */
interface Candidate extends Omit<Redirect, 'to'> {
  target: string
  /** The field that names the target (the source's is `field`). */
  targetField: string
}

const DROPPED = 'the redirect is dropped'

export function resolveRedirects(input: RedirectInput): {
  redirects: Redirect[]
  warnings: RedirectWarning[]
} {
  const warnings: RedirectWarning[] = []
  const warn = ({documentId, field}: {documentId: string; field: string}, message: string) =>
    void warnings.push({documentId, field, message: `${message}; ${DROPPED}`})

  // Editors' redirects first: an explicit decision wins over a recorded slug.
  const candidates = [...manualCandidates(input, warn), ...earlierSlugCandidates(input, warn)]
  const ownerOf = new Map([...input.pageOf].map(([id, path]) => [path, id]))
  const bySource = new Map<string, Candidate>()
  for (const candidate of candidates) {
    if (input.livePaths.has(candidate.from)) {
      const owner = ownerOf.get(candidate.from)
      const whose = owner ? `the page of "${owner}"` : 'a page of the site'
      warn(candidate, `${candidate.from} is the address of ${whose}, so it cannot redirect`)
      continue
    }
    const first = bySource.get(candidate.from)
    if (first) {
      const other = `document "${first.documentId}", field "${first.field}"`
      warn(candidate, `${candidate.from} already redirects (${other})`)
      continue
    }
    bySource.set(candidate.from, candidate)
  }

  const redirects: Redirect[] = []
  for (const candidate of bySource.values()) {
    const hops = [candidate.from]
    let path = candidate.target
    while (bySource.has(path) && !hops.includes(path)) {
      hops.push(path)
      path = bySource.get(path)!.target
    }
    const {target: _target, targetField, ...source} = candidate
    const at = {documentId: candidate.documentId, field: targetField}
    if (hops.includes(path)) {
      warn(at, `${[...hops, path].join(' → ')} goes round in a loop`)
    } else if (!input.livePaths.has(path)) {
      const via = hops.length > 1 ? ` (via ${hops.slice(1).join(', ')})` : ''
      warn(at, `${candidate.from} would go to ${path}${via}, which the site does not build`)
    } else {
      redirects.push({...source, to: path})
    }
  }
  redirects.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0))
  return {redirects, warnings}
}

type Warn = (at: {documentId: string; field: string}, message: string) => void

/** The earlier slugs of every page, each to the page's current address. */
function earlierSlugCandidates({moved, pageOf}: RedirectInput, warn: Warn): Candidate[] {
  return moved.flatMap((document) =>
    (document.previousSlugs ?? []).flatMap((slug, index) => {
      const at = {documentId: document._id, field: `previousSlugs[${index}]`}
      const from = documentPath({_type: document._type, slug: {current: slug}})
      const target = pageOf.get(document._id)
      if (!from) return []
      if (!target) {
        warn(at, `${from} would go to the page of "${document._id}", which is not published`)
        return []
      }
      return [{...at, from, target, targetField: at.field}]
    }),
  )
}

/** The editors' redirect documents, their paths checked and their pages looked up. */
function manualCandidates({manual, pageOf}: RedirectInput, warn: Warn): Candidate[] {
  return manual.flatMap((redirect) => {
    const at = (field: string) => ({documentId: redirect._id, field})
    const source = redirectSource(redirect.from)
    if (source.path === undefined) {
      warn(at('from'), `the old address ${source.problem}`)
      return []
    }
    if (redirect.toDocument && redirect.toPath) {
      warn(at('toPath'), 'a redirect goes to a page or to a path, not both')
      return []
    }
    if (redirect.toDocument) {
      const target = pageOf.get(redirect.toDocument)
      if (!target) {
        const why = `"${redirect.toDocument}", which is not a published page`
        warn(at('toDocument'), `${source.path} would go to ${why}`)
        return []
      }
      return [{...at('from'), from: source.path, target, targetField: 'toDocument'}]
    }
    const target = redirectTarget(redirect.toPath)
    if (target.path === undefined) {
      warn(
        at('toPath'),
        redirect.toPath ? `the path ${target.problem}` : 'goes nowhere: set a page or a path',
      )
      return []
    }
    return [{...at('from'), from: source.path, target: target.path, targetField: 'toPath'}]
  })
}
