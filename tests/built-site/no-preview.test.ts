/**
 * Nothing of the editors' preview server reaches the static site (issue 14):
 * no stega characters in any file, no click-to-edit attributes, no overlay
 * code, no preview cookies or handshake, no draft content. Both builds of the
 * run are searched, file by file.
 */
import {readFile} from 'node:fs/promises'
import {extname, join} from 'node:path'

import {describe, expect, inject, test} from 'vitest'

import {listFiles} from '../support/built-site'

/** The characters stega is written in: U+200B–U+200D, U+2060–U+2064, U+FEFF. */
const STEGA = /[\u200B-\u200D\u2060-\u2064\uFEFF]/u
/** Files that are text (everything else the site writes is an image or a font). */
const TEXT = new Set(['.html', '.xml', '.json', '.txt', '.svg', '.css', '.js', ''])
/** Words only the preview's code, cookies or handshake contain. */
const PREVIEW_MARKERS = [
  'data-sanity',
  'sanity-visual-editing',
  'enableVisualEditing',
  'visual-editing',
  'comlink',
  '__Host-preview-session',
  'sanity-preview-perspective',
  'sanity-preview-secret',
  '/api/preview/',
]
/** Unpublished text of the bundled dataset's two drafts. */
const DRAFT_TEXT = ['DRAFT EDIT', 'DRAFT: Smart streetlights', 'draft-smart-streetlights']

describe.each([
  ['the bundled dataset', 'bundledSite'],
  ['the paged fixture', 'pagedSite'],
] as const)('the static build of %s', (_, site) => {
  const root = inject(site)
  const textFiles = async () =>
    (await listFiles(root)).filter((file) => TEXT.has(extname(file).toLowerCase()))

  test('has no stega characters in any file', async () => {
    const files = await textFiles()
    expect(files.length).toBeGreaterThan(20)
    const found: string[] = []
    for (const file of files) {
      const text = await readFile(join(root, file), 'utf8')
      const match = STEGA.exec(text)
      if (match) found.push(`${file} at ${match.index}`)
    }
    expect(found).toEqual([])
  })

  test('has no click-to-edit attributes, overlay code, preview cookies or handshake', async () => {
    const found: string[] = []
    for (const file of await textFiles()) {
      const text = await readFile(join(root, file), 'utf8')
      for (const marker of PREVIEW_MARKERS)
        if (text.includes(marker)) found.push(`${file}: ${marker}`)
    }
    expect(found).toEqual([])
  })

  test('has no draft content', async () => {
    const found: string[] = []
    for (const file of await textFiles()) {
      const text = await readFile(join(root, file), 'utf8')
      for (const draft of DRAFT_TEXT) if (text.includes(draft)) found.push(`${file}: ${draft}`)
    }
    expect(found).toEqual([])
  })
})
