/**
 * What every response of the preview server says about itself: not for search
 * engines, not for any cache, and shown in a frame by the studio only. Pages
 * carry Astro's Content-Security-Policy (hashes of their inlined styles) with
 * `frame-ancestors` added by the middleware; everything else gets FALLBACK_POLICY.
 */

/** The studio's origin as CSP writes it. */
export const frameAncestors = (studioOrigin: string) => `frame-ancestors ${studioOrigin}`

export function previewHeaders(studioOrigin: string): Record<string, string> {
  return {
    'X-Robots-Tag': 'noindex',
    'Cache-Control': 'private, no-store',
    // No Referer leaves for a link on a draft: its address names unpublished work.
    'Referrer-Policy': 'no-referrer',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=()',
    'Content-Security-Policy': [
      "default-src 'none'",
      "base-uri 'none'",
      "form-action 'none'",
      frameAncestors(studioOrigin),
    ].join('; '),
  }
}
