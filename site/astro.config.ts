import {fileURLToPath} from 'node:url'

import sitemap from '@astrojs/sitemap'
import {readEnvironment} from '@smart-cities/shared/environment'
import type {AstroIntegration} from 'astro'
import {defineConfig, fontProviders} from 'astro/config'

import {hostRedirects} from './src/integrations/host-redirects'
import {contentSecurityPolicy} from './src/lib/csp'
import {resolveSiteUrl} from './src/lib/site-url'
import {unlistedPaths} from './src/lib/unlisted'

const environment = readEnvironment()

/**
 * Draft preview is decided here, from the command Astro runs: only `astro dev`
 * may read drafts; `astro build` with SANITY_PREVIEW_DRAFTS=true stops at once.
 * Pages see the decision as the constant __DRAFT_PREVIEW__ (false unless dev).
 */
const draftPreview: AstroIntegration = {
  name: 'draft-preview',
  hooks: {
    'astro:config:setup': ({command, updateConfig}) => {
      if (environment.previewDrafts && command !== 'dev') {
        throw new Error(
          'SANITY_PREVIEW_DRAFTS=true is for local preview with `pnpm dev` only; a build never includes drafts. Unset it to build.',
        )
      }
      const preview = environment.previewDrafts && command === 'dev'
      updateConfig({vite: {define: {__DRAFT_PREVIEW__: JSON.stringify(preview)}}})
    },
  },
}

/** A Latin variable font file (weight axis) of a Fontsource package. */
const fontFile = (family: string, style: 'normal' | 'italic') =>
  `@fontsource-variable/${family}/files/${family}-latin-wght-${style}.woff2`

/** Not listed: the 404 page, pages editors hid from search engines (seo.noIndex), old addresses. */
const listedInSitemap = (page: string) => {
  const path = new URL(page).pathname
  return path !== '/404/' && !unlistedPaths().has(path)
}

export default defineConfig({
  // `pnpm build` resolves the URL once and passes it on as SITE_URL.
  site: await resolveSiteUrl(environment),
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages are small; one request per page beats a render-blocking stylesheet.
    inlineStylesheets: 'always',
    // Each page waits on Node's thread pool (CSP hashes with WebCrypto, file writes,
    // image resizing); rendering several at once keeps both cores busy (benchmarks/README.md).
    concurrency: 8,
  },
  // A Content-Security-Policy <meta> on every page, with the inlined styles' hashes.
  security: {csp: contentSecurityPolicy},
  // Self-hosted from the npm packages (Fontsource), Latin only: served from the site's own origin.
  fonts: [
    {
      provider: fontProviders.local(),
      name: 'Newsreader',
      cssVariable: '--font-serif',
      fallbacks: ['Georgia', 'serif'],
      options: {
        variants: [
          {src: [fontFile('newsreader', 'normal')], weight: '200 800', style: 'normal'},
          {src: [fontFile('newsreader', 'italic')], weight: '200 800', style: 'italic'},
        ],
      },
    },
    {
      provider: fontProviders.local(),
      name: 'Inter',
      cssVariable: '--font-sans',
      fallbacks: ['sans-serif'],
      options: {
        variants: [{src: [fontFile('inter', 'normal')], weight: '100 900', style: 'normal'}],
      },
    },
  ],
  // Content read for the static site never carries stega: pages skip cleaning it (src/lib/stega.ts).
  vite: {define: {__STEGA__: 'false'}},
  // The site has no Markdown; Shiki's inline styles would not pass the CSP anyway.
  markdown: {syntaxHighlight: false},
  logger: {
    entrypoint: fileURLToPath(new URL('./scripts/build-log.ts', import.meta.url)),
    config: {files: environment.site.logFiles},
  },
  ...(environment.site.distDir ? {outDir: environment.site.distDir} : {}),
  // Where Astro keeps what a later build may reuse (default node_modules/.astro).
  ...(environment.site.cacheDir ? {cacheDir: environment.site.cacheDir} : {}),
  ...(environment.site.port ? {server: {port: environment.site.port}} : {}),
  experimental: {
    // SITE_INCREMENTAL_BUILD=true: pages whose cacheKey (a digest of everything
    // they show, see site-content.ts) is unchanged are copied from the last build.
    incrementalBuild: environment.site.incrementalBuild,
  },
  // Old addresses reach the config through no file: the pages resolve them from the
  // content (src/lib/redirects.ts), build a page at each ([...oldAddress].astro), and
  // hostRedirects writes them for hosts when the build ends.
  integrations: [draftPreview, sitemap({filter: listedInSitemap}), hostRedirects()],
})
