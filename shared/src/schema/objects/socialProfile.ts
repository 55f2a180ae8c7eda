import {UsersIcon} from '@sanity/icons/Users'
import {defineField, defineType} from 'sanity'

import * as fields from '../fields.ts'

export const SOCIAL_PLATFORMS = [
  {title: 'X (Twitter)', value: 'x'},
  {title: 'Facebook', value: 'facebook'},
  {title: 'LinkedIn', value: 'linkedin'},
]

export const socialProfile = defineType({
  name: 'socialProfile',
  title: 'Social profile',
  type: 'object',
  icon: UsersIcon,
  fields: [
    defineField({
      name: 'platform',
      title: 'Platform',
      type: 'string',
      options: {list: SOCIAL_PLATFORMS, layout: 'radio'},
      validation: (rule) => rule.required(),
    }),
    fields.requiredString({
      name: 'handle',
      title: 'Handle or page name',
      max: 80,
      description: 'As readers know it, e.g. "@IOTMKSL" or "facebook.com/marketscale".',
    }),
    fields.requiredWebUrl({name: 'url', title: 'Profile URL'}),
  ],
  preview: {select: {title: 'handle', subtitle: 'platform'}},
})
