/**
 * Every page type at 390 and 1280 px, light and dark, kept in tests/artifacts/screenshots
 * for people to look at; each checked to be as wide as the screen, a full page long
 * and not blank.
 */
import {mkdir, readFile} from 'node:fs/promises'
import {join} from 'node:path'

import sharp from 'sharp'
import {describe, expect, test} from 'vitest'

import {
  PAGE_TYPES,
  renderWholePage,
  openPage,
  useBrowserSession,
  VIEWPORT_HEIGHT,
  withPage,
} from '../support/browser-session'
import {artifactsDir} from '../support/paths'

const session = useBrowserSession()
const WIDTHS = [390, 1280]
const SCHEMES = ['light', 'dark'] as const

/**
 * A PNG's real pixel size, read from its bytes: the IHDR chunk's big-endian 32-bit
 * width and height, at offsets 16 and 20.
 */
function pngSize(png: Buffer): {width: number; height: number} {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  expect(png.toString('latin1', 12, 16)).toBe('IHDR')
  return {width: png.readUInt32BE(16), height: png.readUInt32BE(20)}
}

/**
 * How many distinct colours each band of `rows` rows holds, top to bottom (decoded
 * by sharp); the last band is the image's last `rows` rows, so none is a sliver.
 */
async function coloursPerBand(png: Buffer, rows: number): Promise<number[]> {
  const {data, info} = await sharp(png).removeAlpha().raw().toBuffer({resolveWithObject: true})
  const bands: number[] = []
  for (let start = 0; start < info.height; start += rows) {
    const top = Math.max(0, Math.min(start, info.height - rows))
    const colours = new Set<number>()
    const end = Math.min(top + rows, info.height) * info.width * 3
    for (let index = top * info.width * 3; index < end; index += 3)
      colours.add((data[index]! << 16) | (data[index + 1]! << 8) | data[index + 2]!)
    bands.push(colours.size)
  }
  return bands
}

describe('screenshots of the bundled site', {timeout: 120_000}, () => {
  const dir = join(artifactsDir, 'screenshots')
  const shots = Object.entries(PAGE_TYPES).flatMap(([name, path]) =>
    WIDTHS.flatMap((width) => SCHEMES.map((colorScheme) => ({name, path, width, colorScheme}))),
  )

  test.each(shots)('$name at $width px, $colorScheme', async ({name, path, width, colorScheme}) => {
    await mkdir(dir, {recursive: true})
    const file = join(dir, `${name}-${width}-${colorScheme}.png`)
    await withPage(session, {width, colorScheme}, async (page) => {
      await openPage(page, `${session.bundled.url}${path}`)
      await renderWholePage(page)
      await page.screenshot({path: file, fullPage: true})
    })
    const png = await readFile(file)
    const size = pngSize(png)
    // As wide as the viewport (nothing overflows sideways), the whole page long.
    expect(size.width).toBe(width)
    expect(size.height).toBeGreaterThan(VIEWPORT_HEIGHT)
    // Not blank anywhere: every screenful holds anti-aliased text or images, dozens
    // of colours at least; a blank stretch (a section never laid out) has one or two.
    const bands = await coloursPerBand(png, VIEWPORT_HEIGHT)
    expect(bands[0]).toBeGreaterThan(100)
    expect(
      bands.every((colours) => colours > 20),
      `colours per screenful: ${bands.join(', ')}`,
    ).toBe(true)
  })
})
