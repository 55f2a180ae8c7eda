/**
 * Portable Text to HTML with @portabletext/to-html, for pages and feeds alike.
 * The library escapes text; here links are limited to safe URLs (see safeUrl),
 * images get srcset and dimensions, social posts become static cards, and what
 * the site does not know is handled quietly:
 * - an unknown block or inline object type is dropped (it is data, not text);
 * - an unknown mark keeps its text, unmarked; a link with an unsafe or missing
 *   URL keeps its text, as plain text;
 * - an unknown block style is a paragraph, an unknown list type a bullet list;
 * - malformed nodes (no children array, text that is not a string, marks that
 *   are not strings…) are repaired or skipped before rendering, never thrown on.
 * Characters HTML and XML must not contain are removed from the output.
 *
 * On the preview server each block carries a `data-sanity` attribute naming its
 * place in the document (`edit`), for click-to-edit; plain text made for
 * attributes (toPlainText) never carries stega.
 */
import {escapeHTML, toHTML, type PortableTextHtmlComponents} from '@portabletext/to-html'
import {stegaClean} from './stega'
import type {ImageUrls, ProjectedImage} from '@smart-cities/shared/content'

import {dataSanityAttribute} from './editing'
import {resolveImage} from './images'
import {socialCardHtml, type SocialEmbed} from './social-card'
import {isExternal, safeUrl, stripForbiddenChars} from './urls'

export interface RenderOptions {
  /** The content source's image URLs. */
  images: ImageUrls
  /** Make relative links and image URLs absolute (feeds). */
  baseUrl?: URL
  /** The preview's `data-sanity` value for the block with this key (see lib/editing.ts). */
  edit?: ((blockKey: string) => string | undefined) | undefined
}

/** The element each block style is written as; an unknown style is a paragraph. */
const BLOCK_TAGS: Record<string, string> = {
  normal: 'p',
  blockquote: 'blockquote',
  h1: 'h1',
  h2: 'h2',
  h3: 'h3',
  h4: 'h4',
  h5: 'h5',
  h6: 'h6',
}

/** ` data-sanity="…"` for a block on the preview server, nothing elsewhere. */
const editAttribute = (options: RenderOptions, key: unknown) =>
  dataSanityAttribute(typeof key === 'string' ? options.edit?.(key) : undefined)

const absolutize = (url: string, base: URL | undefined) => (base ? new URL(url, base).href : url)

function imageHtml(image: ProjectedImage & {_key?: unknown}, options: RenderOptions): string {
  const resolved = resolveImage(image, options.images)
  const src = safeUrl(resolved?.src)
  if (!resolved || !src) return ''
  const dimensions = [resolved.width, resolved.height]
  if (!dimensions.every((size) => Number.isInteger(size) && size > 0)) return ''
  const candidates = resolved.srcset.split(', ').map((candidate) => {
    const [url, width] = candidate.split(' ')
    const safe = safeUrl(url)
    return safe && `${absolutize(safe, options.baseUrl)} ${width}`
  })
  if (candidates.some((candidate) => !candidate)) return ''
  const srcset = candidates.join(', ')
  const caption = [image.caption, image.credit]
    .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
    .map((part) => escapeHTML(part))
  return (
    `<figure${editAttribute(options, image._key)}><img src="${escapeHTML(absolutize(src, options.baseUrl))}" srcset="${escapeHTML(srcset)}" ` +
    `sizes="(min-width: 48rem) 44rem, 100vw" width="${resolved.width}" height="${resolved.height}" ` +
    `alt="${escapeHTML(typeof resolved.alt === 'string' ? resolved.alt : '')}" loading="lazy" decoding="async">` +
    (caption.length ? `<figcaption>${caption.join(' · ')}</figcaption>` : '') +
    `</figure>`
  )
}

/**
 * An embedded object that cannot be rendered (an image whose asset fields are not
 * what the schema says…) is left out rather than failing the page or the feed.
 */
function quietly(render: () => string): string {
  try {
    return render()
  } catch {
    return ''
  }
}

function components(options: RenderOptions): Partial<PortableTextHtmlComponents> {
  return {
    marks: {
      // The library's default is a style attribute, which the CSP does not allow.
      underline: ({children}) => `<u>${children}</u>`,
      link: ({children, value}) => {
        const href = safeUrl((value as {href?: unknown} | undefined)?.href)
        if (!href) return children
        const target = absolutize(href, href.startsWith('/') ? options.baseUrl : undefined)
        const rel = isExternal(href) ? ' rel="noopener noreferrer"' : ''
        return `<a href="${escapeHTML(target)}"${rel}>${children}</a>`
      },
    },
    types: {
      accessibleImage: ({value}) => quietly(() => imageHtml(value as ProjectedImage, options)),
      socialEmbed: ({value}) =>
        quietly(() =>
          socialCardHtml(value as SocialEmbed, editAttribute(options, (value as Node)._key)),
        ),
    },
    // One component for every style, so that each block can carry its data-sanity attribute.
    block: ({children, value}) => {
      const tag = Object.hasOwn(BLOCK_TAGS, value.style ?? '') ? BLOCK_TAGS[value.style!] : 'p'
      return `<${tag}${editAttribute(options, value._key)}>${children ?? ''}</${tag}>`
    },
    listItem: ({children, value}) =>
      `<li${editAttribute(options, value._key)}>${children ?? ''}</li>`,
    unknownType: () => '',
    unknownMark: ({children}) => children,
    unknownList: ({children}) => `<ul>${children ?? ''}</ul>`,
  }
}

type Node = Record<string, unknown>

const isObject = (value: unknown): value is Node =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/**
 * A name @portabletext/to-html may look up in its component maps: a string that
 * is not inherited from Object.prototype ("constructor", "__proto__", "toString"
 * would find a function there and render it). Anything else becomes "unknown".
 */
const lookupName = (value: unknown, fallback: string) =>
  typeof value !== 'string' || value === '' ? fallback : value in {} ? 'unknown' : value

const withoutChildren = ({children: _children, ...rest}: Node): Node => rest

/** Deepest list nesting rendered; deeper items are shown at this level. */
const MAX_LIST_LEVEL = 10

/**
 * The blocks in the shape @portabletext/to-html expects, so that no input makes
 * it throw or print data: non-objects are skipped; text blocks get an array of
 * spans with string text and string marks, object markDefs with string keys, a
 * known-safe style, list item type and a list level between 1 and 10.
 */
function normalizeBlocks(blocks: unknown[]): Node[] {
  return blocks.filter(isObject).map((block, index) => {
    const _key = typeof block._key === 'string' ? block._key : `block-${index}`
    const _type = lookupName(block._type, 'unknown')
    // Without children, to-html takes any other type for an object, not a text block.
    if (_type !== 'block') return {...withoutChildren(block), _type, _key}
    const markDefs = (Array.isArray(block.markDefs) ? block.markDefs : [])
      .filter(isObject)
      .filter((def) => typeof def._key === 'string' && !(def._key in {}))
      .map((def) => ({...def, _type: lookupName(def._type, 'unknown')}))
    const children = (Array.isArray(block.children) ? block.children : [])
      .filter(isObject)
      .map((child, childIndex) => {
        const childKey = typeof child._key === 'string' ? child._key : `span-${childIndex}`
        const childType = lookupName(child._type, 'span')
        if (childType !== 'span')
          return {...withoutChildren(child), _type: childType, _key: childKey}
        return {
          _type: 'span',
          _key: childKey,
          // Per span: two spans holding the halves of a surrogate pair would join into
          // a character neither of them had if only the finished HTML were stripped.
          text: typeof child.text === 'string' ? stripForbiddenChars(child.text) : '',
          marks: (Array.isArray(child.marks) ? child.marks : [])
            .filter((mark): mark is string => typeof mark === 'string' && mark !== '')
            .map((mark) => lookupName(mark, 'unknown')),
        }
      })
    const level = Number.isInteger(block.level)
      ? Math.min(Math.max(block.level as number, 1), MAX_LIST_LEVEL)
      : 1
    return {
      _type: 'block',
      _key,
      style: lookupName(block.style, 'normal'),
      markDefs,
      children,
      ...(block.listItem === undefined || block.listItem === null
        ? {}
        : {listItem: lookupName(block.listItem, 'bullet'), level}),
    }
  })
}

export function renderPortableText(blocks: unknown, options: RenderOptions): string {
  if (!Array.isArray(blocks) || blocks.length === 0) return ''
  const html = toHTML(normalizeBlocks(blocks) as never, {
    components: components(options),
    onMissingComponent: false,
  })
  return stripForbiddenChars(html)
}

/** Plain text of Portable Text, for descriptions and counting words (text blocks only). */
export function toPlainText(blocks: unknown): string {
  if (!Array.isArray(blocks)) return ''
  return stegaClean(
    stripForbiddenChars(
      normalizeBlocks(blocks)
        .filter((block) => block._type === 'block')
        .map((block) =>
          (block.children as Node[])
            .map((child) => (typeof child.text === 'string' ? child.text : ''))
            .join(''),
        )
        .filter(Boolean)
        .join(' '),
    ),
  )
}
