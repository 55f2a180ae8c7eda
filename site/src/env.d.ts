/** Set by the draft-preview integration in astro.config.ts: true only under `astro dev` with preview on. */
declare const __DRAFT_PREVIEW__: boolean
/** False in the static build (astro.config.ts): its content never carries stega (lib/stega.ts). */
declare const __STEGA__: boolean

declare namespace App {
  interface Locals {
    /** Set only on the preview server, by its middleware (site/src/preview/middleware.ts). */
    preview?: import('./lib/editing').PreviewLocals
  }
}
