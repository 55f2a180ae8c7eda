/**
 * What every document has, and how to tell what kind of id it carries. Sanity's
 * own id helpers (from @sanity/client, which the site already bundles) classify
 * drafts (`drafts.x`) and release versions (`versions.<release>.x`).
 */
export {getPublishedId, isDraftId, isPublishedId} from '@sanity/client/csm'

export interface SanityDocumentLike {
  _id: string
  _type: string
  [field: string]: unknown
}

/** Types Sanity itself stores in every dataset (assets, system documents); not part of our schema. */
export const isSystemType = (type: string) =>
  type.startsWith('sanity.') || type.startsWith('system.')
