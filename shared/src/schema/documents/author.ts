import {UserIcon} from '@sanity/icons/User'
import {defineField, defineType} from 'sanity'

import * as fields from '../fields.ts'
import {webUrlRule} from '../rules.ts'

export const author = defineType({
  name: 'author',
  title: 'Author',
  type: 'document',
  icon: UserIcon,
  fields: [
    ...fields.titleWithSlug({name: 'name', title: 'Name', max: 80, slugMaxLength: 80}),
    defineField({name: 'role', title: 'Role', type: 'string', validation: (rule) => rule.max(80)}),
    defineField({
      name: 'bio',
      title: 'Short bio',
      type: 'text',
      rows: 3,
      validation: (rule) => rule.max(300),
    }),
    fields.imageField({name: 'image', title: 'Portrait'}),
    defineField({name: 'url', title: 'Profile URL', type: 'url', validation: webUrlRule}),
  ],
  preview: {select: {title: 'name', subtitle: 'role', media: 'image'}},
})
