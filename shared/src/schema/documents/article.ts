import {DocumentTextIcon} from '@sanity/icons/DocumentText'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {withCharacterCount} from '../components/CharacterCountInput.tsx'
import {slugOptions, slugRule} from '../rules.ts'

export const EXCERPT_MAX_LENGTH = 400

export const article = defineType({
  name: 'article',
  title: 'Latest article',
  type: 'document',
  icon: DocumentTextIcon,
  groups: [
    {name: 'content', title: 'Content', default: true},
    {name: 'meta', title: 'Publishing'},
  ],
  fields: [
    defineField({
      name: 'title',
      title: 'Title',
      type: 'string',
      group: 'content',
      validation: (rule) => rule.required().max(140),
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
      name: 'excerpt',
      title: 'Excerpt',
      type: 'text',
      rows: 4,
      group: 'content',
      description: `Plain text for lists and feeds, up to ${EXCERPT_MAX_LENGTH} characters.`,
      components: {input: withCharacterCount(EXCERPT_MAX_LENGTH)},
      validation: (rule) => rule.required().max(EXCERPT_MAX_LENGTH),
    }),
    defineField({
      name: 'heroImage',
      title: 'Hero image',
      type: 'accessibleImage',
      group: 'content',
    }),
    defineField({
      name: 'body',
      title: 'Body',
      type: 'articleBody',
      group: 'content',
      validation: (rule) => rule.required().min(1),
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
      name: 'category',
      title: 'Category',
      type: 'reference',
      to: [{type: 'category'}],
      group: 'meta',
      validation: (rule) => rule.required(),
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
      name: 'relatedCities',
      title: 'Related cities',
      type: 'array',
      group: 'meta',
      of: [defineArrayMember({type: 'reference', to: [{type: 'city'}]})],
      validation: (rule) => rule.unique(),
    }),
    defineField({name: 'seo', title: 'Search and sharing', type: 'seo', group: 'meta'}),
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
