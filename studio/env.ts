/**
 * Project id and dataset come from the environment, never from the code.
 * Offline tasks (schema extraction, type generation, `sanity build`) need no real
 * project, so a clearly fake placeholder stands in and we say so once.
 */
const PLACEHOLDER_PROJECT_ID = 'offline-placeholder'

function readEnv(name: string): string | undefined {
  const value = process.env[name]?.trim()
  return value ? value : undefined
}

export const projectId = readEnv('SANITY_STUDIO_PROJECT_ID') ?? PLACEHOLDER_PROJECT_ID
export const dataset = readEnv('SANITY_STUDIO_DATASET') ?? 'production'
export const isPlaceholderProject = projectId === PLACEHOLDER_PROJECT_ID

if (isPlaceholderProject && !process.env.SANITY_STUDIO_QUIET) {
  console.warn(
    '[studio] SANITY_STUDIO_PROJECT_ID is not set: using the placeholder project id ' +
      `"${PLACEHOLDER_PROJECT_ID}". Schema extraction, type generation and the offline build work; ` +
      'to edit content, set SANITY_STUDIO_PROJECT_ID (and SANITY_STUDIO_DATASET) — see README "For editors".',
  )
}
