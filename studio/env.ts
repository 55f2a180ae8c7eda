/**
 * Project id and dataset come from the environment, never from the code.
 *
 * Offline tasks (schema extraction, type generation, `sanity build` in CI) need no
 * real project, so a clearly fake placeholder stands in for them. Commands that
 * talk to a project stop at once with a message saying what to set.
 */
const PLACEHOLDER_PROJECT_ID = 'offline-placeholder'

// Sanity inlines SANITY_STUDIO_* variables into the browser bundle; `process` exists only in the CLI.
const cliCommand =
  typeof process !== 'undefined' && Array.isArray(process.argv) ? process.argv[2] : undefined

const COMMANDS_NEEDING_A_PROJECT = new Set([
  'backups',
  'cors',
  'datasets',
  'deploy',
  'dev',
  'documents',
  'graphql',
  'hooks',
  'preview',
  'start',
  'tokens',
  'undeploy',
  'users',
])

function readEnv(value: string | undefined): string | undefined {
  const trimmed = value?.trim()
  return trimmed ? trimmed : undefined
}

export const projectId = readEnv(process.env.SANITY_STUDIO_PROJECT_ID) ?? PLACEHOLDER_PROJECT_ID
export const dataset = readEnv(process.env.SANITY_STUDIO_DATASET) ?? 'production'
export const isPlaceholderProject = projectId === PLACEHOLDER_PROJECT_ID

const DEFAULT_STUDIO_PORT = 3333
/** Commands that serve the studio over HTTP, and so read SANITY_STUDIO_PORT. */
const COMMANDS_SERVING = new Set(['dev', 'preview', 'start'])

/**
 * The port of `sanity dev` (and `sanity preview`): SANITY_STUDIO_PORT, a whole number from
 * 1 to 65535, default 3333. A function, so that the studio's browser bundle (which also
 * imports this module) never evaluates it.
 */
export function studioPort(env: Record<string, string | undefined> = process.env): number {
  const text = readEnv(env.SANITY_STUDIO_PORT)
  if (text === undefined) return DEFAULT_STUDIO_PORT
  const port = Number(text)
  if (!/^\d+$/.test(text) || port < 1 || port > 65_535) {
    throw new Error(
      `SANITY_STUDIO_PORT is ${JSON.stringify(text)}: expected a whole number from 1 to 65535 (the port of \`sanity dev\`; default ${DEFAULT_STUDIO_PORT}).`,
    )
  }
  return port
}

/**
 * sanity.cli.ts's `server` setting: read only by commands that serve, so that a bad
 * SANITY_STUDIO_PORT stops `sanity dev` at once but cannot break schema extraction or
 * `sanity build` (which would drop the whole CLI config with a warning).
 */
export const cliServer = (command = cliCommand, env = process.env) =>
  command && COMMANDS_SERVING.has(command) ? {port: studioPort(env)} : undefined

/** Where a studio without a real project (CI, schema extraction) points Presentation: `pnpm preview:server` here. */
export const LOCAL_PREVIEW_URL = 'http://localhost:4322'
/** Commands that run or ship the studio, and so its Presentation tool. */
const COMMANDS_SHOWING_PRESENTATION = new Set(['build', 'deploy', 'dev', 'preview', 'start'])

const PREVIEW_HOW_TO =
  "Set SANITY_STUDIO_PREVIEW_URL to the editors' preview server, e.g. " +
  '`export SANITY_STUDIO_PREVIEW_URL=https://preview.smartcities.example`, or ' +
  `\`${LOCAL_PREVIEW_URL}\` for \`pnpm preview:server\` on this machine. See README, "Preview drafts in the studio".`

/**
 * The preview server the Presentation tool shows: SANITY_STUDIO_PREVIEW_URL, an
 * origin (https, or http on this machine). A studio that is run or shipped for a
 * real project without one stops with a message saying what to set; offline
 * (the placeholder project, other commands) the local preview server stands in.
 */
export function resolvePreviewUrl(
  value: string | undefined,
  {command, placeholderProject}: {command: string | undefined; placeholderProject: boolean},
): string {
  const text = readEnv(value)
  if (text === undefined) {
    if (!placeholderProject && command && COMMANDS_SHOWING_PRESENTATION.has(command)) {
      throw new Error(
        `\`sanity ${command}\` runs the Presentation tool, which shows drafts on the preview server, and SANITY_STUDIO_PREVIEW_URL is not set. ${PREVIEW_HOW_TO}`,
      )
    }
    return LOCAL_PREVIEW_URL
  }
  let url: URL | undefined
  try {
    url = new URL(text)
  } catch {
    // Reported below.
  }
  const local = url && ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  if (
    !url ||
    !(url.protocol === 'https:' || (url.protocol === 'http:' && local)) ||
    url.pathname !== '/' ||
    url.search ||
    url.hash
  ) {
    throw new Error(
      `SANITY_STUDIO_PREVIEW_URL is ${JSON.stringify(text)}: expected the preview server's origin, https (http only on this machine) and without a path, e.g. https://preview.smartcities.example.`,
    )
  }
  return url.origin
}

// Referenced in full, so that Sanity inlines it into the studio's browser bundle.
export const previewUrl = resolvePreviewUrl(process.env.SANITY_STUDIO_PREVIEW_URL, {
  command: cliCommand,
  placeholderProject: isPlaceholderProject,
})

const HOW_TO =
  'Set SANITY_STUDIO_PROJECT_ID (and SANITY_STUDIO_DATASET, default "production") to your ' +
  'project, e.g. `export SANITY_STUDIO_PROJECT_ID=abc123xy`. See README, "For editors".'

if (isPlaceholderProject && cliCommand && COMMANDS_NEEDING_A_PROJECT.has(cliCommand)) {
  throw new Error(
    `\`sanity ${cliCommand}\` needs a Sanity project, and SANITY_STUDIO_PROJECT_ID is not set. ${HOW_TO}`,
  )
}
if (isPlaceholderProject && cliCommand === 'build') {
  console.warn(
    `[studio] Building without a project (placeholder id "${PLACEHOLDER_PROJECT_ID}"): fine for CI, not for editing. ${HOW_TO}`,
  )
}
