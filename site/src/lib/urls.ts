/**
 * URLs and text from content, made safe to write into HTML and XML. Every href or
 * src that comes from content goes through safeUrl; every string of built output
 * can go through stripForbiddenChars.
 */
import {stegaClean} from './stega'
import {stripForbiddenChars} from '@smart-cities/shared/text'

export {stripForbiddenChars}

/** Absolute URLs for feeds, canonicals and structured data. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site)
    throw new Error(
      'Astro `site` is not set: absolute URLs need SITE_URL or the settings site URL.',
    )
  return new URL(path, site).href
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:'])
// Any origin works: it only resolves site paths so they come back normalized.
const PATH_BASE = 'https://site.invalid'

/**
 * A URL from content that is safe to put in an href or src, normalized the way a
 * browser would read it, or undefined. Allowed: http(s) with a host, mailto, a
 * path on this site ("/cities/vienna/"), a fragment ("#top"). Refused: every
 * other scheme (javascript:, data:, vbscript:, file:…) however it is spelled
 * (case, tabs or newlines inside, leading spaces or control characters: the
 * URL parser drops them as browsers do), protocol-relative "//host" and "/\host",
 * and anything that is not a string.
 */
export function safeUrl(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined
  // The preview's stega never belongs in an address, whatever field the address came from.
  const written = stegaClean(value)
  // What the WHATWG URL parser ignores (leading and trailing C0 and space, every
  // tab and newline) is removed first, so "java\tscript:" is seen as javascript:.
  const url = stripForbiddenChars(
    // eslint-disable-next-line no-control-regex -- control characters are what is matched
    written.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, ''),
  )
  if (url === '') return undefined
  if (url.startsWith('#')) return new URL(url, PATH_BASE).hash || undefined
  if (url.startsWith('/')) {
    // "//host" and "/\host" leave the site (browsers read "\" as "/").
    if (url[1] === '/' || url[1] === '\\') return undefined
    const parsed = new URL(url, PATH_BASE)
    return parsed.origin === PATH_BASE ? parsed.pathname + parsed.search + parsed.hash : undefined
  }
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    // No scheme and not a site path ("&#106;avascript:…", "cities/x"): refused.
    return undefined
  }
  if (!SAFE_SCHEMES.has(parsed.protocol)) return undefined
  if (parsed.protocol !== 'mailto:' && !parsed.hostname) return undefined
  return parsed.href
}

/** Whether a (safe) URL leaves the site: such links get rel="noopener noreferrer". */
export const isExternal = (href: string) => /^https?:\/\//i.test(href)
