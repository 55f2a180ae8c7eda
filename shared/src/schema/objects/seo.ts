import {SearchIcon} from '@sanity/icons/Search'
import {defineField, defineType} from 'sanity'

/** Overrides for search results and link previews; pages fall back to title and excerpt. */
export const seo = defineType({
  name: 'seo',
  title: 'Search and sharing',
  type: 'object',
  icon: SearchIcon,
  options: {collapsible: true, collapsed: true},
  fields: [
    defineField({
      name: 'title',
      title: 'Title for search engines',
      type: 'string',
      description: 'Up to 60 characters. Leave empty to use the page title.',
      validation: (rule) =>
        rule.max(60).warning('Search engines cut titles after about 60 characters.'),
    }),
    defineField({
      name: 'description',
      title: 'Description for search engines',
      type: 'text',
      rows: 3,
      description: 'Up to 160 characters.',
      validation: (rule) =>
        rule.max(160).warning('Search engines cut descriptions after about 160 characters.'),
    }),
    defineField({
      name: 'image',
      title: 'Image for link previews',
      type: 'accessibleImage',
      description: 'Leave empty to use the hero image.',
    }),
    defineField({
      name: 'noIndex',
      title: 'Hide from search engines',
      type: 'boolean',
      initialValue: false,
    }),
  ],
})
