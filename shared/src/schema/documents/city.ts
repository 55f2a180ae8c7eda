import {PinIcon} from '@sanity/icons/Pin'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {API_VERSION} from '../../api-version.ts'
import {getPublishedId} from '../../documents.ts'
import * as fields from '../fields.ts'

export const city = defineType({
  name: 'city',
  title: 'City',
  type: 'document',
  icon: PinIcon,
  groups: [fields.groups.content, fields.groups.facts, fields.groups.media],
  fields: [
    ...fields.pageTitleWithSlug({
      name: 'name',
      title: 'Name',
      max: 80,
      slugMaxLength: 80,
      group: 'content',
    }),
    fields.requiredString({name: 'country', title: 'Country', max: 80, group: 'content'}),
    fields.requiredString({
      name: 'region',
      title: 'Region',
      max: 80,
      group: 'content',
      description: 'Continent or wider region, e.g. "Europe" or "North America".',
    }),
    fields.requiredText({
      name: 'summary',
      title: 'Summary',
      type: 'richText',
      group: 'content',
      description: 'Why this city is smart. Shown on the city page and in lists.',
    }),
    defineField({
      name: 'highlights',
      title: 'Highlights',
      type: 'array',
      group: 'facts',
      description: 'Labelled facts, e.g. "Green space: 50 %".',
      of: [defineArrayMember({type: 'highlight'})],
      validation: (rule) => rule.max(12),
    }),
    fields.referenceList({
      name: 'themes',
      title: 'Themes',
      to: 'category',
      group: 'facts',
      description:
        'What the city is known for: transport, energy, connectivity, parking, green space…',
    }),
    fields.imageField({name: 'image', title: 'Image', group: 'media', required: true}),
    defineField({
      name: 'socialEmbed',
      title: 'Social post',
      type: 'socialEmbed',
      group: 'media',
    }),
    defineField({
      name: 'links',
      title: 'External links',
      type: 'array',
      group: 'facts',
      of: [defineArrayMember({type: 'externalLink'})],
    }),
  ],
  // A city only reaches readers through a ranking; say so, without blocking a draft.
  validation: (rule) =>
    rule
      .custom(async (city: {_id?: string} | undefined, context) => {
        if (!city?._id) return true
        const id = getPublishedId(city._id)
        const uses = await context
          .getClient({apiVersion: API_VERSION})
          .fetch<number>(
            'count(*[_type == "listicle" && !(_id in path("drafts.**")) && !(_id in path("versions.**")) && references($id)])',
            {id},
          )
        return uses > 0
          ? true
          : 'No published ranked list includes this city yet, so readers cannot reach its page.'
      })
      .warning(),
  preview: {
    select: {title: 'name', country: 'country', region: 'region', media: 'image'},
    prepare: ({
      title,
      country,
      region,
      media,
    }: {
      title?: string
      country?: string
      region?: string
      media?: unknown
    }) => ({
      title,
      subtitle: [country, region].filter(Boolean).join(' · '),
      media: media as never,
    }),
  },
})
