/**
 * The preview server's session cookie (site/src/preview/session.ts) and the
 * perspective it accepts from the studio (perspective.ts): only what it issued,
 * only until it expires, only with the key it was signed with; only drafts,
 * published or a Content Release stack.
 */
import {describe, expect, test} from 'vitest'

import {parsePerspective} from '../../site/src/preview/perspective'
import {
  isValidSession,
  issueSession,
  SESSION_LIFETIME_MS,
  sessionKey,
} from '../../site/src/preview/session'

const project = {projectId: 'abc123xy', dataset: 'production'}
const key = sessionKey('sk-token-one', project)
const now = Date.UTC(2026, 10, 29, 12)

describe('the session cookie', () => {
  test('is valid until it expires, and not a moment after', () => {
    const value = issueSession(key, now)
    expect(isValidSession(key, value, now)).toBe(true)
    expect(isValidSession(key, value, now + SESSION_LIFETIME_MS - 1)).toBe(true)
    expect(isValidSession(key, value, now + SESSION_LIFETIME_MS)).toBe(false)
  })

  test('is worthless under another token, project or dataset', () => {
    const value = issueSession(key, now)
    expect(isValidSession(sessionKey('sk-token-two', project), value, now)).toBe(false)
    expect(
      isValidSession(sessionKey('sk-token-one', {...project, dataset: 'staging'}), value, now),
    ).toBe(false)
    expect(
      isValidSession(sessionKey('sk-token-one', {...project, projectId: 'other1'}), value, now),
    ).toBe(false)
  })

  test.each([undefined, '', 'v1', 'v1.x.y', 'v2.1795999999999.AAAA', 'v1.1795999999999.short'])(
    '%j is not a session',
    (value) => {
      expect(isValidSession(key, value, now)).toBe(false)
    },
  )

  test('does not contain the token', () => {
    expect(issueSession(key, now)).not.toContain('sk-token-one')
  })
})

describe('the perspective', () => {
  test.each([
    ['drafts', 'drafts'],
    ['published', 'published'],
    ['rSummer2026,drafts', ['rSummer2026', 'drafts']],
    ['rA, rB ,drafts', ['rA', 'rB', 'drafts']],
  ])('%j is read as %j', (value, expected) => {
    expect(parsePerspective(value)).toEqual(expected)
  })

  test.each([
    undefined,
    '',
    'raw',
    'previewDrafts',
    'rA,raw',
    'drafts;published',
    'a b',
    '../drafts',
    Array.from({length: 17}, (_, index) => `r${index}`).join(','),
  ])('%j is refused', (value) => {
    expect(parsePerspective(value)).toBeUndefined()
  })
})
