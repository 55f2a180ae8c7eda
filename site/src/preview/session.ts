/**
 * The preview session: a cookie the server sets once the studio's secret checks
 * out, holding its expiry and an HMAC of it. Nothing is stored on the server, so
 * any number of instances, and restarts, keep an editor's session. The key is
 * derived from the server's read token (HKDF, its own purpose label): a new
 * token ends every session, and the cookie reveals nothing about the token.
 */
import {createHmac, hkdfSync, timingSafeEqual} from 'node:crypto'

/** `__Host-`: only ever set by this origin, over HTTPS, for every path. */
export const SESSION_COOKIE = '__Host-preview-session'

/** A working day: the studio opens a fresh session whenever Presentation loads. */
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000

const VERSION = 'v1'

export function sessionKey(token: string, project: {projectId: string; dataset: string}): Buffer {
  const info = `smart-cities preview session ${project.projectId}/${project.dataset}`
  return Buffer.from(hkdfSync('sha256', token, '', info, 32))
}

const sign = (key: Buffer, expires: number) =>
  createHmac('sha256', key).update(`${VERSION}.${expires}`).digest('base64url')

/** A new session's cookie value: "v1.<expiry in ms>.<signature>". */
export function issueSession(key: Buffer, now = Date.now()): string {
  const expires = now + SESSION_LIFETIME_MS
  return `${VERSION}.${expires}.${sign(key, expires)}`
}

/** Whether a cookie value is a session this server issued and that has not expired. */
export function isValidSession(key: Buffer, value: string | undefined, now = Date.now()): boolean {
  const match = value && /^v1\.(\d{13,15})\.([\w-]{43})$/.exec(value)
  if (!match) return false
  const expires = Number(match[1])
  const expected = Buffer.from(sign(key, expires))
  const given = Buffer.from(match[2]!)
  return timingSafeEqual(expected, given) && now < expires
}
