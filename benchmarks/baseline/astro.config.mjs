import {defineConfig} from 'astro/config'

// Same output options as the real site, so both builds do the same kind of work.
export default defineConfig({
  site: 'https://baseline.example',
  output: 'static',
  trailingSlash: 'always',
  build: {format: 'directory', inlineStylesheets: 'always'},
  ...(process.env.BASELINE_OUT_DIR ? {outDir: process.env.BASELINE_OUT_DIR} : {}),
  ...(process.env.BASELINE_CACHE_DIR ? {cacheDir: process.env.BASELINE_CACHE_DIR} : {}),
  // Astro's floor for a rebuild (pnpm bench): each page keyed by its entry's digest.
  experimental: {incrementalBuild: process.env.BASELINE_INCREMENTAL === 'true'},
})
