import {readdir, readFile} from 'node:fs/promises'
import {join, relative} from 'node:path'

import {load, type CheerioAPI} from 'cheerio'

/** Every file of a built site, as paths relative to its root ("cities/vienna/index.html"). */
export async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, {recursive: true, withFileTypes: true})
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(root, join(entry.parentPath, entry.name)))
}

export async function htmlFiles(root: string): Promise<string[]> {
  return (await listFiles(root)).filter((file) => file.endsWith('.html')).sort()
}

/** The page served at a URL path ("/cities/vienna/"). */
export async function loadPage(root: string, urlPath: string): Promise<CheerioAPI> {
  const file = urlPath.endsWith('/') ? join(urlPath, 'index.html') : urlPath
  return load(await readFile(join(root, file), 'utf8'))
}

/** The URL path a built HTML file is served at. */
export const urlPathOf = (file: string) =>
  file === '404.html' ? '/404.html' : `/${file.replace(/index\.html$/, '')}`

/** The page at an old address (site/src/pages/[...oldAddress].astro): it sends the browser on at once. */
export const isOldAddressPage = (html: string) => html.includes('<meta http-equiv="refresh"')

/** HTML files that are pages of their own: all but the pages at old addresses. */
export async function pageFiles(root: string): Promise<string[]> {
  const files = await htmlFiles(root)
  const own = await Promise.all(
    files.map(async (file) => !isOldAddressPage(await readFile(join(root, file), 'utf8'))),
  )
  return files.filter((_, index) => own[index])
}
