import {defineCliConfig} from 'sanity/cli'

import {cliServer, dataset, projectId} from './env'

export default defineCliConfig({
  api: {projectId, dataset},
  // The port of `sanity dev`: SANITY_STUDIO_PORT, default 3333.
  server: cliServer(),
  // Auto updates fetch the studio's version from the network at build time.
  deployment: {autoUpdates: false},
  typegen: {
    path: '../shared/src/queries.ts',
    // The freshness test points these at a scratch folder; `pnpm typegen` uses the committed ones.
    schema: process.env.TYPEGEN_SCHEMA_FILE ?? '../shared/src/generated/schema.json',
    generates: process.env.TYPEGEN_TYPES_FILE ?? '../shared/src/generated/sanity.types.ts',
  },
})
