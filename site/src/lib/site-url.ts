/**
 * The public origin for canonicals, feeds and the sitemap: SITE_URL when set
 * (each host knows its own), otherwise the site URL in the settings document.
 * Imports packages only, so that the build script can load it under plain Node.
 */
import {getContentSource} from '@smart-cities/shared/content'
import type {Environment} from '@smart-cities/shared/environment'
import {SITE_SETTINGS_QUERY} from '@smart-cities/shared/queries'
import {ReportableError} from '@smart-cities/shared/reportable-error'

export async function resolveSiteUrl(environment: Environment): Promise<string> {
  if (environment.site.url) return environment.site.url
  const source = getContentSource(environment.content)
  const settings = await source.fetch(SITE_SETTINGS_QUERY)
  if (!settings?.siteUrl) {
    throw new ReportableError(
      `${source.description}: set SITE_URL, or the site URL in the "siteSettings" document.`,
    )
  }
  return settings.siteUrl
}
