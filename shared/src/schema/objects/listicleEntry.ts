import {PinIcon} from '@sanity/icons/Pin'
import {defineField, defineType} from 'sanity'

import * as fields from '../fields.ts'

/** One ranked place in a listicle. The rank is the entry's position in the array. */
export const listicleEntry = defineType({
  name: 'listicleEntry',
  title: 'Entry',
  type: 'object',
  icon: PinIcon,
  fields: [
    fields.requiredReference({name: 'city', title: 'City', to: 'city'}),
    defineField({
      name: 'blurb',
      title: 'Why it ranks here',
      type: 'text',
      rows: 3,
      description: 'Optional text for this list only; the city page shows the city summary.',
      validation: (rule) => rule.max(600),
    }),
  ],
  preview: {
    select: {title: 'city.name', country: 'city.country', media: 'city.image'},
    prepare: ({title, country, media}: {title?: string; country?: string; media?: unknown}) => ({
      title: title ?? 'Choose a city',
      subtitle: country,
      media: media as never,
    }),
  },
})
