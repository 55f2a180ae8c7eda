/**
 * The Content-Security-Policy, delivered twice: browsers enforce every policy
 * they are given, so a resource must satisfy both.
 *
 * - In a <meta http-equiv> on every page, written by Astro (security.csp in
 *   astro.config.ts): the directives below, plus script-src and style-src with
 *   the SHA-256 hashes of what Astro inlines. Only the page's own inlined
 *   stylesheets can apply; no injected <style> or style attribute can. Scripts:
 *   script-src holds only the hashes of Astro's island runtimes (the site has no
 *   islands), so no script can run, except on /search/, which adds its own
 *   origin, WebAssembly and workers for Pagefind (pages/search/index.astro).
 * - As an HTTP header from the host (site/public/_headers for Netlify and
 *   Cloudflare Pages, site/vercel.json for Vercel): the same directives, plus
 *   what a <meta> cannot carry (frame-ancestors), and what the search page
 *   needs: one policy for every path, because hosts join or override the
 *   headers of overlapping rules differently. Each page's meta narrows it.
 *
 * host-files.ts writes both files from SECURITY_HEADERS;
 * tests/built-site/security-headers.test.ts checks that they send HOST_POLICY and
 * that every page's meta policy has the shared directives.
 */
import type {AstroUserConfig} from 'astro'

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>

/**
 * Directives of both policies: nothing loads but the site's own images (and
 * Sanity's CDN) and fonts. connect-src lets the search page fetch its index,
 * and tools such as Lighthouse fetch /robots.txt from a page; forms (the
 * header's search box) submit only to the site itself.
 */
export const CSP_DIRECTIVES: NonNullable<CspConfig['directives']> = [
  "default-src 'none'",
  "img-src 'self' https://cdn.sanity.io",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
]

/** What the search page adds, for Pagefind: scripts and a worker from this origin, WebAssembly. */
export const SEARCH_SCRIPT_SOURCES = ["'self'", "'wasm-unsafe-eval'"]
export const SEARCH_WORKER_SOURCES = ["'self'"]

/** The value of astro.config.ts's `security.csp`. */
export const contentSecurityPolicy: CspConfig = {
  algorithm: 'SHA-256',
  directives: CSP_DIRECTIVES,
  // No script source but the hashes Astro always lists (of its island runtimes,
  // which no page carries): scripts run on no page unless the page adds a source.
  // Given no source, Astro would write 'self'; 'report-sample' allows nothing (it
  // only asks violation reports for a sample). JSON-LD is data, not governed by CSP.
  scriptDirective: {resources: ["'report-sample'"]},
  styleDirective: {resources: ["'self'"]},
}

/** The Content-Security-Policy header hosts send with every response. */
export const HOST_POLICY = [
  ...CSP_DIRECTIVES,
  `script-src ${SEARCH_SCRIPT_SOURCES.join(' ')}`,
  `worker-src ${SEARCH_WORKER_SOURCES.join(' ')}`,
  "style-src 'self' 'unsafe-inline'",
  "frame-ancestors 'none'",
].join('; ')

/** Every header hosts send with every response. */
export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': HOST_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'strict-origin-when-cross-origin',
  'X-Frame-Options': 'DENY',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
  'Cross-Origin-Opener-Policy': 'same-origin',
}
