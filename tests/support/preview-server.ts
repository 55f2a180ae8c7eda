/**
 * The editors' preview server for tests: built once per run (preview-setup.ts),
 * started here as `pnpm preview:server` starts it (site/scripts/preview-server.ts)
 * against the local query server, with the studio's side of the handshake done
 * by the same @sanity/preview-url-secret code the Presentation tool runs.
 */
import {join} from 'node:path'

import {createClient} from '@sanity/client'
import {createPreviewSecret} from '@sanity/preview-url-secret/create-secret'
import {API_VERSION} from '@smart-cities/shared/api-version'
import {PREVIEW_ENABLE_PATH} from '@smart-cities/shared/routes'

import {readBundledDocuments, type Doc} from './dataset-files'
import {repoRoot} from './paths'
import {cleanEnv, freePort, startCommand, type RunningCommand} from './processes'
import {startQueryServer, type QueryServer} from './query-server'

/** A recognisable token: if it shows up in any response, it leaked. */
export const PREVIEW_TOKEN = 'skPreviewCanary-must-never-reach-the-browser-4c1e8d'
export const PROJECT_ID = 'test1234'
/** Where the test pretends the studio is: the only origin that may frame the preview. */
export const STUDIO_URL = 'https://studio.smartcities.example'

export interface PreviewServer {
  origin: string
  lake: QueryServer
  process: RunningCommand
  stop(): Promise<void>
}

export async function startPreviewServer(
  distDir: string,
  options: {documents?: Doc[]; host?: string; studioUrl?: string} = {},
): Promise<PreviewServer> {
  const lake = await startQueryServer({
    documents: options.documents ?? (await readBundledDocuments()),
    token: PREVIEW_TOKEN,
  })
  const port = await freePort()
  const host = options.host ?? '127.0.0.1'
  const server = startCommand(
    process.execPath,
    [join(repoRoot, 'site', 'scripts', 'preview-server.ts'), distDir],
    {
      cwd: join(repoRoot, 'site'),
      env: cleanEnv({
        SANITY_PROJECT_ID: PROJECT_ID,
        SANITY_API_HOST: lake.url,
        SANITY_API_READ_TOKEN: PREVIEW_TOKEN,
        SANITY_STUDIO_URL: options.studioUrl ?? STUDIO_URL,
        PORT: String(port),
        HOST: host,
      }),
    },
  )
  await server.waitForLog(/Listening on/, 60_000)
  return {
    origin: `http://${host}:${port}`,
    lake,
    process: server,
    async stop() {
      await server.stop()
      await lake.close()
    },
  }
}

/** What the studio does when Presentation opens: a fresh secret, stored in the Content Lake. */
export async function createSecret(lake: QueryServer, studioUrl = STUDIO_URL): Promise<string> {
  const client = createClient({
    projectId: PROJECT_ID,
    dataset: 'production',
    apiVersion: API_VERSION,
    apiHost: lake.url,
    useProjectHostname: false,
    useCdn: false,
    token: PREVIEW_TOKEN,
  })
  const {secret} = await createPreviewSecret(client, 'tests', studioUrl, 'editor-1')
  return secret
}

/** The address Presentation loads in its frame to start a session on `path`. */
export function enableUrl(origin: string, secret: string, path = '/', perspective = 'drafts') {
  const url = new URL(PREVIEW_ENABLE_PATH, origin)
  url.searchParams.set('sanity-preview-secret', secret)
  url.searchParams.set('sanity-preview-pathname', path)
  url.searchParams.set('sanity-preview-perspective', perspective)
  return url.href
}

/** The `Cookie` header a browser would send after these Set-Cookie headers. */
export const cookieHeader = (response: Response) =>
  response.headers
    .getSetCookie()
    .map((cookie) => cookie.split(';')[0])
    .join('; ')

/** The handshake as the studio's frame does it; the session's Cookie header. */
export async function openSession(
  server: PreviewServer,
  path = '/',
  perspective = 'drafts',
): Promise<string> {
  const secret = await createSecret(server.lake)
  const response = await fetch(enableUrl(server.origin, secret, path, perspective), {
    redirect: 'manual',
  })
  if (response.status !== 307)
    throw new Error(`The handshake answered ${response.status}: ${await response.text()}`)
  return cookieHeader(response)
}

/** A page of the preview server, with a session's cookie (or none). */
export async function getPage(server: PreviewServer, path: string, cookie?: string) {
  const response = await fetch(new URL(path, server.origin), {
    headers: cookie ? {cookie} : {},
    redirect: 'manual',
  })
  return {response, body: await response.text()}
}
