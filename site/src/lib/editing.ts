/**
 * Click-to-edit on the preview server. Visible text carries its source in stega
 * (invisible characters the Content Lake's source map lets @sanity/client add);
 * where stega cannot reach (images, list entries, embedded posts, Portable Text
 * blocks) a `data-sanity` attribute tells Sanity's overlay which document field
 * the element shows. On the static site there is no preview in `locals`: every
 * attribute is undefined, and Astro leaves an undefined attribute out.
 */
import {escapeHTML} from '@portabletext/to-html'
import {createDataAttribute} from '@sanity/visual-editing/create-data-attribute'

import type {SiteContent} from './site-content'

/** What the preview server's middleware puts in `Astro.locals.preview`. */
export interface PreviewLocals {
  /** This request's content: the studio's perspective, visible text stega-encoded. */
  content: Promise<SiteContent>
  /** The studio that opened the preview: the overlay's links lead to its documents. */
  studioUrl: string
}

/** The document types pages show, as the studio names them. */
export type EditableType = 'listicle' | 'city' | 'article' | 'category' | 'author' | 'siteSettings'

/** A field path as the studio writes it: `name`, `entries[_key=="a1"]`, `body[_key=="b2"]`. */
export type FieldPath = string

/**
 * The `data-sanity` value for a field of a document, or undefined when the page is
 * not a preview: `edit(city._id, 'city', 'image')`.
 */
export type Edit = (id: string, type: EditableType, path: FieldPath) => string | undefined

export function editAttributes(locals: App.Locals): Edit {
  const preview = locals.preview
  if (!preview) return () => undefined
  return (id, type, path) => createDataAttribute({baseUrl: preview.studioUrl, id, type, path})()
}

/** ` data-sanity="…"` for HTML written as text (Portable Text, social cards); '' without a value. */
export const dataSanityAttribute = (value: string | undefined) =>
  value ? ` data-sanity="${escapeHTML(value)}"` : ''

/** The path of an item of an array field, by its key: `entries[_key=="a1"]`. */
export const itemPath = (field: string, key: string): FieldPath =>
  `${field}[_key==${JSON.stringify(key)}]`
