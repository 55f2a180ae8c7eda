/**
 * The search page's behaviour (pages/search/index.astro). The form is the state:
 * the query, type and section filters and the order live in the address
 * (/search/?q=vienna&type=City), so the header's plain search form, the back
 * button and shared links all work. Pagefind's own browser library
 * (/pagefind/pagefind.js, written by the build) loads on the first search and
 * fetches only the index fragments a query needs, from every part of the
 * index (search-parts.ts).
 *
 * Everything from the index is written as text; of an excerpt, only Pagefind's
 * <mark> highlighting is kept as markup.
 */
import {openSearchIndex, type SearchIndex} from './search-parts'
import {renderResult, type ResultData} from './search-result'

const PAGE_SIZE = 10
const TYPING_PAUSE_MS = 200

interface Query {
  term: string
  filters: Record<string, {any: string[]}>
  sort: '' | 'newest' | 'oldest'
}

function readForm(form: HTMLFormElement): Query {
  const data = new FormData(form)
  const filters: Query['filters'] = {}
  for (const name of ['type', 'category']) {
    const values = data.getAll(name).map(String)
    if (values.length > 0) filters[name] = {any: values}
  }
  const sort = String(data.get('sort') ?? '')
  return {
    term: String(data.get('q') ?? '').trim(),
    filters,
    sort: sort === 'newest' || sort === 'oldest' ? sort : '',
  }
}

/** Sets the form from the address, as the header's form and shared links leave it. */
function writeForm(form: HTMLFormElement, params: URLSearchParams) {
  for (const element of Array.from(form.elements)) {
    if (element instanceof HTMLInputElement && element.type === 'checkbox') {
      element.checked = params.getAll(element.name).includes(element.value)
    } else if (element instanceof HTMLInputElement || element instanceof HTMLSelectElement) {
      element.value = params.get(element.name) ?? ''
    }
  }
}

const describe = ({term, filters}: Query, count: number) => {
  const what = count === 1 ? '1 result' : `${count.toLocaleString('en-US')} results`
  const filtered = Object.keys(filters).length > 0 ? ' with the filters chosen' : ''
  return term ? `${what} for “${term}”${filtered}` : `${what}${filtered}`
}

export function startSearchPage() {
  const form = document.querySelector<HTMLFormElement>('#search-form')
  const input = form?.querySelector<HTMLInputElement>('input[name="q"]')
  const status = document.querySelector<HTMLElement>('[data-search-status]')
  const list = document.querySelector<HTMLOListElement>('[data-search-results]')
  const more = document.querySelector<HTMLButtonElement>('[data-search-more]')
  if (!form || !input || !status || !list || !more) return

  let searchIndex: Promise<SearchIndex> | undefined
  const loadSearchIndex = () => (searchIndex ??= openSearchIndex({excerptLength: 28}))

  // The counters beside the filters need Pagefind's whole filter index, which grows
  // with the site: it is fetched once the filters can be seen (always on a wide
  // screen; on a narrow one when the reader opens them), not for every first query.
  const refine = document.querySelector<HTMLDetailsElement>('details.refine')
  const filtersVisible = () => refine?.querySelector('fieldset')?.checkVisibility() ?? false
  let filterIndex: Promise<void> | undefined
  const loadFilterIndex = (index: SearchIndex) => (filterIndex ??= index.loadFilters())

  let latest = 0
  let pending: Array<{data: () => Promise<ResultData>}> = []

  async function showMore() {
    const batch = pending.slice(0, PAGE_SIZE)
    pending = pending.slice(PAGE_SIZE)
    const search = latest
    const data = await Promise.all(batch.map((result) => result.data()))
    if (search !== latest) return
    list!.append(...data.map(renderResult))
    more!.hidden = pending.length === 0
  }

  function updateCounts(counts: Record<string, Record<string, number>>) {
    for (const element of document.querySelectorAll<HTMLElement>('[data-count-for]')) {
      const [filter = '', value = ''] = (element.dataset.countFor ?? '').split(/:(.*)/s)
      const count = counts[filter]?.[value]
      element.textContent = count === undefined ? '' : String(count)
    }
  }

  async function run({updateAddress}: {updateAddress: boolean}) {
    const query = readForm(form!)
    const search = ++latest
    if (updateAddress) {
      const params = new URLSearchParams()
      for (const [name, value] of new FormData(form!)) {
        if (typeof value === 'string' && value !== '') params.append(name, value)
      }
      const address = params.size > 0 ? `?${params}` : location.pathname
      history.replaceState(null, '', address)
    }
    if (!query.term && Object.keys(query.filters).length === 0) {
      list!.replaceChildren()
      more!.hidden = true
      status!.textContent = 'Type a city, a topic or a name: results appear as you type.'
      updateCounts({})
      return
    }
    status!.textContent = 'Searching…'
    try {
      const index = await loadSearchIndex()
      if (filtersVisible()) await loadFilterIndex(index)
      const sort = query.sort
        ? ({date: query.sort === 'newest' ? 'desc' : 'asc'} as const)
        : undefined
      const found = await index.search(query.term || null, {filters: query.filters, sort})
      // A newer search has started (or Pagefind dropped this one for it).
      if (search !== latest || !found) return
      list!.replaceChildren()
      pending = found.results
      updateCounts(found.filters)
      await showMore()
      if (search === latest) status!.textContent = describe(query, found.results.length)
    } catch (error) {
      if (search !== latest) return
      status!.textContent =
        'Search is not available right now (its index could not be loaded). ' +
        'The sections and cities pages list everything.'
      console.error(error)
    }
  }

  let typing: ReturnType<typeof setTimeout> | undefined
  input.addEventListener('input', () => {
    clearTimeout(typing)
    typing = setTimeout(() => void run({updateAddress: true}), TYPING_PAUSE_MS)
  })
  // Filters and order belong to the form through form="search-form", outside its element.
  document.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | null
    if (target?.form === form && target !== input) void run({updateAddress: true})
  })
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    clearTimeout(typing)
    void run({updateAddress: true})
  })
  more.addEventListener('click', () => void showMore())

  // ↓ from the field to the results, ↑ and ↓ between them, ↑ from the first back.
  const links = () => Array.from(list.querySelectorAll<HTMLAnchorElement>('a.result-link'))
  input.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown') return
    const first = links()[0]
    if (first) {
      event.preventDefault()
      first.focus()
    }
  })
  list.addEventListener('keydown', (event) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const all = links()
    const at = all.indexOf(document.activeElement as HTMLAnchorElement)
    if (at < 0) return
    event.preventDefault()
    const next = event.key === 'ArrowDown' ? all[at + 1] : all[at - 1]
    if (next) next.focus()
    else if (event.key === 'ArrowUp') input.focus()
  })

  const params = new URLSearchParams(location.search)
  writeForm(form, params)
  // A link with filters chosen opens them, so that they can be seen and changed.
  if (['type', 'category', 'sort'].some((name) => params.has(name))) {
    refine?.setAttribute('open', '')
  }
  // Opened on a narrow screen: the counters' index arrives, and the search runs again to fill them.
  refine?.addEventListener('toggle', () => {
    if (refine.open && !filterIndex) void run({updateAddress: false})
  })
  void run({updateAddress: false})
}
