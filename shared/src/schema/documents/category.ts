import {TagIcon} from '@sanity/icons/Tag'
import {defineField, defineType} from 'sanity'

import {slugOptions, slugRule} from '../rules.ts'

export const category = defineType({
  name: 'category',
  title: 'Category',
  type: 'document',
  icon: TagIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      validation: (rule) => rule.required().max(60),
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      options: slugOptions('title', 60),
      validation: slugRule,
    }),
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
