/**
 * The one place that reads the environment. Every variable is checked, every
 * mistake is reported at once (in an EnvironmentError), and everyone else
 * receives typed settings: the content source (the dataset file or a Sanity
 * project) and the site's build settings.
 */
import {isAbsolute, resolve} from 'node:path'

import {API_VERSION} from './api-version.ts'
import {DEFAULT_RETRY_POLICY, type RetryPolicy} from './content/retry.ts'
import {bundledDatasetFile} from './dataset/files.ts'
import {ReportableError} from './reportable-error.ts'

export interface DatasetConfig {
  kind: 'dataset'
  /** DATASET_FILE, or the bundled dataset. */
  file: string
}

export interface ContentLakeConfig {
  kind: 'content-lake'
  projectId: string
  dataset: string
  /** A dated API version, e.g. "2025-02-19". */
  apiVersion: string
  /** A proxy or test server; used with useProjectHostname: false. */
  apiHost: string | undefined
  /** Read token. Used only on the server, at build time or for local preview. */
  token: string | undefined
  timeoutMs: number
  retry: RetryPolicy
}

/** Where content comes from: SANITY_PROJECT_ID selects a project, otherwise a dataset file. */
export type ContentConfig = DatasetConfig | ContentLakeConfig

export interface Environment {
  content: ContentConfig
  /** SANITY_PREVIEW_DRAFTS=true: local draft preview, honoured by `pnpm dev` only. */
  previewDrafts: boolean
  site: {
    /** SITE_URL: the public origin; without it, the site URL in the settings is used. */
    url: string | undefined
    /** SITE_INCREMENTAL_BUILD=true: re-render only pages whose content changed. */
    incrementalBuild: boolean
    /** SITE_CACHE_DIR: where Astro keeps what a later build may reuse. */
    cacheDir: string | undefined
    /** SITE_DIST_DIR: where `pnpm build` puts the site (default site/dist); inside site/. */
    distDir: string | undefined
    /** SITE_PORT: the port of `pnpm dev` and `pnpm preview`. */
    port: number | undefined
    /** SITE_BUILD_LOG=files: the build log lists every file written, and whether it was reused. */
    logFiles: boolean
    /** SITE_SEARCH_PART_SIZE: records per part of the search index at most. */
    searchPartSize: number | undefined
  }
}

export class EnvironmentError extends ReportableError {
  override name = 'EnvironmentError'
  readonly problems: string[]
  constructor(problems: string[]) {
    super(
      `The environment has ${problems.length} problem${problems.length === 1 ? '' : 's'}:\n` +
        problems.map((problem) => `  - ${problem}`).join('\n'),
    )
    this.problems = problems
  }
}

type Env = Record<string, string | undefined>

/** Reads one kind of value, noting a problem (and returning undefined) when it is malformed. */
class Reader {
  readonly problems: string[] = []
  readonly #env: Env
  constructor(env: Env) {
    this.#env = env
  }

  text(name: string): string | undefined {
    return this.#env[name]?.trim() || undefined
  }
  matching(name: string, pattern: RegExp, expected: string): string | undefined {
    const value = this.text(name)
    if (value === undefined || pattern.test(value)) return value
    return this.refuse(name, value, expected)
  }
  whole(name: string, min: number, max: number, expected: string): number | undefined {
    const value = this.text(name)
    if (value === undefined) return undefined
    const number = Number(value)
    return Number.isInteger(number) && number >= min && number <= max
      ? number
      : this.refuse(name, value, expected)
  }
  flag(name: string): boolean {
    const value = this.text(name)
    if (value === undefined || value === 'false') return false
    return value === 'true' || (this.refuse(name, value, '"true" or "false"') ?? false)
  }
  webUrl(name: string): string | undefined {
    const value = this.text(name)
    if (value === undefined) return undefined
    try {
      const url = new URL(value)
      if ((url.protocol === 'https:' || url.protocol === 'http:') && url.hostname) return value
    } catch {
      // Reported below.
    }
    return this.refuse(name, value, 'an http(s) address such as https://example.org')
  }
  path(name: string): string | undefined {
    const value = this.text(name)
    return value === undefined ? undefined : pathFromWhereTyped(value, this.#env)
  }
  refuse(name: string, value: string, expected: string): undefined {
    this.problems.push(`${name} is ${JSON.stringify(value)}: expected ${expected}.`)
    return undefined
  }
}

/** A path as typed: a relative one is taken from where the command was typed (pnpm's INIT_CWD). */
export function pathFromWhereTyped(path: string, env: Env = process.env): string {
  return isAbsolute(path) ? path : resolve(env.INIT_CWD ?? process.cwd(), path)
}

/** The dataset file a command should read: DATASET_FILE, or the bundled dataset. */
export function datasetFileFrom(env: Env = process.env): string {
  return new Reader(env).path('DATASET_FILE') ?? bundledDatasetFile()
}

function readContent(read: Reader, env: Env): ContentConfig {
  const projectId = read.matching(
    'SANITY_PROJECT_ID',
    /^[a-z0-9][a-z0-9-]*$/,
    'a project id as sanity.io/manage shows it (lower-case letters and digits)',
  )
  if (!projectId) return {kind: 'dataset', file: datasetFileFrom(env)}
  const positive = 'a whole number of milliseconds, such as 30000'
  return {
    kind: 'content-lake',
    projectId,
    dataset:
      read.matching(
        'SANITY_DATASET',
        /^[a-z0-9][a-z0-9_-]{0,63}$/,
        'a dataset name (lower-case letters, digits, "_" and "-")',
      ) ?? 'production',
    apiVersion:
      read.matching('SANITY_API_VERSION', /^\d{4}-\d{2}-\d{2}$/, 'a date such as 2025-02-19') ??
      API_VERSION,
    apiHost: read.webUrl('SANITY_API_HOST'),
    token: read.text('SANITY_API_READ_TOKEN'),
    timeoutMs: read.whole('SANITY_TIMEOUT_MS', 1, 600_000, positive) ?? 30_000,
    retry: {
      ...DEFAULT_RETRY_POLICY,
      attempts:
        read.whole('SANITY_RETRY_ATTEMPTS', 1, 20, 'a whole number from 1 to 20') ??
        DEFAULT_RETRY_POLICY.attempts,
      baseDelayMs:
        read.whole('SANITY_RETRY_BASE_MS', 0, 60_000, positive) ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    },
  }
}

/** What the editors' preview server needs besides the content: see readPreviewServerEnvironment. */
export interface PreviewServerEnvironment {
  /** The project it reads, with the Viewer token it reads drafts with (never sent to a browser). */
  content: ContentLakeConfig & {token: string}
  /** SANITY_STUDIO_URL: the studio that opens the preview (the only origin that may frame it). */
  studioUrl: string
  /** PORT and HOST: where it listens (default localhost:4322; a container wants HOST=0.0.0.0). */
  port: number
  host: string
}

/** The preview server's port when PORT is not set: beside `pnpm dev`'s 4321. */
export const DEFAULT_PREVIEW_PORT = 4322

/**
 * The preview server's settings, with every mistake listed at once: it reads
 * drafts, so it needs a Sanity project and a read token, and the studio's address.
 */
export function readPreviewServerEnvironment(env: Env = process.env): PreviewServerEnvironment {
  const read = new Reader(env)
  const content = readContent(read, env)
  const studioUrl = read.webUrl('SANITY_STUDIO_URL')
  const port = read.whole('PORT', 1, 65_535, 'a port number from 1 to 65535')
  const host = read.text('HOST')
  if (content.kind !== 'content-lake')
    read.problems.push(
      'SANITY_PROJECT_ID is not set: the preview server shows drafts from a Sanity project, never from a dataset file.',
    )
  if (content.kind === 'content-lake' && !content.token)
    read.problems.push(
      'SANITY_API_READ_TOKEN is not set: the preview server reads drafts with a Viewer token (sanity.io/manage, API, Tokens).',
    )
  if (!studioUrl && !env.SANITY_STUDIO_URL?.trim())
    read.problems.push(
      "SANITY_STUDIO_URL is not set: the studio's address, e.g. https://smartcities.sanity.studio (only it may show the preview).",
    )
  if (read.problems.length > 0) throw new EnvironmentError(read.problems)
  return {
    content: content as ContentLakeConfig & {token: string},
    studioUrl: studioUrl!,
    port: port ?? DEFAULT_PREVIEW_PORT,
    host: host ?? 'localhost',
  }
}

/** Reads and checks the environment; throws an EnvironmentError listing every mistake. */
export function readEnvironment(env: Env = process.env): Environment {
  const read = new Reader(env)
  const content = readContent(read, env)
  const previewDrafts = read.flag('SANITY_PREVIEW_DRAFTS')
  if (previewDrafts && (content.kind !== 'content-lake' || !content.token)) {
    read.problems.push(
      'SANITY_PREVIEW_DRAFTS=true reads unpublished content from a Sanity project: it needs SANITY_PROJECT_ID and SANITY_API_READ_TOKEN.',
    )
  }
  const site = {
    url: read.webUrl('SITE_URL'),
    incrementalBuild: read.flag('SITE_INCREMENTAL_BUILD'),
    cacheDir: read.path('SITE_CACHE_DIR'),
    distDir: read.path('SITE_DIST_DIR'),
    port: read.whole('SITE_PORT', 1, 65_535, 'a port number from 1 to 65535'),
    logFiles: read.matching('SITE_BUILD_LOG', /^files$/, '"files" (or nothing)') === 'files',
    searchPartSize: read.whole(
      'SITE_SEARCH_PART_SIZE',
      1,
      Number.MAX_SAFE_INTEGER,
      'a whole number of search records, 1 or more',
    ),
  }
  if (read.problems.length > 0) throw new EnvironmentError(read.problems)
  return {content, previewDrafts, site}
}
