import {LinkIcon} from '@sanity/icons/Link'
import {defineField, defineType} from 'sanity'

import {webUrlRule} from '../rules.ts'

export const externalLink = defineType({
  name: 'externalLink',
  title: 'External link',
  type: 'object',
  icon: LinkIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Link text',
      type: 'string',
      validation: (rule) => rule.required().max(120),
    }),
    defineField({
      name: 'url',
      title: 'URL',
      type: 'url',
      validation: (rule) => webUrlRule(rule).required(),
    }),
  ],
  preview: {select: {title: 'title', subtitle: 'url'}},
})
