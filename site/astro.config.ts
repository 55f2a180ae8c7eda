import sitemap from '@astrojs/sitemap'
import {getContentSource} from '@smart-cities/shared/content'
import {SITE_SETTINGS_QUERY} from '@smart-cities/shared/queries'
import {defineConfig} from 'astro/config'

/**
 * The public origin for canonicals, feeds and the sitemap: SITE_URL when set
 * (each host knows its own), otherwise the site URL in the settings document.
 */
async function resolveSiteUrl(): Promise<string> {
  const fromEnv = process.env.SITE_URL?.trim()
  if (fromEnv) return fromEnv
  const source = getContentSource()
  const settings = await source.fetch(SITE_SETTINGS_QUERY)
  if (!settings?.siteUrl) {
    throw new Error(
      `${source.description}: set SITE_URL, or the site URL in the "siteSettings" document.`,
    )
  }
  return settings.siteUrl
}

export default defineConfig({
  site: await resolveSiteUrl(),
  output: 'static',
  trailingSlash: 'always',
  build: {
    format: 'directory',
    // Pages are small; one request per page beats a render-blocking stylesheet.
    inlineStylesheets: 'always',
  },
  // Tests build into temporary folders; everyone else gets site/dist.
  ...(process.env.SITE_OUT_DIR ? {outDir: process.env.SITE_OUT_DIR} : {}),
  integrations: [sitemap({filter: (page) => !/\/404\/?$/.test(page)})],
})
