import {CogIcon} from '@sanity/icons/Cog'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {webUrlRule} from '../rules.ts'

/** The singleton that holds the publication's identity. Its id is fixed. */
export const SITE_SETTINGS_ID = 'siteSettings'

export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  icon: CogIcon,
  fields: [
    defineField({
      name: 'title',
      title: 'Publication name',
      type: 'string',
      validation: (rule) => rule.required().max(60),
    }),
    defineField({
      name: 'tagline',
      title: 'Tagline',
      type: 'string',
      validation: (rule) => rule.required().max(140),
    }),
    defineField({
      name: 'siteUrl',
      title: 'Site URL',
      type: 'url',
      description:
        'Where readers find the site, e.g. https://example.com. Used for feeds and links.',
      validation: (rule) => webUrlRule(rule).required(),
    }),
    defineField({
      name: 'featuredListicle',
      title: 'Featured ranked list',
      type: 'reference',
      to: [{type: 'listicle'}],
      description: 'Shown on the home page.',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'socialProfiles',
      title: 'Social profiles',
      type: 'array',
      of: [defineArrayMember({type: 'socialProfile'})],
      validation: (rule) =>
        rule.custom((profiles: Array<{platform?: string}> | undefined) => {
          const platforms = (profiles ?? []).map((profile) => profile.platform)
          return new Set(platforms).size === platforms.length
            ? true
            : 'Add each platform only once.'
        }),
    }),
    defineField({
      name: 'followHeading',
      title: 'Follow heading',
      type: 'string',
      description: 'Shown above the social links, e.g. "Follow us for the latest updates in B2B".',
      validation: (rule) => rule.max(120),
    }),
    defineField({
      name: 'subscribe',
      title: 'Subscribe call to action',
      type: 'object',
      fields: [
        defineField({
          name: 'text',
          title: 'Text',
          type: 'string',
          validation: (rule) => rule.required().max(200),
        }),
        defineField({
          name: 'label',
          title: 'Button label',
          type: 'string',
          validation: (rule) => rule.required().max(40),
        }),
        defineField({
          name: 'url',
          title: 'Subscribe URL',
          type: 'url',
          description: 'A web address, or a path on this site such as /rss.xml.',
          validation: (rule) =>
            rule.required().uri({scheme: ['http', 'https'], allowRelative: true}),
        }),
      ],
    }),
  ],
  preview: {prepare: () => ({title: 'Site settings'})},
})
