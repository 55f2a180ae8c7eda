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
