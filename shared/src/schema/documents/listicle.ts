import {OlistIcon} from '@sanity/icons/Olist'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {RankedEntryItem} from '../components/RankedEntryItem.tsx'
import {slugOptions, slugRule} from '../rules.ts'

export const listicle = defineType({
  name: 'listicle',
  title: 'Ranked list',
  type: 'document',
  icon: OlistIcon,
  groups: [
    {name: 'content', title: 'Content', default: true},
    {name: 'ranking', title: 'Ranking'},
    {name: 'meta', title: 'Publishing'},
  ],
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      group: 'content',
      validation: (rule) => rule.required().max(120),
    }),
    defineField({
      name: 'slug',
      title: 'Slug',
      type: 'slug',
      group: 'content',
      options: slugOptions('title', 96),
      validation: slugRule,
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
    defineField({
      name: 'heroImage',
      title: 'Hero image',
      type: 'accessibleImage',
      group: 'content',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'intro',
      title: 'Introduction',
      type: 'richText',
      group: 'content',
      validation: (rule) => rule.required().min(1),
    }),
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
    defineField({
      name: 'author',
      title: 'Author',
      type: 'reference',
      to: [{type: 'author'}],
      group: 'meta',
      validation: (rule) => rule.required(),
    }),
    defineField({
      name: 'publishedAt',
      title: 'Published at',
      type: 'datetime',
      group: 'meta',
      initialValue: () => new Date().toISOString(),
      validation: (rule) => rule.required(),
    }),
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
    defineField({
      name: 'categories',
      title: 'Categories',
      type: 'array',
      group: 'meta',
      of: [defineArrayMember({type: 'reference', to: [{type: 'category'}]})],
      validation: (rule) => rule.unique(),
    }),
    defineField({name: 'seo', title: 'Search and sharing', type: 'seo', group: 'meta'}),
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
