import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineField, defineType} from 'sanity'

import {withCharacterCount} from '../components/CharacterCountInput.tsx'
import * as fields from '../fields.ts'

export const EXCERPT_MAX_LENGTH = 400

export const article = defineType({
  name: 'article',
  title: 'Latest article',
  type: 'document',
  icon: DocumentTextIcon,
  groups: [fields.groups.content, fields.groups.meta],
  fields: [
    ...fields.pageTitleWithSlug({
      name: 'title',
      title: 'Title',
      max: 140,
      slugMaxLength: 96,
      group: 'content',
    }),
    defineField({
      name: 'excerpt',
      title: 'Excerpt',
      type: 'text',
      rows: 4,
      group: 'content',
      description: `Plain text for lists and feeds, up to ${EXCERPT_MAX_LENGTH} characters.`,
      components: {input: withCharacterCount(EXCERPT_MAX_LENGTH)},
      validation: (rule) => rule.required().max(EXCERPT_MAX_LENGTH),
    }),
    fields.imageField({name: 'heroImage', title: 'Hero image', group: 'content'}),
    fields.requiredText({name: 'body', title: 'Body', type: 'articleBody', group: 'content'}),
    fields.publishedAtField({group: 'meta'}),
    fields.requiredReference({name: 'category', title: 'Category', to: 'category', group: 'meta'}),
    fields.requiredReference({name: 'author', title: 'Author', to: 'author', group: 'meta'}),
    fields.referenceList({
      name: 'relatedCities',
      title: 'Related cities',
      to: 'city',
      group: 'meta',
    }),
    fields.seoField({group: 'meta'}),
  ],
  orderings: [
    {
      title: 'Newest first',
      name: 'publishedAtDesc',
      by: [{field: 'publishedAt', direction: 'desc'}],
    },
  ],
  preview: {
    select: {
      title: 'title',
      publishedAt: 'publishedAt',
      category: 'category.title',
      media: 'heroImage',
    },
    prepare: ({
      title,
      publishedAt,
      category,
      media,
    }: {
      title?: string
      publishedAt?: string
      category?: string
      media?: unknown
    }) => ({
      title,
      subtitle: [publishedAt?.slice(0, 10), category].filter(Boolean).join(' · '),
      media: media as never,
    }),
  },
})
