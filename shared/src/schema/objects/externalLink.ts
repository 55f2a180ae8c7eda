import {LinkIcon} from '@sanity/icons/Link'
import {defineType} from 'sanity'

import * as fields from '../fields.ts'

export const externalLink = defineType({
  name: 'externalLink',
  title: 'External link',
  type: 'object',
  icon: LinkIcon,
  fields: [
    fields.requiredString({name: 'title', title: 'Link text', max: 120}),
    fields.requiredWebUrl({name: 'url', title: 'URL'}),
  ],
  preview: {select: {title: 'title', subtitle: 'url'}},
})
