/**
 * Portable Text to HTML with @portabletext/to-html, for pages and feeds alike.
 * The library escapes text; here links are limited to safe schemes, images get
 * srcset and dimensions, social posts become static cards, and unknown block
 * types or marks are dropped rather than shown as raw data.
 */
import {escapeHTML, toHTML, type PortableTextHtmlComponents} from '@portabletext/to-html'

import {resolveImage, type SiteImage} from './images'
import {socialCardHtml, type SocialEmbed} from './social-card'
import {isExternal, safeHref} from './urls'

export interface RenderOptions {
  imageMode: 'dataset' | 'content-lake'
  /** Make relative links and image URLs absolute (feeds). */
  baseUrl?: URL
}

const absolutize = (url: string, base: URL | undefined) => (base ? new URL(url, base).href : url)

function imageHtml(image: SiteImage, options: RenderOptions): string {
  const resolved = resolveImage(image, options.imageMode)
  if (!resolved) return ''
  const srcset = resolved.srcset
    .split(', ')
    .map((candidate) => {
      const [url, width] = candidate.split(' ')
      return `${absolutize(url!, options.baseUrl)} ${width}`
    })
    .join(', ')
  const caption = [image.caption, image.credit]
    .filter(Boolean)
    .map((part) => escapeHTML(String(part)))
  return (
    `<figure><img src="${escapeHTML(absolutize(resolved.src, options.baseUrl))}" srcset="${escapeHTML(srcset)}" ` +
    `sizes="(min-width: 48rem) 44rem, 100vw" width="${resolved.width}" height="${resolved.height}" ` +
    `alt="${escapeHTML(resolved.alt)}" loading="lazy" decoding="async">` +
    (caption.length ? `<figcaption>${caption.join(' · ')}</figcaption>` : '') +
    `</figure>`
  )
}

function components(options: RenderOptions): Partial<PortableTextHtmlComponents> {
  return {
    marks: {
      link: ({children, value}) => {
        const href = safeHref((value as {href?: unknown} | undefined)?.href)
        if (!href) return children
        const target = absolutize(href, href.startsWith('/') ? options.baseUrl : undefined)
        const rel = isExternal(href) ? ' rel="noopener noreferrer"' : ''
        return `<a href="${escapeHTML(target)}"${rel}>${children}</a>`
      },
    },
    types: {
      accessibleImage: ({value}) => imageHtml(value as SiteImage, options),
      socialEmbed: ({value}) => socialCardHtml(value as SocialEmbed),
    },
    unknownType: () => '',
    unknownMark: ({children}) => children,
    unknownBlockStyle: ({children}) => `<p>${children ?? ''}</p>`,
    unknownList: ({children}) => `<ul>${children ?? ''}</ul>`,
    unknownListItem: ({children}) => `<li>${children ?? ''}</li>`,
  }
}

export function renderPortableText(blocks: unknown, options: RenderOptions): string {
  if (!Array.isArray(blocks) || blocks.length === 0) return ''
  return toHTML(blocks as never, {components: components(options), onMissingComponent: false})
}

/** Plain text of Portable Text, for descriptions. */
export function toPlainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return ''
  return blocks
    .map((block: {children?: Array<{text?: unknown}>}) =>
      (block.children ?? [])
        .map((child) => (typeof child.text === 'string' ? child.text : ''))
        .join(''),
    )
    .filter(Boolean)
    .join(' ')
}
