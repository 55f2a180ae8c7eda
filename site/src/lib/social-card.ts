/**
 * An embedded social post as a static quote card linking to the original: no
 * third-party script, no network at build time. All text is escaped; a post
 * whose URL is not safe (see safeUrl) is not shown at all.
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

export function socialCardHtml(embed: SocialEmbed): string {
  const href = safeUrl(embed.url)
  if (!href) return ''
  const handle = textOf(embed.authorHandle)
  const who = [textOf(embed.authorName), handle && `@${handle}`].filter(Boolean)
  const postedAt = typeof embed.postedAt === 'string' ? new Date(embed.postedAt) : undefined
  const when =
    postedAt && !Number.isNaN(postedAt.getTime())
      ? ` · <time datetime="${escapeHTML(htmlDatetime(embed.postedAt!, postedAt))}">${escapeHTML(formatDate(postedAt.toISOString()))}</time>`
      : ''
  const text = textOf(embed.text)
  return (
    `<figure class="social-card">` +
    (text ? `<blockquote cite="${escapeHTML(href)}"><p>${text}</p></blockquote>` : '') +
    `<figcaption>Post by ${who.join(' ') || 'an account'} on X${when}. ` +
    `<a href="${escapeHTML(href)}" rel="noopener noreferrer">View the post on X</a></figcaption>` +
    `</figure>`
  )
}
