/**
 * Lighthouse (default mobile config) over six pages of the built site; scores go to
 * benchmarks/LIGHTHOUSE.md and stdout, full JSON reports to benchmarks/runs/.
 *
 * Builds nothing. From the repository root, under Node 24 (which strips the types):
 *   pnpm build && node benchmarks/lighthouse.ts
 * Lighthouse is a dependency of the tests package, so it is resolved from tests/.
 * Offline: Chromium is Debian's /usr/bin/chromium, the site is served on 127.0.0.1 (gzipped).
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {existsSync} from 'node:fs'
import {mkdir, mkdtemp, rm, writeFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

import {CHROMIUM_ARGS, CHROMIUM_PATH} from '../tests/support/browser.ts'
import {startStaticServer} from '../tests/support/static-server.ts'

const repoRoot = join(dirname(fileURLToPath(import.meta.url)), '..')
const dist = join(repoRoot, 'site', 'dist')
const runsDir = join(repoRoot, 'benchmarks', 'runs')
const reportFile = join(repoRoot, 'benchmarks', 'LIGHTHOUSE.md')

const PAGES = [
  '/',
  '/cities/vienna/',
  '/articles/when-client-engagement-becomes-true-partnership/',
  '/latest/',
  '/categories/',
  // The one page with script, with a query's results showing.
  '/search/?q=vienna',
]
const CATEGORIES = [
  {id: 'performance', title: 'Performance'},
  {id: 'accessibility', title: 'Accessibility'},
  {id: 'best-practices', title: 'Best practices'},
  {id: 'seo', title: 'SEO'},
]

type LighthouseModule = typeof import('lighthouse')
type Result = import('lighthouse').Result

async function loadLighthouse(): Promise<LighthouseModule> {
  const requireFromTests = createRequire(join(repoRoot, 'tests', 'package.json'))
  return (await import(
    pathToFileURL(requireFromTests.resolve('lighthouse')).href
  )) as LighthouseModule
}

/** Chromium with a DevTools port Lighthouse can connect to (port 0: Chromium picks one). */
async function launchChromium(profile: string): Promise<{port: number; child: ChildProcess}> {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    {stdio: ['ignore', 'ignore', 'pipe']},
  )
  const port = await new Promise<number>((done, fail) => {
    let output = ''
    const timer = setTimeout(() => fail(new Error(`Chromium did not start:\n${output}`)), 30_000)
    child.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(output)
      if (match) {
        clearTimeout(timer)
        done(Number(match[1]))
      }
    })
    child.once('exit', (code) => {
      clearTimeout(timer)
      fail(new Error(`Chromium exited with code ${code}:\n${output}`))
    })
  })
  // Keep draining stderr so Chromium never blocks on a full pipe.
  child.stderr!.resume()
  return {port, child}
}

async function stopChromium(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  const exited = new Promise((done) => child.once('exit', done))
  child.kill('SIGTERM')
  await exited
}

const score = (lhr: Result, id: string) => {
  const value = lhr.categories[id]?.score
  return typeof value === 'number' ? String(Math.round(value * 100)) : 'n/a'
}

/** Weighted audits that cost points, as "id (score)". */
function gaps(lhr: Result, id: string): string[] {
  return (lhr.categories[id]?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0)
    .map((ref) => lhr.audits[ref.id])
    .filter((audit) => audit !== undefined && typeof audit.score === 'number' && audit.score < 1)
    .map((audit) => {
      const detail = audit!.displayValue ? `, ${audit!.displayValue}` : ''
      return `\`${audit!.id}\` (${Math.round(audit!.score! * 100)}${detail})`
    })
}

/** A table padded the way Prettier pads one, so `pnpm format:check` stays clean. */
function table(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) =>
    Math.max(3, ...rows.map((row) => [...row[column]!].length)),
  )
  const line = (row: string[]) =>
    `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`
  return [
    line(rows[0]!),
    line(widths.map((width) => '-'.repeat(width))),
    ...rows.slice(1).map(line),
  ].join('\n')
}

async function main(): Promise<void> {
  const {default: lighthouse} = await loadLighthouse()
  const server = await startStaticServer(dist)
  const profile = await mkdtemp(join(tmpdir(), 'lighthouse-chromium-'))
  const {port, child} = await launchChromium(profile)
  try {
    const version = (await (await fetch(`http://127.0.0.1:${port}/json/version`)).json()) as {
      Browser: string
    }
    await mkdir(runsDir, {recursive: true})
    const results: Array<{path: string; lhr: Result}> = []
    for (const path of PAGES) {
      const runner = await lighthouse(`${server.url}${path}`, {port, logLevel: 'error'})
      if (!runner) throw new Error(`Lighthouse returned nothing for ${path}`)
      const {lhr} = runner
      if (lhr.runtimeError) throw new Error(`${path}: ${lhr.runtimeError.message}`)
      for (const warning of lhr.runWarnings) console.warn(`${path}: ${warning}`)
      const name =
        path === '/'
          ? 'home'
          : path
              .replace(/\?.*$/, '')
              .replace(/^\/|\/$/g, '')
              .replaceAll('/', '-')
      await writeFile(join(runsDir, `lighthouse-${name}.json`), JSON.stringify(lhr, null, 2))
      results.push({path, lhr})
    }

    const first = results[0]!.lhr
    const rows = [
      ['Page', ...CATEGORIES.map((category) => category.title)],
      ...results.map(({path, lhr}) => [
        `\`${path}\``,
        ...CATEGORIES.map((category) => score(lhr, category.id)),
      ]),
    ]
    const gapLines = results.flatMap(({path, lhr}) =>
      CATEGORIES.flatMap((category) => {
        const found = gaps(lhr, category.id)
        return found.length ? [`- \`${path}\`, ${category.title}: ${found.join(', ')}`] : []
      }),
    )
    const markdown = [
      '# Lighthouse',
      '',
      'Default (mobile, simulated throttling) config over `site/dist` served on 127.0.0.1,',
      'text gzipped as every host serves it (`tests/support/static-server.ts`).',
      'Recorded by `node benchmarks/lighthouse.ts` after `pnpm build`; scores are 0–100.',
      'Performance moves with machine load: the pages but search run no JavaScript, yet',
      'throttling multiplies the measured style, layout and paint tasks by four, so compare',
      'quiet runs.',
      '',
      `- Date: ${first.fetchTime.slice(0, 10)}`,
      `- Chromium: ${version.Browser}`,
      `- Lighthouse: ${first.lighthouseVersion}`,
      '',
      table(rows),
      '',
      '## Audits below full marks',
      '',
      ...(gapLines.length ? gapLines : ['None.']),
      '',
    ].join('\n')
    await writeFile(reportFile, markdown)
    console.log(markdown)
  } finally {
    await stopChromium(child)
    await server.close()
    await rm(profile, {recursive: true, force: true})
  }
}

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`No built site in ${dist}: run \`pnpm build\` first.`)
  process.exit(1)
}
await main()
