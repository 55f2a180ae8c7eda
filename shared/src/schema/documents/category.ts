import {TagIcon} from '@sanity/icons/Tag'
import {defineField, defineType} from 'sanity'

import * as fields from '../fields.ts'

export const category = defineType({
  name: 'category',
  title: 'Category',
  type: 'document',
  icon: TagIcon,
  fields: [
    ...fields.pageTitleWithSlug({name: 'title', title: 'Title', max: 60, slugMaxLength: 60}),
    defineField({
      name: 'description',
      title: 'Description',
      type: 'text',
      rows: 2,
      validation: (rule) => rule.max(200),
    }),
  ],
  preview: {select: {title: 'title', subtitle: 'description'}},
})
