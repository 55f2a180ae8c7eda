import {schemaTypes} from '@smart-cities/shared/schema'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'

import {dataset, projectId} from './env'

export default defineConfig({
  name: 'default',
  title: 'Smart Cities',
  projectId,
  dataset,
  plugins: [structureTool()],
  schema: {types: schemaTypes},
})
