/**
 * Everything the site shows, fetched once per build with a few bulk queries
 * and shared by every page (Astro renders all pages in one process).
 */
import {getContentSource} from '@smart-cities/shared/content'
import {
  ARTICLES_QUERY,
  CATEGORIES_QUERY,
  CITIES_QUERY,
  LISTICLES_QUERY,
  SITE_SETTINGS_QUERY,
} from '@smart-cities/shared/queries'

async function fetchSiteContent() {
  const source = getContentSource()
  const [settings, listicles, articles, categories, cities] = await Promise.all([
    source.fetch(SITE_SETTINGS_QUERY),
    source.fetch(LISTICLES_QUERY),
    source.fetch(ARTICLES_QUERY),
    source.fetch(CATEGORIES_QUERY),
    source.fetch(CITIES_QUERY),
  ])
  if (!settings) {
    throw new Error(`${source.description}: there is no published "siteSettings" document.`)
  }
  const featuredListicle = listicles.find(
    (listicle) => listicle._id === settings.featuredListicleId,
  )
  if (!featuredListicle) {
    throw new Error(
      `${source.description}: document "siteSettings", field "featuredListicle" points at ` +
        `"${settings.featuredListicleId}", which is not a published ranked list with a slug.`,
    )
  }
  return {source, settings, featuredListicle, listicles, articles, categories, cities}
}

export type SiteContent = Awaited<ReturnType<typeof fetchSiteContent>>

let siteContent: Promise<SiteContent> | undefined

export function loadSiteContent(): Promise<SiteContent> {
  siteContent ??= fetchSiteContent()
  return siteContent
}
