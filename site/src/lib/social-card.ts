/**
 * An embedded social post as a static quote card linking to the original: no
 * third-party script, no network at build time. All text is escaped.
 */
import {escapeHTML} from '@portabletext/to-html'

import {formatDate} from './format'
import {safeHref} from './urls'

export interface SocialEmbed {
  url: string
  authorName?: string | null
  authorHandle?: string | null
  text?: string | null
  postedAt?: string | null
}

export function socialCardHtml(embed: SocialEmbed): string {
  const href = safeHref(embed.url)
  if (!href) return ''
  const handle = embed.authorHandle ? `@${embed.authorHandle}` : undefined
  const who = [embed.authorName, handle].filter(Boolean).map((part) => escapeHTML(String(part)))
  const when = embed.postedAt
    ? ` · <time datetime="${escapeHTML(embed.postedAt)}">${escapeHTML(formatDate(embed.postedAt))}</time>`
    : ''
  const quote = embed.text ? `<p>${escapeHTML(embed.text)}</p>` : ''
  return (
    `<figure class="social-card">` +
    (quote ? `<blockquote cite="${escapeHTML(href)}">${quote}</blockquote>` : '') +
    `<figcaption>Post by ${who.join(' ') || 'an account'} on X${when}. ` +
    `<a href="${escapeHTML(href)}" rel="noopener noreferrer">View the post on X</a></figcaption>` +
    `</figure>`
  )
}
