/**
 * One Astro build, in this process, into the folder given as the argument (the
 * staging folder of scripts/build.ts). Input a user can fix (the environment, a
 * dataset, a Content Lake that does not answer) is reported with its message
 * alone; anything else is a bug and keeps its stack trace. The process exits at
 * the first error, which also stops the pages still rendering.
 */
import {fileURLToPath} from 'node:url'

import {readDataset} from '@smart-cities/shared/dataset'
import {readEnvironment} from '@smart-cities/shared/environment'
import {isReportable} from '@smart-cities/shared/reportable-error'
import {build} from 'astro'

import {resolveSiteUrl} from '../src/lib/site-url.ts'

const [outDir] = process.argv.slice(2)
if (!outDir) throw new Error('usage: node scripts/astro-build.ts OUT_DIR')

try {
  const environment = readEnvironment()
  if (environment.previewDrafts) {
    throw new Error(
      'SANITY_PREVIEW_DRAFTS=true is for local preview with `pnpm dev` only; a build never includes drafts. Unset it to build.',
    )
  }
  // With SITE_URL set (as hosts set it), nothing below needs the content before the pages do: a
  // dataset file is read while Astro bundles them. The read is kept for the pages (one per process),
  // and its problems are reported when they load it.
  if (environment.site.url && environment.content.kind === 'dataset')
    readDataset(environment.content.file).catch(() => {})
  // Resolved once, here: astro.config.ts then takes it from SITE_URL instead of reading the content.
  process.env.SITE_URL = await resolveSiteUrl(environment)
  await build({
    root: fileURLToPath(new URL('..', import.meta.url)),
    outDir,
    logger: {
      entrypoint: fileURLToPath(new URL('./build-log.ts', import.meta.url)),
      config: {files: environment.site.logFiles, summarizeErrors: true},
    },
  })
} catch (error) {
  console.error(
    `\n${isReportable(error) ? error.message : error instanceof Error ? error.stack : error}`,
  )
  process.exit(1)
}
