import {defineConfig} from 'astro/config'

// Same output options as the real site, so both builds do the same kind of work.
export default defineConfig({
  site: 'https://baseline.example',
  output: 'static',
  trailingSlash: 'always',
  build: {format: 'directory', inlineStylesheets: 'always'},
  ...(process.env.BASELINE_OUT_DIR ? {outDir: process.env.BASELINE_OUT_DIR} : {}),
})
