import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {load} from 'cheerio'
import {describe, expect, inject, test} from 'vitest'

import {buildSite} from '../support/build-site'
import {readBundledDocuments, toNdjson, writeTempDataset} from '../support/dataset-files'
import {SEED_CITY_ORDER} from '../support/seed'

const bundled = {outDir: inject('bundledSite')}

const page = async (outDir: string, path = 'index.html') =>
  load(await readFile(join(outDir, path), 'utf8'))

describe('the listicle page at /', () => {
  test('shows the headline, dek and the nine cities in rank order', async () => {
    const $ = await page(bundled.outDir)
    expect($('h1').text()).toBe('The Top Smart Cities in the World')
    const entries = $('ol.entries > li')
      .map((_, entry) => $(entry).find('h2').text().replace(/\s+/g, ' ').trim())
      .get()
    expect(entries).toEqual(SEED_CITY_ORDER.map((name, index) => `${index + 1} ${name}`))
  })

  test('shows each city’s facts', async () => {
    const $ = await page(bundled.outDir)
    const vienna = $('#vienna')
    expect(vienna.find('dt').first().text()).toBe('Green space')
    expect(vienna.text()).toContain('Austria')
    expect($('#san-francisco').text()).toContain('41 percent')
  })

  test('never shows drafts', async () => {
    const html = await readFile(join(bundled.outDir, 'index.html'), 'utf8')
    expect(html).not.toContain('DRAFT')
  })

  test('ships no JavaScript', async () => {
    const $ = await page(bundled.outDir)
    expect($('script:not([type="application/ld+json"])')).toHaveLength(0)
  })
})

describe('building from another dataset', () => {
  test('DATASET_FILE changes what the page shows', async () => {
    const docs = await readBundledDocuments()
    const edited = docs.map((doc) =>
      doc._id === 'city-seoul' ? {...doc, name: 'Seoul, edited'} : doc,
    )
    const result = await buildSite({DATASET_FILE: await writeTempDataset(toNdjson(edited))})
    expect(result.ok, result.output).toBe(true)
    const $ = await page(result.outDir)
    expect($('#seoul h2').text()).toContain('Seoul, edited')
  }, 180_000)

  test('a broken dataset stops the build with file, line and document id', async () => {
    const docs = await readBundledDocuments()
    const lines = toNdjson(docs).split('\n')
    lines[4] = '{"_id": "broken", '
    const file = await writeTempDataset(lines.join('\n'))
    const result = await buildSite({DATASET_FILE: file})
    expect(result.ok).toBe(false)
    expect(result.output).toContain(`${file}:5: not valid JSON`)
  }, 180_000)
})
