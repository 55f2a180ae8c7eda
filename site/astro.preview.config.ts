/**
 * The editors' preview server: the same pages as the static site
 * (astro.config.ts), rendered on request by Astro's Node adapter, for the studio's
 * Presentation tool only. `pnpm preview:server` builds it into dist-preview/ and
 * starts it (scripts/preview-server.ts); README, "Preview drafts in the studio".
 */
import node from '@astrojs/node'

import siteConfig from './astro.config'
import {contentSecurityPolicy} from './src/lib/csp'
import {previewServer} from './src/preview/integration'

const previewConfig: typeof siteConfig = {
  ...siteConfig,
  output: 'server',
  adapter: node({mode: 'standalone'}),
  // Beside the static site, never in it.
  outDir: './dist-preview',
  // No sitemap (nothing here is for search engines), no local draft mode: the preview's own gate.
  integrations: [previewServer()],
  // The preview's session is a signed cookie of its own (src/preview/session.ts).
  session: false,
  experimental: {...siteConfig.experimental, incrementalBuild: false},
  security: {
    ...siteConfig.security,
    csp: {
      ...contentSecurityPolicy,
      // Every preview page runs one script, the overlay's bundle, from the server itself.
      scriptDirective: {resources: ["'self'"]},
      // Sanity's overlay (React, Sanity UI, styled-components) injects <style> elements
      // as it renders; with 'unsafe-inline' Astro leaves the hashes out, or browsers would
      // ignore it. The static site keeps its hashes.
      styleDirective: {resources: ["'self'", "'unsafe-inline'"]},
    },
  },
  logger: {...siteConfig.logger!, config: {...siteConfig.logger!.config, onDemand: true}},
  vite: {
    build: {
      // The overlay is React and Sanity UI, about 840 kB, loaded by editors' browsers only.
      chunkSizeWarningLimit: 1000,
      // Its packages mark React client modules "use client", which means nothing here.
      rolldownOptions: {checks: {moduleLevelDirective: false}},
    },
  },
}

export default previewConfig
