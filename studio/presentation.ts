/**
 * The Presentation tool: the editors' preview server (site/src/preview) beside
 * the form, drafts rendered by the site's own pages, click-to-edit on the page.
 * Which document a page is about (mainDocuments) follows the site's routes;
 * where a document shows (locations) is in locations.ts.
 */
import {PREVIEW_ENABLE_PATH, routes} from '@smart-cities/shared/routes'
import {SITE_SETTINGS_ID} from '@smart-cities/shared/schema'
import {defineDocuments, presentationTool} from 'sanity/presentation'

import {resolveLocations} from './locations'

/** A route of the site as a pattern Presentation matches ("/cities/:slug/"). */
const slugRoute = (path: (slug: string) => string) => path(':slug')

/** The document each page of the site is about; index pages belong to the publication's settings. */
export const mainDocuments = defineDocuments([
  {
    route: routes.home(),
    filter: `_type == "listicle" && _id == *[_id == "${SITE_SETTINGS_ID}"][0].featuredListicle._ref`,
  },
  {route: slugRoute(routes.listicle), filter: '_type == "listicle" && slug.current == $slug'},
  {route: slugRoute(routes.city), filter: '_type == "city" && slug.current == $slug'},
  {route: slugRoute(routes.article), filter: '_type == "article" && slug.current == $slug'},
  {
    route: [slugRoute(routes.category), `${slugRoute(routes.category)}:page/`],
    filter: '_type == "category" && slug.current == $slug',
  },
  {
    route: [
      routes.latest(),
      `${routes.latest()}:page/`,
      routes.cities(),
      routes.lists(),
      routes.categories(),
    ],
    filter: `_id == "${SITE_SETTINGS_ID}"`,
  },
])

export function presentation(previewUrl: string) {
  return presentationTool({
    previewUrl: {
      initial: previewUrl,
      previewMode: {
        enable: PREVIEW_ENABLE_PATH,
        // Drafts are for people signed in to the studio: no preview links for anyone else.
        shareAccess: false,
      },
    },
    resolve: {mainDocuments, locations: resolveLocations},
  })
}
