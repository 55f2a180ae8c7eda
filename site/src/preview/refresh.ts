/**
 * Shows the page as the server renders it now, without a reload: the overlay
 * (which lives beside <body>) stays connected to the studio and the reader's
 * scroll position stays where it was. Requests never overlap: a refresh asked
 * for while one runs is done once, after it.
 */
let running: Promise<void> | undefined
let again = false

async function fetchAndSwap(): Promise<void> {
  const response = await fetch(location.href, {
    credentials: 'same-origin',
    cache: 'no-store',
    headers: {Accept: 'text/html'},
  })
  // The session ended, or the page is gone: let the browser show what the server says.
  if (!response.ok || !response.headers.get('Content-Type')?.startsWith('text/html')) {
    location.reload()
    return
  }
  const next = new DOMParser().parseFromString(await response.text(), 'text/html')
  document.title = next.title
  // Scripts parsed this way never run; the page's own scripts already have.
  document.body.replaceChildren(...next.body.childNodes)
}

export function refreshPage(): Promise<void> {
  if (running) {
    again = true
    return running
  }
  running = (async () => {
    try {
      do {
        again = false
        await fetchAndSwap()
      } while (again)
    } finally {
      running = undefined
    }
  })()
  return running
}
