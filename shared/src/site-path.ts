/**
 * A path on this site as an editor types it into a redirect: what is accepted,
 * and its one spelling. The studio's validation, the dataset's publication rules
 * and the site's build all use these, so an address the studio accepts is the
 * address the build redirects.
 */

const MAX_LENGTH = 512

/**
 * Unreserved characters and percent-escapes only: nothing a host's redirect file
 * reads as syntax (spaces, `*` and `:` placeholders, `!`, `#`, `?`).
 */
const SEGMENT = /^(?:[A-Za-z0-9._~-]|%[0-9A-Fa-f]{2})+$/

export type SitePathResult =
  {path: string; problem?: undefined} | {path?: undefined; problem: string}

const fail = (problem: string): SitePathResult => ({problem})

function segmentsOf(value: unknown): string[] | SitePathResult {
  if (typeof value !== 'string') return fail('must be text, a path such as "/2018/08/old-post/"')
  if (value.length > MAX_LENGTH) return fail(`is longer than ${MAX_LENGTH} characters`)
  if (/^[a-z][a-z0-9+.-]*:/i.test(value)) {
    return fail('must be a path on this site without the domain, such as "/2018/08/old-post/"')
  }
  if (!value.startsWith('/') || value.startsWith('//')) {
    return fail('must start with a single "/", such as "/2018/08/old-post/"')
  }
  if (/[?#]/.test(value)) return fail('must not hold a query ("?") or a fragment ("#")')
  const segments = value.slice(1).split('/')
  if (segments.at(-1) === '') segments.pop()
  for (const segment of segments) {
    if (segment === '') return fail('must not hold an empty segment ("//")')
    if (segment === '.' || segment === '..') return fail('must not hold "." or ".." segments')
    if (!SEGMENT.test(segment)) {
      return fail(
        `${JSON.stringify(segment.slice(0, 60))} is not allowed in a path: use letters, digits, ` +
          '"-", "_", ".", "~", or percent-escapes such as "%C3%A9"',
      )
    }
  }
  return segments
}

/** Whether the last segment names a file ("rss.xml") rather than a page ("about"). */
const isFileName = (segment: string | undefined) => segment !== undefined && segment.includes('.')

/**
 * An old address that redirects: a page address, written with its trailing slash
 * ("/2018/08/old-post" becomes "/2018/08/old-post/"), since each one is also
 * built as a page (its HTML fallback). The home page cannot redirect.
 */
export function redirectSource(value: unknown): SitePathResult {
  const segments = segmentsOf(value)
  if (!Array.isArray(segments)) return segments
  if (segments.length === 0) return fail('cannot be the home page')
  if (isFileName(segments.at(-1))) {
    return fail(
      'must be the address of a page, not of a file (".html", ".php"): the build writes a page ' +
        'at every old address, for hosts without redirects',
    )
  }
  return {path: `/${segments.join('/')}/`}
}

/**
 * Where a redirect sends readers: a page ("/latest/", written with its trailing
 * slash) or a file ("/rss.xml") of this site.
 */
export function redirectTarget(value: unknown): SitePathResult {
  const segments = segmentsOf(value)
  if (!Array.isArray(segments)) return segments
  if (segments.length === 0) return {path: '/'}
  const path = `/${segments.join('/')}`
  return {path: isFileName(segments.at(-1)) ? path : `${path}/`}
}
