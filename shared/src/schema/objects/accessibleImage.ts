import {ImageIcon} from '@sanity/icons/Image'
import {defineField, defineType} from 'sanity'

/**
 * An image as every page needs it: hotspot for art direction, alt text that
 * cannot be skipped, and optional caption and credit.
 */
export const accessibleImage = defineType({
  name: 'accessibleImage',
  title: 'Image',
  type: 'image',
  icon: ImageIcon,
  options: {hotspot: true},
  fields: [
    defineField({
      name: 'alt',
      title: 'Alternative text',
      type: 'string',
      description:
        'What the image shows, for readers who cannot see it. Describe it honestly; do not repeat the caption.',
      validation: (rule) =>
        rule.max(250).custom((alt: string | undefined, context) => {
          const image = context.parent as {asset?: unknown} | undefined
          if (image?.asset && !alt?.trim()) {
            return 'Alternative text is required whenever an image is set.'
          }
          return true
        }),
    }),
    defineField({
      name: 'caption',
      title: 'Caption',
      type: 'string',
      validation: (rule) => rule.max(300),
    }),
    defineField({
      name: 'credit',
      title: 'Credit',
      type: 'string',
      description: 'Who made or owns the image, e.g. "Illustration: Smart Cities Desk".',
      validation: (rule) => rule.max(120),
    }),
  ],
})
