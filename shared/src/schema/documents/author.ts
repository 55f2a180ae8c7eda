import {UserIcon} from '@sanity/icons/User'
import {defineField, defineType} from 'sanity'

import {slugOptions, slugRule, webUrlRule} from '../rules.ts'

export const author = defineType({
  name: 'author',
  title: 'Author',
  type: 'document',
  icon: UserIcon,
  fields: [
    defineField({
      name: 'name',
      title: 'Name',
      type: 'string',
      validation: (rule) => rule.required().max(80),
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      options: slugOptions('name', 80),
      validation: slugRule,
    }),
    defineField({name: 'role', title: 'Role', type: 'string', validation: (rule) => rule.max(80)}),
    defineField({
      name: 'bio',
      title: 'Short bio',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.max(300),
    }),
    defineField({name: 'image', title: 'Portrait', type: 'accessibleImage'}),
    defineField({name: 'url', title: 'Profile URL', type: 'url', validation: webUrlRule}),
  ],
  preview: {select: {title: 'name', subtitle: 'role', media: 'image'}},
})
