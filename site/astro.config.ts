import sitemap from '@astrojs/sitemap'
import {getContentSource} from '@smart-cities/shared/content'
import {SITE_SETTINGS_QUERY} from '@smart-cities/shared/queries'
import type {AstroIntegration} from 'astro'
import {defineConfig} from 'astro/config'

import {contentSecurityPolicy} from './src/lib/csp'

/**
 * The public origin for canonicals, feeds and the sitemap: SITE_URL when set
 * (each host knows its own), otherwise the site URL in the settings document.
 */
async function resolveSiteUrl(): Promise<string> {
  const fromEnv = process.env.SITE_URL?.trim()
  if (fromEnv) return fromEnv
  const source = getContentSource()
  const settings = await source.fetch(SITE_SETTINGS_QUERY)
  if (!settings?.siteUrl) {
    throw new Error(
      `${source.description}: set SITE_URL, or the site URL in the "siteSettings" document.`,
    )
  }
  return settings.siteUrl
}

/**
 * Draft preview is decided here, from the command Astro runs: only `astro dev`
 * may read drafts; `astro build` with SANITY_PREVIEW_DRAFTS=true stops at once.
 * Pages see the decision as the constant __DRAFT_PREVIEW__ (false unless dev).
 */
const draftPreview: AstroIntegration = {
  name: 'draft-preview',
  hooks: {
    'astro:config:setup': ({command, updateConfig}) => {
      const requested = process.env.SANITY_PREVIEW_DRAFTS === 'true'
      if (requested && command !== 'dev') {
        throw new Error(
          'SANITY_PREVIEW_DRAFTS=true is for local preview with `pnpm dev` only; a build never includes drafts. Unset it to build.',
        )
      }
      updateConfig({
        vite: {define: {__DRAFT_PREVIEW__: JSON.stringify(requested && command === 'dev')}},
      })
    },
  },
}

export default defineConfig({
  site: await resolveSiteUrl(),
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages are small; one request per page beats a render-blocking stylesheet.
    inlineStylesheets: 'always',
    // Each page waits on Node's thread pool (CSP hashes with WebCrypto, file writes,
    // image resizing); rendering several at once keeps both cores busy. At 10,000
    // articles: 32 s with 1, 27 s with 4, 25 s with 8 (benchmarks/README.md).
    concurrency: 8,
  },
  // A Content-Security-Policy <meta> on every page, with the inlined styles' hashes.
  security: {csp: contentSecurityPolicy},
  // Tests build into temporary folders; everyone else gets site/dist.
  ...(process.env.SITE_OUT_DIR ? {outDir: process.env.SITE_OUT_DIR} : {}),
  // Where Astro keeps what a later build may reuse (default node_modules/.astro).
  ...(process.env.SITE_CACHE_DIR ? {cacheDir: process.env.SITE_CACHE_DIR} : {}),
  experimental: {
    // SITE_INCREMENTAL_BUILD=true: pages whose cacheKey (a digest of everything
    // they show, see site-content.ts) is unchanged are copied from the last build.
    incrementalBuild: process.env.SITE_INCREMENTAL_BUILD === 'true',
  },
  integrations: [draftPreview, sitemap({filter: (page) => !/\/404\/?$/.test(page)})],
})
