import {OlistIcon} from '@sanity/icons/Olist'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {RankedEntryItem} from '../components/RankedEntryItem.tsx'
import * as fields from '../fields.ts'

export const listicle = defineType({
  name: 'listicle',
  title: 'Ranked list',
  type: 'document',
  icon: OlistIcon,
  groups: [fields.groups.content, fields.groups.ranking, fields.groups.meta],
  fields: [
    ...fields.pageTitleWithSlug({
      name: 'title',
      title: 'Title',
      max: 120,
      slugMaxLength: 96,
      group: 'content',
    }),
    defineField({
      name: 'dek',
      title: 'Dek',
      type: 'text',
      rows: 2,
      group: 'content',
      description: 'The one-sentence summary under the headline.',
      validation: (rule) => rule.required().max(200),
    }),
    fields.imageField({name: 'heroImage', title: 'Hero image', group: 'content', required: true}),
    fields.requiredText({name: 'intro', title: 'Introduction', type: 'richText', group: 'content'}),
    defineField({
      name: 'entries',
      title: 'Ranked entries',
      type: 'array',
      group: 'ranking',
      description: 'Drag to reorder: the first entry is number 1.',
      of: [defineArrayMember({type: 'listicleEntry', components: {item: RankedEntryItem}})],
      validation: (rule) =>
        rule
          .required()
          .min(1)
          .custom((entries: Array<{city?: {_ref?: string}}> | undefined) => {
            const seen = new Set<string>()
            for (const entry of entries ?? []) {
              const ref = entry.city?._ref
              if (!ref) continue
              if (seen.has(ref)) return 'Each city can appear only once in a ranking.'
              seen.add(ref)
            }
            return true
          }),
    }),
    defineField({
      name: 'closing',
      title: 'Closing text',
      type: 'richText',
      group: 'content',
    }),
    fields.requiredReference({name: 'author', title: 'Author', to: 'author', group: 'meta'}),
    fields.publishedAtField({group: 'meta'}),
    defineField({
      name: 'updatedAt',
      title: 'Updated at',
      type: 'datetime',
      group: 'meta',
      validation: (rule) =>
        rule.custom((updatedAt: string | undefined, context) => {
          const publishedAt = (context.document as {publishedAt?: string} | undefined)?.publishedAt
          if (updatedAt && publishedAt && new Date(updatedAt) < new Date(publishedAt)) {
            return 'The update date cannot be before the publication date.'
          }
          return true
        }),
    }),
    fields.referenceList({name: 'categories', title: 'Categories', to: 'category', group: 'meta'}),
    fields.seoField({group: 'meta'}),
  ],
  preview: {
    select: {title: 'title', entries: 'entries', media: 'heroImage'},
    prepare: ({title, entries, media}: {title?: string; entries?: unknown[]; media?: unknown}) => ({
      title,
      subtitle: `${entries?.length ?? 0} ranked entries`,
      media: media as never,
    }),
  },
})
