/**
 * The Content-Security-Policy, delivered twice: browsers enforce every policy
 * they are given, so a resource must satisfy both.
 *
 * - In a <meta http-equiv> on every page, written by Astro (security.csp in
 *   astro.config.ts): the directives below, plus script-src and style-src with
 *   the SHA-256 hashes of what Astro inlines. Only the page's own inlined
 *   stylesheets can apply; no injected <style> or style attribute can.
 * - As an HTTP header from the host (site/public/_headers for Netlify and
 *   Cloudflare Pages, site/vercel.json for Vercel): the same directives, plus
 *   what a <meta> cannot carry (frame-ancestors), with script-src 'none' (the
 *   site runs no script at all) and inline styles, which the meta's hashes pin.
 *
 * tests/built-site/security-headers.test.ts checks that both files send HOST_POLICY
 * and that every page's meta policy has the shared directives.
 */
import type {AstroUserConfig} from 'astro'

type CspConfig = Exclude<NonNullable<NonNullable<AstroUserConfig['security']>['csp']>, boolean>

/**
 * Directives of both policies: nothing loads but the site's own images (and
 * Sanity's CDN) and fonts. connect-src lets tools such as Lighthouse fetch
 * /robots.txt from a page; the site itself runs no script.
 */
export const CSP_DIRECTIVES: NonNullable<CspConfig['directives']> = [
  "default-src 'none'",
  "img-src 'self' https://cdn.sanity.io",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
]

/** The value of astro.config.ts's `security.csp`. */
export const contentSecurityPolicy: CspConfig = {
  algorithm: 'SHA-256',
  directives: CSP_DIRECTIVES,
  // Astro always lists the hashes of its client directives (there are no islands
  // here); with them, 'none' would be ignored, so the meta says 'self' and the
  // header says 'none'. JSON-LD blocks are data, which CSP does not govern.
  scriptDirective: {resources: ["'self'"]},
  styleDirective: {resources: ["'self'"]},
}

/** The Content-Security-Policy header hosts send with every response. */
export const HOST_POLICY = [
  ...CSP_DIRECTIVES,
  "script-src 'none'",
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

/** site/public/_headers (Netlify, Cloudflare Pages). */
export const headersFile = () =>
  `# Security headers for every path (Netlify, Cloudflare Pages). Generated from\n` +
  `# site/src/lib/csp.ts; tests/built-site/security-headers.test.ts checks they match.\n` +
  `/*\n` +
  Object.entries(SECURITY_HEADERS)
    .map(([name, value]) => `  ${name}: ${value}\n`)
    .join('')

/** site/vercel.json (Vercel, with site/ as the project's root directory). */
export const vercelJson = () =>
  JSON.stringify(
    {
      $schema: 'https://openapi.vercel.sh/vercel.json',
      outputDirectory: 'dist',
      trailingSlash: true,
      headers: [
        {
          source: '/(.*)',
          headers: Object.entries(SECURITY_HEADERS).map(([key, value]) => ({key, value})),
        },
      ],
    },
    null,
    2,
  ) + '\n'
