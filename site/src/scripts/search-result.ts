/**
 * One search result as a list item: thumbnail, type, date, title and excerpt.
 * Values from the index are written with textContent; addresses must be site
 * paths (or Sanity's image CDN for images); of the excerpt, only Pagefind's
 * <mark> elements survive as markup, everything else is kept as its text.
 */

/** What Pagefind returns for a record (site/src/lib/search-records.ts writes the meta). */
export interface ResultData {
  url: string
  excerpt: string
  meta: Partial<Record<'title' | 'type' | 'image' | 'image_alt' | 'date' | 'date_label', string>>
}

const sitePath = (url: string | undefined) =>
  url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : undefined

const imageUrl = (url: string | undefined) =>
  sitePath(url) ?? (url?.startsWith('https://cdn.sanity.io/') ? url : undefined)

/** The excerpt as text, with Pagefind's highlights as <mark>: nothing else is markup. */
export function highlightedExcerpt(excerpt: string): DocumentFragment {
  const fragment = document.createDocumentFragment()
  // A parsed document that is never shown: it runs no script and loads nothing.
  const parsed = new DOMParser().parseFromString(`<body>${excerpt}`, 'text/html')
  for (const node of Array.from(parsed.body.childNodes)) {
    if (node.nodeName === 'MARK') {
      const mark = document.createElement('mark')
      mark.textContent = node.textContent
      fragment.append(mark)
    } else {
      fragment.append(node.textContent ?? '')
    }
  }
  return fragment
}

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag)
  created.className = className
  if (text !== undefined) created.textContent = text
  return created
}

export function renderResult(data: ResultData): HTMLLIElement {
  const item = element('li', 'result')
  const body = element('div', 'result-body')

  const kicker = element('p', 'result-kicker')
  kicker.append(element('span', 'result-type', data.meta.type ?? ''))
  if (data.meta.date && data.meta.date_label) {
    const time = element('time', 'result-date', data.meta.date_label)
    time.dateTime = data.meta.date
    kicker.append(' · ', time)
  }

  const title = element('h2', 'result-title')
  const link = element('a', 'result-link', data.meta.title ?? data.url)
  link.href = sitePath(data.url) ?? '/'
  title.append(link)

  const excerpt = element('p', 'result-excerpt')
  excerpt.append(highlightedExcerpt(data.excerpt))
  body.append(kicker, title, excerpt)

  const src = imageUrl(data.meta.image)
  if (src) {
    const image = element('img', 'result-image')
    image.src = src
    image.alt = data.meta.image_alt ?? ''
    image.width = 160
    image.height = 120
    image.loading = 'lazy'
    image.decoding = 'async'
    item.append(image)
  }
  item.append(body)
  return item
}
