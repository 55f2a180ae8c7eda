/**
 * Document-level studio behaviour: singletons, pages that keep their earlier
 * slugs when published, "Open on the site" links and "Open preview", which
 * opens the document's page in the Presentation tool.
 */
import {EyeOpenIcon} from '@sanity/icons/EyeOpen'
import {API_VERSION} from '@smart-cities/shared/api-version'
import {documentPath, PAGE_TYPES, routes} from '@smart-cities/shared/routes'
import {SITE_SETTINGS_ID, singletonTypes} from '@smart-cities/shared/schema'
import {
  getPublishedId,
  type DocumentActionComponent,
  type ResolveProductionUrlContext,
  type SanityDocument,
  type Template,
} from 'sanity'
import {useRouter} from 'sanity/router'

import {withSlugHistory} from './slug-history'

/** Singletons are opened from the desk, never created from a template. */
export const withoutSingletonTemplates = (templates: Template[]) =>
  templates.filter((template) => !singletonTypes.has(template.schemaType))

// Settings can be edited and published, but not created twice, duplicated or deleted.
const SINGLETON_ACTIONS = new Set(['publish', 'discardChanges', 'restore'])

/** The page a document is previewed on: its own, or the home page for the settings. */
export function previewPath(document: Pick<SanityDocument, '_type'> & {slug?: unknown}) {
  if (document._type === SITE_SETTINGS_ID) return routes.home()
  return documentPath(document as {_type: string; slug?: {current?: string}})
}

declare module 'sanity' {
  interface DocumentActionKeys {
    openPreview: never
  }
}

/** "Open preview": the document's page in the Presentation tool, drafts and all, beside its form. */
export const OpenPreviewAction: DocumentActionComponent = ({id, type, draft, published}) => {
  const {navigateIntent} = useRouter()
  const document = draft ?? published
  const path = document ? previewPath(document) : undefined
  if (!path) return null
  return {
    label: 'Open preview',
    icon: EyeOpenIcon,
    title: `See ${path} with this document's changes, and click on the page to edit`,
    onHandle: () =>
      navigateIntent('edit', {id: getPublishedId(id), type, mode: 'presentation', preview: path}),
  }
}
OpenPreviewAction.action = 'openPreview'
OpenPreviewAction.displayName = 'OpenPreviewAction'

const hasPage = (schemaType: string) => (PAGE_TYPES as readonly string[]).includes(schemaType)

export function documentActionsFor(schemaType: string, actions: DocumentActionComponent[]) {
  if (singletonTypes.has(schemaType)) {
    const allowed = actions.filter(
      (action) => action.action && SINGLETON_ACTIONS.has(action.action),
    )
    return [...allowed, OpenPreviewAction]
  }
  if (hasPage(schemaType)) {
    return [
      ...actions.map((action) => (action.action === 'publish' ? withSlugHistory(action) : action)),
      OpenPreviewAction,
    ]
  }
  return [...actions, OpenPreviewAction]
}

/** The document's page on the public site, built from the site URL in the settings. */
export async function productionUrl(
  previous: string | undefined,
  {document, getClient}: ResolveProductionUrlContext,
): Promise<string | undefined> {
  const path = documentPath(document as {_type: string; slug?: {current?: string}})
  if (!path) return previous
  const siteUrl = await getClient({apiVersion: API_VERSION}).fetch<string | null>(
    '*[_id == $id][0].siteUrl',
    {id: SITE_SETTINGS_ID},
  )
  return siteUrl ? new URL(path, siteUrl).href : previous
}
