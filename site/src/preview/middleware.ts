/**
 * The preview server's gate, before every route. The studio's Presentation tool
 * opens PREVIEW_ENABLE_PATH with a short-lived secret it has just stored in the Content
 * Lake; @sanity/preview-url-secret checks it there with the server's token, and
 * the answer is a session cookie and a redirect to the page asked for. Every
 * other request needs that cookie (401 otherwise). With it, the page reads the
 * content with the studio's perspective, visible text stega-encoded, and every
 * response says it is private and for the studio's frame only (headers.ts).
 */
import {validatePreviewUrl} from '@sanity/preview-url-secret'
import {createContentLakeSource, createProjectClient} from '@smart-cities/shared/content'
import {readPreviewServerEnvironment} from '@smart-cities/shared/environment'
import {PREVIEW_ENABLE_PATH} from '@smart-cities/shared/routes'
import type {APIContext, MiddlewareHandler} from 'astro'

import {readSiteContent, type SiteContent} from '../lib/site-content'
import {frameAncestors, previewHeaders} from './headers'
import {parsePerspective, perspectiveCookieName, serializePerspective} from './perspective'
import {isValidSession, issueSession, SESSION_COOKIE, sessionKey} from './session'
import {unauthorizedResponse} from './unauthorized'

const environment = readPreviewServerEnvironment()
const studioOrigin = new URL(environment.studioUrl).origin
const headers = previewHeaders(studioOrigin)
const key = sessionKey(environment.content.token, environment.content)
const client = createProjectClient(environment.content)

/** Both cookies work inside the studio's frame: cross-site, so SameSite=None, partitioned by the studio. */
const FRAMED = {path: '/', secure: true, sameSite: 'none', partitioned: true} as const

/**
 * The preview's headers on a response. A page keeps the policy Astro wrote for
 * it (the hashes of its inlined styles), which gets the studio as its only
 * frame ancestor; Astro's `context.csp` cannot add it before the page renders.
 */
function withHeaders(response: Response): Response {
  const pagePolicy = response.headers.get('Content-Security-Policy')
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value)
  if (pagePolicy) {
    const policy = `${pagePolicy.replace(/[\s;]*$/, '')}; ${frameAncestors(studioOrigin)}`
    response.headers.set('Content-Security-Policy', policy)
  }
  return response
}

/** A path on this server, never another host ("//evil.example" is a path to browsers too). */
const samePath = (path: string | undefined) =>
  path && path.startsWith('/') && !path.startsWith('//') && !path.startsWith('/\\') ? path : '/'

async function enable(context: APIContext): Promise<Response> {
  let result: Awaited<ReturnType<typeof validatePreviewUrl>>
  try {
    result = await validatePreviewUrl(client, context.url.href)
  } catch (error) {
    // The Content Lake did not answer the check: say so, never with the token.
    const status = (error as {statusCode?: number}).statusCode
    const message = `The preview server could not check the studio's secret with the Content Lake (${status ? `HTTP ${status}` : 'no answer'}). ${status === 401 || status === 403 ? 'Its token (SANITY_API_READ_TOKEN) was refused.' : 'Try again in a moment.'}`
    console.error(`[preview] ${message}`)
    return new Response(message, {status: 502, headers: {'Content-Type': 'text/plain'}})
  }
  if (!result.isValid) {
    return unauthorizedResponse(
      environment.studioUrl,
      'The link it was opened with has expired or was not made by the studio.',
      headers,
    )
  }
  context.cookies.set(SESSION_COOKIE, issueSession(key), {...FRAMED, httpOnly: true})
  const perspective = parsePerspective(result.studioPreviewPerspective) ?? 'drafts'
  // Read by the overlay script too, which writes it when the editor switches perspective.
  context.cookies.set(perspectiveCookieName, serializePerspective(perspective), FRAMED)
  const target = new URL(samePath(result.redirectTo), context.url)
  // The cookie carries the perspective from here on; the address stays the page's own.
  target.searchParams.delete(perspectiveCookieName)
  return context.redirect(`${target.pathname}${target.search}${target.hash}`, 307)
}

export const onRequest: MiddlewareHandler = async (context, next) => {
  if (context.url.pathname === PREVIEW_ENABLE_PATH) return withHeaders(await enable(context))
  if (!isValidSession(key, context.cookies.get(SESSION_COOKIE)?.value)) {
    return unauthorizedResponse(
      environment.studioUrl,
      'This browser has no preview session (or it has ended).',
      headers,
    )
  }
  const perspective =
    parsePerspective(context.cookies.get(perspectiveCookieName)?.value) ?? 'drafts'
  const source = createContentLakeSource(environment.content, {
    perspective,
    studioUrl: environment.studioUrl,
  })
  // Read once per request, whoever asks first.
  let content: Promise<SiteContent> | undefined
  const preview = {
    get content() {
      return (content ??= readSiteContent(source))
    },
    studioUrl: environment.studioUrl,
  }
  context.locals.preview = preview
  // An old address goes on to its page, as the hosts' redirect rules send readers
  // (temporarily: while editors work, the page it leads to may still change).
  const redirect = (await preview.content).redirectsByFrom.get(context.url.pathname)
  if (redirect) return withHeaders(context.redirect(redirect.to, 307))
  return withHeaders(await next())
}
