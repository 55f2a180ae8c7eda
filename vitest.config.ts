import {defineConfig} from 'vitest/config'

/**
 * Three projects: suites that read the site built once for the whole run
 * (tests/built-site and tests/browser: global setup builds it from the bundled
 * dataset and from the paged fixture), suites of the editors' preview server
 * (tests/preview: global setup builds it once), and all the others, which start
 * at once and build what they need themselves (`vitest run --project standalone`).
 */
const BUILT_SITE = ['tests/built-site/**/*.test.ts', 'tests/browser/**/*.test.ts']
const PREVIEW_SERVER = ['tests/preview/**/*.test.ts']

export default defineConfig({
  test: {
    reporters: ['default', './tests/support/summary-reporter.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'standalone',
          include: ['tests/**/*.test.{ts,tsx}'],
          exclude: [...BUILT_SITE, ...PREVIEW_SERVER],
          environment: 'node',
        },
      },
      {
        extends: true,
        test: {
          name: 'built-site',
          include: BUILT_SITE,
          environment: 'node',
          globalSetup: ['./tests/support/global-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'preview-server',
          include: PREVIEW_SERVER,
          environment: 'node',
          globalSetup: ['./tests/support/preview-setup.ts'],
        },
      },
    ],
  },
})
