import {schemaTypes, singletonTypes} from '@smart-cities/shared/schema'
import {defineConfig, defineLocaleResourceBundle} from 'sanity'
import {structureTool} from 'sanity/structure'

import {documentActionsFor, productionUrl, withoutSingletonTemplates} from './documents'
import {dataset, previewUrl, projectId} from './env'
import {presentation} from './presentation'
import {structure} from './structure'

/** The document menu's link to the published page says where it leads; "Open preview" is Presentation. */
const openOnTheSite = defineLocaleResourceBundle({
  locale: 'en-US',
  namespace: 'structure',
  resources: {'production-preview.menu-item.title': 'Open on the site'},
})

export default defineConfig({
  name: 'default',
  title: 'Smart Cities',
  projectId,
  dataset,
  plugins: [structureTool({structure}), presentation(previewUrl)],
  i18n: {bundles: [openOnTheSite]},
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
