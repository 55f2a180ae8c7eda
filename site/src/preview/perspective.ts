/**
 * The studio's perspective, as the preview server reads it: "drafts",
 * "published", or a Content Release stack ("rSummer,drafts": the release first,
 * then what it builds on). The studio sends it with the handshake and whenever
 * an editor switches (the overlay script writes it to a cookie); it is checked
 * here before it reaches a query.
 */
import {perspectiveCookieName} from '@sanity/preview-url-secret/constants'
import type {LakePerspective} from '@smart-cities/shared/content'

export {perspectiveCookieName}

/** A release id ("rSummer2026") or "drafts"/"published": letters, digits, "_" and "-". */
const NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/
/** The whole API ("raw") shows every version of every document at once: never a preview. */
const REFUSED = new Set(['raw', 'previewDrafts'])
const MAX_STACK = 16

/** The perspective a cookie or URL parameter names, or undefined if it is not one. */
export function parsePerspective(value: string | null | undefined): LakePerspective | undefined {
  if (!value) return undefined
  const names = value.split(',').map((name) => name.trim())
  if (names.length > MAX_STACK || names.some((name) => !NAME.test(name) || REFUSED.has(name)))
    return undefined
  if (names.length === 1 && (names[0] === 'drafts' || names[0] === 'published')) return names[0]
  return names
}

/** As the cookie stores it. */
export const serializePerspective = (perspective: LakePerspective): string =>
  Array.isArray(perspective) ? perspective.join(',') : perspective
