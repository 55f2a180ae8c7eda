/** Absolute URLs for feeds, canonicals and structured data. */
export function absoluteUrl(path: string, site: URL | undefined): string {
  if (!site)
    throw new Error(
      'Astro `site` is not set: absolute URLs need SITE_URL or the settings site URL.',
    )
  return new URL(path, site).href
}

const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:'])

/**
 * A link target that is safe to put in href: http(s), mailto, or a path on this
 * site. Anything else (javascript:, data:, vbscript:, protocol-relative…) is refused.
 */
export function safeHref(href: unknown): string | undefined {
  if (typeof href !== 'string') return undefined
  const trimmed = href.trim()
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed
  if (trimmed.startsWith('#')) return trimmed
  try {
    return SAFE_SCHEMES.has(new URL(trimmed).protocol) ? trimmed : undefined
  } catch {
    return undefined
  }
}

export const isExternal = (href: string) => /^https?:\/\//i.test(href)
