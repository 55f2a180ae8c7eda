/**
 * Writes the host files of the content's redirects (_redirects, vercel.json) into
 * the published folder when a build ends, from the redirects the pages resolved
 * (lib/redirect-store.ts). Pages at the old addresses are built by
 * pages/[...oldAddress].astro; these files let hosts answer them with a 301.
 */
import {writeFile} from 'node:fs/promises'

import type {AstroIntegration} from 'astro'

import {builtVercelJson, redirectsFile} from '../lib/host-files'
import {redirectStore} from '../lib/redirect-store'

export function hostRedirects(): AstroIntegration {
  return {
    name: 'host-redirects',
    hooks: {
      'astro:build:done': async ({dir}) => {
        const {redirects} = redirectStore()
        // Every build loads the content (each page's getStaticPaths does); without it, a bug.
        if (!redirects) throw new Error('host-redirects: the build resolved no redirects')
        await Promise.all([
          writeFile(new URL('_redirects', dir), redirectsFile(redirects)),
          writeFile(new URL('vercel.json', dir), builtVercelJson(redirects)),
        ])
      },
    },
  }
}
