/** Set by the draft-preview integration in astro.config.ts: true only under `astro dev` with preview on. */
declare const __DRAFT_PREVIEW__: boolean
