/**
 * Document-level studio behaviour: singletons, pages that keep their earlier
 * slugs when published, and "open on the site" links.
 */
import {API_VERSION} from '@smart-cities/shared/api-version'
import {documentPath, PAGE_TYPES} from '@smart-cities/shared/routes'
import {SITE_SETTINGS_ID, singletonTypes} from '@smart-cities/shared/schema'
import type {DocumentActionComponent, ResolveProductionUrlContext, Template} from 'sanity'

import {withSlugHistory} from './slug-history'

/** Singletons are opened from the desk, never created from a template. */
export const withoutSingletonTemplates = (templates: Template[]) =>
  templates.filter((template) => !singletonTypes.has(template.schemaType))

// Settings can be edited and published, but not created twice, duplicated or deleted.
const SINGLETON_ACTIONS = new Set(['publish', 'discardChanges', 'restore'])

const hasPage = (schemaType: string) => (PAGE_TYPES as readonly string[]).includes(schemaType)

export function documentActionsFor(schemaType: string, actions: DocumentActionComponent[]) {
  if (singletonTypes.has(schemaType)) {
    return actions.filter((action) => action.action && SINGLETON_ACTIONS.has(action.action))
  }
  if (hasPage(schemaType)) {
    return actions.map((action) => (action.action === 'publish' ? withSlugHistory(action) : action))
  }
  return actions
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
