import {defineConfig} from 'astro/config'

// Absolute URLs (canonicals, feeds) need the public origin; SITE_URL overrides the default.
const site = process.env.SITE_URL?.trim() || 'https://smartcities.example'

export default defineConfig({
  site,
  // Tests build into temporary folders; everyone else gets site/dist.
  ...(process.env.SITE_OUT_DIR ? {outDir: process.env.SITE_OUT_DIR} : {}),
  output: 'static',
  trailingSlash: 'always',
  build: {format: 'directory'},
  // Pages need no client-side JavaScript.
  scopedStyleStrategy: 'where',
})
