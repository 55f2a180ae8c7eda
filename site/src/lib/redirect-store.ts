/**
 * The redirects of the build in progress, for the host files written when it
 * ends (src/integrations/host-redirects.ts). Kept on globalThis, as unlisted.ts
 * is: the pages resolve them in their own copy of site-content.ts (bundled by
 * Vite), and the integration reads them from astro.config.ts's copy of this
 * module, in the same build process.
 */
import type {Redirect} from './redirects'

const KEY = Symbol.for('@smart-cities/site/redirects')

export function redirectStore(): {redirects: Redirect[] | undefined} {
  const store = globalThis as Record<symbol, {redirects: Redirect[] | undefined} | undefined>
  return (store[KEY] ??= {redirects: undefined})
}
