import {defineCliConfig} from 'sanity/cli'

import {dataset, projectId} from './env'

export default defineCliConfig({
  api: {projectId, dataset},
  // Auto updates fetch the studio's version from the network at build time.
  deployment: {autoUpdates: false},
  typegen: {
    path: '../shared/src/queries.ts',
    schema: '../shared/src/generated/schema.json',
    generates: '../shared/src/generated/sanity.types.ts',
  },
})
