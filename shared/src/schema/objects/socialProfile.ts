import {UsersIcon} from '@sanity/icons/Users'
import {defineField, defineType} from 'sanity'

import {webUrlRule} from '../rules.ts'

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
    defineField({
      name: 'handle',
      title: 'Handle or page name',
      type: 'string',
      description: 'As readers know it, e.g. "@IOTMKSL" or "facebook.com/marketscale".',
      validation: (rule) => rule.required().max(80),
    }),
    defineField({
      name: 'url',
      title: 'Profile URL',
      type: 'url',
      validation: (rule) => webUrlRule(rule).required(),
    }),
  ],
  preview: {select: {title: 'handle', subtitle: 'platform'}},
})
