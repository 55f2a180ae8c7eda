/**
 * What makes the Astro site the preview server (site/astro.preview.config.ts):
 * the gate before every route (middleware.ts) and the overlay script on every
 * page (visual-editing.ts). The static build's config never loads this file, so
 * neither reaches site/dist.
 */
import {fileURLToPath} from 'node:url'

import type {AstroIntegration} from 'astro'

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url))

export function previewServer(): AstroIntegration {
  return {
    name: 'preview-server',
    hooks: {
      'astro:config:setup': ({addMiddleware, injectScript, updateConfig}) => {
        // Its content is stega-encoded for click-to-edit: pages clean what is not text (lib/stega.ts).
        updateConfig({vite: {define: {__STEGA__: 'true'}}})
        addMiddleware({entrypoint: here('./middleware.ts'), order: 'pre'})
        injectScript('page', `import ${JSON.stringify(here('./visual-editing.ts'))}`)
      },
    },
  }
}
