import {BlockContentIcon} from '@sanity/icons/BlockContent'
import {defineArrayMember, defineField, defineType} from 'sanity'

import {safeLinkRule} from '../rules.ts'

/**
 * The one Portable Text block configuration: paragraphs, two heading levels,
 * quotes, lists, bold/italic/code and links. Links may only point to http(s),
 * mailto or relative URLs, so no `javascript:` or `data:` URL can be stored.
 */
const textBlock = defineArrayMember({
  type: 'block',
  styles: [
    {title: 'Normal', value: 'normal'},
    {title: 'Heading 2', value: 'h2'},
    {title: 'Heading 3', value: 'h3'},
    {title: 'Quote', value: 'blockquote'},
  ],
  lists: [
    {title: 'Bullets', value: 'bullet'},
    {title: 'Numbers', value: 'number'},
  ],
  marks: {
    decorators: [
      {title: 'Strong', value: 'strong'},
      {title: 'Emphasis', value: 'em'},
      {title: 'Code', value: 'code'},
    ],
    annotations: [
      defineArrayMember({
        name: 'link',
        title: 'Link',
        type: 'object',
        fields: [
          defineField({
            name: 'href',
            title: 'URL',
            type: 'url',
            description:
              'A web address (https://…), an e-mail link (mailto:…) or a path on this site (/cities/vienna/).',
            validation: safeLinkRule,
          }),
        ],
      }),
    ],
  },
})

/** Text only: summaries, intros, closing paragraphs. */
export const richText = defineType({
  name: 'richText',
  title: 'Text',
  type: 'array',
  icon: BlockContentIcon,
  of: [textBlock],
})

/** Article bodies: text plus images and social posts. */
export const articleBody = defineType({
  name: 'articleBody',
  title: 'Body',
  type: 'array',
  icon: BlockContentIcon,
  of: [
    textBlock,
    defineArrayMember({type: 'accessibleImage'}),
    defineArrayMember({type: 'socialEmbed'}),
  ],
})
