import {schemaTypes, singletonTypes} from '@smart-cities/shared/schema'
import {defineConfig} from 'sanity'
import {structureTool} from 'sanity/structure'

import {documentActionsFor, productionUrl, withoutSingletonTemplates} from './documents'
import {dataset, projectId} from './env'
import {structure} from './structure'

export default defineConfig({
  name: 'default',
  title: 'Smart Cities',
  projectId,
  dataset,
  plugins: [structureTool({structure})],
  schema: {
    types: schemaTypes,
    templates: withoutSingletonTemplates,
  },
  document: {
    actions: (actions, {schemaType}) => documentActionsFor(schemaType, actions),
    newDocumentOptions: (options) =>
      options.filter((option) => !singletonTypes.has(option.templateId)),
    productionUrl,
  },
})
