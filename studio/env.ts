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
