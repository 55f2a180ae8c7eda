/**
 * The publication rules for old addresses: the earlier slugs a page keeps
 * (`previousSlugs`) and the editors' redirect documents. Whether an old address
 * may redirect at all (it is not a live page, not a loop, its target exists) is
 * decided by the site's build, for a dataset file and a Content Lake alike
 * (site/src/lib/redirects.ts); here only the shape of the data is checked.
 */
import {PAGE_TYPES} from '../routes.ts'
import {SLUG_PATTERN} from '../schema/rules.ts'
import {redirectSource, redirectTarget} from '../site-path.ts'
import type {FieldCheck, FieldKind} from './contract.ts'
import {isObject} from './paths.ts'
import {describe, label, withArticle} from './wording.ts'

type AddressKind = Extract<
  FieldKind,
  'slugs' | 'pageReference' | 'redirectSource' | 'redirectTarget'
>

/** Why an earlier slug cannot be kept, if it cannot. */
function badEarlierSlug(item: unknown, seen: Set<string>): string | undefined {
  if (typeof item !== 'string') return `${describe(item)} is not a URL slug`
  if (!SLUG_PATTERN.test(item)) return `${JSON.stringify(item.slice(0, 80))} is not a URL slug`
  return seen.has(item) ? `"${item}" is listed twice` : undefined
}

export const ADDRESS_CHECKS: Record<AddressKind, (check: FieldCheck) => void> = {
  slugs({doc, field, value, notes, problem}) {
    if (!Array.isArray(value)) {
      return problem(field, `must be a list of slugs, not ${describe(value)}`)
    }
    // Earlier addresses are optional: a malformed or repeated one is dropped, the rest kept.
    const seen = new Set<string>()
    doc[field] = value.filter((item, index) => {
      const message = badEarlierSlug(item, seen)
      if (message) {
        notes.set(`${field}[${index}]`, {message, consequence: 'the earlier address is dropped'})
      } else {
        seen.add(item as string)
      }
      return !message
    })
  },
  pageReference({field, value, context, problem}) {
    const ref = isObject(value) ? value._ref : undefined
    if (typeof ref !== 'string') {
      return problem(field, `must be a reference to a page, not ${describe(value)}`)
    }
    const target = context.byId.get(ref)
    if (target && !(PAGE_TYPES as readonly string[]).includes(target._type)) {
      const what = withArticle(label(target._type))
      problem(field, `must reference a page, but "${ref}" is ${what}, which has no page`)
    }
  },
  redirectSource({field, value, problem}) {
    const {problem: why} = redirectSource(value)
    if (why) problem(field, why)
  },
  redirectTarget({field, value, problem}) {
    const {problem: why} = redirectTarget(value)
    if (why) problem(field, why)
  },
}

/** A redirect goes to a page or to a path: exactly one of the two. */
export function checkRedirectTarget(
  doc: Record<string, unknown>,
  problem: (field: string, message: string) => void,
  missing: (field: string) => string,
) {
  const hasPage = doc.toDocument !== undefined && doc.toDocument !== null
  const hasPath = typeof doc.toPath === 'string' && doc.toPath !== ''
  if (hasPage && hasPath) {
    problem('toPath', 'a redirect goes to a page (toDocument) or to a path (toPath), not both')
  } else if (!hasPage && !hasPath && doc.toPath === undefined) {
    // Missing, or dropped because the page is left out: missing() says which.
    const why = missing('toDocument')
    problem(
      'toDocument',
      why === 'required, but missing'
        ? 'required: the page (toDocument) or the path (toPath) the redirect goes to'
        : why,
    )
  }
}
