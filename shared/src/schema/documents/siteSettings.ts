import {CogIcon} from '@sanity/icons/Cog'
import {defineArrayMember, defineField, defineType} from 'sanity'

import * as fields from '../fields.ts'

/** The singleton that holds the publication's identity. Its id is fixed. */
export const SITE_SETTINGS_ID = 'siteSettings'

export const siteSettings = defineType({
  name: 'siteSettings',
  title: 'Site settings',
  type: 'document',
  icon: CogIcon,
  fields: [
    fields.requiredString({name: 'title', title: 'Publication name', max: 60}),
    fields.requiredString({name: 'tagline', title: 'Tagline', max: 140}),
    fields.requiredWebUrl({
      name: 'siteUrl',
      title: 'Site URL',
      description:
        'Where readers find the site, e.g. https://example.com. Used for feeds and links.',
    }),
    fields.requiredReference({
      name: 'featuredListicle',
      title: 'Featured ranked list',
      to: 'listicle',
      description: 'Shown on the home page.',
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
        fields.requiredString({name: 'text', title: 'Text', max: 200}),
        fields.requiredString({name: 'label', title: 'Button label', max: 40}),
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
