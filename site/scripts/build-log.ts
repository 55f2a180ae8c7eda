/**
 * Astro's own console log (astro/logger/node) without its line per generated
 * file: a line for every page, feed and image, and with eight pages rendered at
 * once their timings land on the wrong lines. Astro's totals stay.
 *
 * With `files: true` (SITE_BUILD_LOG=files) every file is listed on a line of its
 * own, "├─ /path", ending in "(restored)" or "(cached)" when it was copied from
 * the previous build; the timings are left out.
 *
 * With `summarizeErrors: true` (set by `pnpm build`, which reports the error that
 * stopped the build itself, with its stack when it is a bug) each distinct error a
 * page hit is logged once, with the first page that hit it, and without a stack.
 *
 * With `onDemand: true` (the preview server's build, astro.preview.config.ts) the
 * router's "getStaticPaths() ignored" warnings are left out: the same pages are
 * rendered on request there, and their getStaticPaths serve the static build.
 */
import type {AstroLoggerDestination, AstroLoggerLevel, AstroLoggerMessage} from 'astro'
import nodeLogDestination from 'astro/logger/node'

// eslint-disable-next-line no-control-regex -- colour codes are what is removed
const plain = (text: string) => text.replace(/\u001b\[[\d;]*m/g, '')
/** "  ├─ /cities/vienna/index.html", written without a line end. */
const isFileLine = (event: AstroLoggerMessage) =>
  event.level === 'info' &&
  event.label === null &&
  !event.newLine &&
  /^\s*[├└]─ /.test(plain(event.message))
/** What Astro writes after it, at once when reused, later when rendered: " (restored)", " (+12ms)". */
const fileOutcome = (event: AstroLoggerMessage) =>
  event.level === 'info' && event.label === 'SKIP_FORMAT'
    ? /^\s*\((\+[\d.]+m?s|cached|restored)\)\s*$/.exec(plain(event.message))?.[1]
    : undefined

const isIgnoredPathsWarning = (event: AstroLoggerMessage) =>
  event.level === 'warn' && /getStaticPaths\(\) ignored in dynamic page/.test(event.message)

/** "Caught error rendering /path: Error: …": the page, and the error. */
const RENDER_ERROR = /^Caught error rendering (\S+): ([\s\S]*)$/
const isStackDump = (event: AstroLoggerMessage) =>
  event.level === 'error' && event.label === null && /\n\s+at /.test(event.message)

export default function buildLog(
  options: {
    level?: AstroLoggerLevel
    files?: boolean
    summarizeErrors?: boolean
    onDemand?: boolean
  } = {},
): AstroLoggerDestination {
  const console = nodeLogDestination({level: options.level ?? 'info'})
  const errorsSeen = new Set<string>()
  let pending: AstroLoggerMessage | undefined
  const flush = (suffix = '') => {
    if (pending) console.write({...pending, message: `${pending.message}${suffix}`, newLine: true})
    pending = undefined
  }
  return {
    write(event) {
      if (options.onDemand && isIgnoredPathsWarning(event)) return
      if (options.summarizeErrors && event.level === 'error') {
        const renderError = RENDER_ERROR.exec(plain(event.message))
        if (isStackDump(event) || (renderError && errorsSeen.has(renderError[2]!))) return
        if (renderError) errorsSeen.add(renderError[2]!)
      }
      const outcome = fileOutcome(event)
      if (isFileLine(event)) {
        flush()
        if (options.files) pending = event
      } else if (outcome === 'cached' || outcome === 'restored') {
        flush(` (${outcome})`)
      } else if (outcome === undefined) {
        flush()
        console.write(event)
      }
    },
  }
}
