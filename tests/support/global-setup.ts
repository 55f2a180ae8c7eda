/**
 * Builds the site twice, once per test run, for every test that reads built output:
 * from the bundled dataset, and from a paged fixture (see fixtures.ts), whose
 * search index is cut into parts as a large site's is.
 */
import type {TestProject} from 'vitest/node'

import {buildSite} from './build-site'
import {PAGED_SEARCH_PART_SIZE, writePagedDataset} from './fixtures'

declare module 'vitest' {
  export interface ProvidedContext {
    bundledSite: string
    /** What `pnpm build` printed while building bundledSite. */
    bundledBuildLog: string
    pagedSite: string
  }
}

export async function setup(project: TestProject): Promise<void> {
  const [bundled, paged] = await Promise.all([
    buildSite(),
    writePagedDataset().then((file) =>
      buildSite({DATASET_FILE: file, SITE_SEARCH_PART_SIZE: String(PAGED_SEARCH_PART_SIZE)}),
    ),
  ])
  if (!bundled.ok)
    throw new Error(`Building the site from the bundled dataset failed:\n${bundled.output}`)
  if (!paged.ok)
    throw new Error(`Building the site from the paged fixture failed:\n${paged.output}`)
  project.provide('bundledSite', bundled.outDir)
  project.provide('bundledBuildLog', bundled.output)
  project.provide('pagedSite', paged.outDir)
}
