/**
 * An embedded social post as a static card linking to the original: no
 * third-party script, no network at build time. All text is escaped; a post
 * whose URL is not safe (see safeUrl) is not shown at all. Its look is in
 * styles/social-card.css (the card is HTML written here, for pages and feeds).
 */
import {escapeHTML} from '@portabletext/to-html'

import {formatDate} from './format'
import type {City} from './site-content'
import {safeUrl, stripForbiddenChars} from './urls'

export type SocialEmbed = NonNullable<City['socialEmbed']>

/** Escaped text of a field, or '' when it is not a non-empty string. */
const textOf = (value: unknown) =>
  typeof value === 'string' && value.trim() ? escapeHTML(stripForbiddenChars(value)) : ''

/** The date as written when it is a valid HTML datetime, else in ISO form. */
const htmlDatetime = (written: string, date: Date) =>
  /^\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2}))?$/.test(written)
    ? written
    : date.toISOString()

/**
 * Who posted, when, the text when we have it, and the way to the post itself: we
 * link to X rather than embed it, so that no page loads anything from X.
 * `attributes` (written as they are) are the preview's ` data-sanity="…"`.
 */
export function socialCardHtml(embed: SocialEmbed, attributes = ''): string {
  const href = safeUrl(embed.url)
  if (!href) return ''
  const name = textOf(embed.authorName)
  const handle = textOf(embed.authorHandle)
  const who =
    [name && `<strong>${name}</strong>`, handle && `<span class="handle">@${handle}</span>`]
      .filter(Boolean)
      .join(' ') || 'A post'
  const postedAt = typeof embed.postedAt === 'string' ? new Date(embed.postedAt) : undefined
  const when =
    postedAt && !Number.isNaN(postedAt.getTime())
      ? ` · <time datetime="${escapeHTML(htmlDatetime(embed.postedAt!, postedAt))}">${escapeHTML(formatDate(postedAt.toISOString()))}</time>`
      : ''
  const text = textOf(embed.text)
  const note = text
    ? 'Quoted from X, where the post and its replies are.'
    : 'The post, with its text and images, is on X.'
  return (
    `<figure class="social-card"${attributes}>` +
    `<figcaption>${who} on X${when}</figcaption>` +
    (text ? `<blockquote cite="${escapeHTML(href)}"><p>${text}</p></blockquote>` : '') +
    `<p class="post-note">${note}</p>` +
    `<a class="post-link" href="${escapeHTML(href)}" rel="noopener noreferrer">Read the post on X</a>` +
    `</figure>`
  )
}
