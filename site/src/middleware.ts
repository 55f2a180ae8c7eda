/**
 * The last line of defence for text from content: every page and feed the build
 * writes is stripped of the code points HTML and XML must not contain (C0 and C1
 * controls but tab, LF and CR; noncharacters such as U+FFFE; lone surrogates).
 * Renderers already strip what they write (see portable-text.ts and feed.ts);
 * this covers the titles, alt text and attributes that pages print directly.
 * Astro runs it for every prerendered route at build time; images pass untouched.
 */
import {defineMiddleware} from 'astro:middleware'

import {stripForbiddenChars} from './lib/urls'

const TEXT_TYPES = /^(?:text\/html|application\/(?:rss\+)?xml|text\/xml)\b/i

export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next()
  if (!TEXT_TYPES.test(response.headers.get('content-type') ?? '')) return response
  const text = await response.text()
  const clean = stripForbiddenChars(text)
  return new Response(clean, {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  })
})
