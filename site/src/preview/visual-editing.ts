/**
 * The overlay script of the preview server's pages (and of no other page: the
 * preview config injects it, site/astro.preview.config.ts). Sanity's overlay
 * turns stega-encoded text and `data-sanity` elements into click-to-edit
 * targets; this file tells it how to follow the studio: navigate where the
 * studio asks, show an edit as soon as it is saved, and switch perspective.
 */
import {
  enableVisualEditing,
  type HistoryAdapter,
  type HistoryAdapterNavigate,
} from '@sanity/visual-editing'

import {perspectiveCookieName, serializePerspective} from './perspective'
import {refreshPage} from './refresh'

const here = () => `${location.pathname}${location.search}${location.hash}`

/**
 * Every page is a full page load, so the studio learns each page's address as it
 * opens, and asks for another by loading it.
 */
const history: HistoryAdapter = {
  subscribe(navigate: HistoryAdapterNavigate) {
    navigate({type: 'push', url: here(), title: document.title})
    return () => undefined
  },
  update(update) {
    if (update.type === 'pop') return window.history.back()
    if (update.url === here()) return
    if (update.type === 'replace') location.replace(update.url)
    else location.assign(update.url)
  },
}

/** The perspective the server reads, from its cookie (set at the handshake). */
const currentPerspective = () =>
  document.cookie
    .split('; ')
    .find((cookie) => cookie.startsWith(`${perspectiveCookieName}=`))
    ?.slice(perspectiveCookieName.length + 1)

enableVisualEditing({
  history,
  // The studio saved an edit (or the editor pressed refresh): show the page as it is now.
  refresh: () => refreshPage(),
  onPerspectiveChange(perspective) {
    if (!Array.isArray(perspective) && perspective !== 'drafts' && perspective !== 'published')
      return
    const value = encodeURIComponent(serializePerspective(perspective))
    if (value === currentPerspective()) return
    // The server checks the value before it reads anything with it (perspective.ts).
    document.cookie = `${perspectiveCookieName}=${value}; Path=/; Secure; SameSite=None; Partitioned`
    void refreshPage()
  },
  // Stega where it does not belong (attributes, <head>, scripts) is a bug of this site.
  onSuspiciousStega(reports) {
    for (const report of reports)
      console.warn(`[preview] stega in ${report.kind}`, report.attribute ?? '', report.element)
  },
})
