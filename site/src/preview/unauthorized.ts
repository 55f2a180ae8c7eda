/**
 * What the preview server answers without a session: 401 and a short page that
 * says how to get in (from the studio), on every route. Its one stylesheet is
 * allowed by its hash, nothing else loads.
 */
import {createHash} from 'node:crypto'

import {escapeHTML} from '@portabletext/to-html'

const STYLE =
  'body{font:1.05rem/1.5 system-ui,sans-serif;margin:0;padding:2rem 1.25rem;color:#1b1c1d;background:#fdfdfb}' +
  'main{max-width:36rem;margin:auto}h1{font-size:1.5rem;line-height:1.2}a{color:#0b57a4}' +
  '@media (prefers-color-scheme:dark){body{color:#ececea;background:#121314}a{color:#8cc4ff}}'

const styleHash = `'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`

/** The page, for a studio at `studioUrl`; `reason` says what was wrong, in a sentence. */
export function unauthorizedResponse(
  studioUrl: string,
  reason: string,
  headers: Record<string, string>,
): Response {
  const presentation = escapeHTML(new URL('presentation', `${studioUrl.replace(/\/$/, '')}/`).href)
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>Open the preview from the studio</title><style>${STYLE}</style></head>
<body><main>
<h1>Open the preview from the studio</h1>
<p>This is the editors' preview: it shows drafts, so it opens only from the studio, which proves who you are. ${escapeHTML(reason)}</p>
<p>Open <a href="${presentation}" target="_top">Presentation in the studio</a>, or choose “Open preview” beside a document's Publish button.</p>
<p>Came from the studio and still see this? Reload Presentation (its session lasts a working day), and check that your browser allows this site's cookie in the studio's frame.</p>
</main></body></html>
`
  return new Response(html, {
    status: 401,
    headers: {
      ...headers,
      'Content-Type': 'text/html; charset=utf-8',
      // Required with a 401; no browser prompts for this scheme.
      'WWW-Authenticate': 'Sanity-Presentation realm="preview"',
      'Content-Security-Policy': `${headers['Content-Security-Policy']}; style-src ${styleHash}`,
    },
  })
}
