/**
 * Paths the sitemap (astro.config.ts) leaves out: pages hidden from search engines
 * (`seo.noIndex`, which also carry `noindex` and stay out of feeds), and pages whose
 * canonical address is another page (the featured list's own page).
 *
 * Kept on globalThis: the pages fill it while Astro renders them, from their own
 * copy of this module (bundled by Vite), and the sitemap reads it from
 * astro.config.ts's copy at the end of the same build process.
 */
const KEY = Symbol.for('@smart-cities/site/unlisted-paths')

export function unlistedPaths(): Set<string> {
  const store = globalThis as Record<symbol, Set<string> | undefined>
  return (store[KEY] ??= new Set())
}
