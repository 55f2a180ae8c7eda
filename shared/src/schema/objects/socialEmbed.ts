import {CommentIcon} from '@sanity/icons/Comment'
import {defineField, defineType} from 'sanity'

/** Post URLs we can render as a static card: X/Twitter status links. */
export const SOCIAL_POST_URL_PATTERN =
  /^https:\/\/(?:www\.|mobile\.)?(?:twitter|x)\.com\/([A-Za-z0-9_]{1,15})\/status\/(\d{1,20})\/?$/

/**
 * A social media post, rendered at build time as a quote card that links to the
 * original. No third-party script is loaded, so the post's text is stored here.
 */
export const socialEmbed = defineType({
  name: 'socialEmbed',
  title: 'Social post',
  type: 'object',
  icon: CommentIcon,
  fields: [
    defineField({
      name: 'url',
      title: 'Post URL',
      type: 'url',
      description:
        'The address of the post, e.g. https://twitter.com/SiemensBT/status/978918557936422912',
      validation: (rule) =>
        rule
          .required()
          .uri({scheme: ['https']})
          .custom((url: string | undefined) => {
            if (!url) return true
            return SOCIAL_POST_URL_PATTERN.test(url)
              ? true
              : 'Paste the address of a single post on X/Twitter, like https://x.com/handle/status/1234567890.'
          }),
    }),
    defineField({
      name: 'authorName',
      title: 'Author name',
      type: 'string',
      validation: (rule) => rule.max(80),
    }),
    defineField({
      name: 'authorHandle',
      title: 'Author handle',
      type: 'string',
      description: 'Without the @, e.g. SiemensBT.',
      validation: (rule) =>
        rule.required().regex(/^[A-Za-z0-9_]{1,15}$/, {name: 'handle', invert: false}),
    }),
    defineField({
      name: 'text',
      title: 'Text of the post',
      type: 'text',
      rows: 3,
      description: 'Quoted on the card. Leave empty if you do not have the exact wording.',
      validation: (rule) => rule.max(600),
    }),
    defineField({name: 'postedAt', title: 'Posted at', type: 'datetime'}),
  ],
  preview: {
    select: {handle: 'authorHandle', text: 'text', url: 'url'},
    prepare: ({handle, text, url}: {handle?: string; text?: string; url?: string}) => ({
      title: handle ? `Post by @${handle}` : 'Social post',
      subtitle: text || url,
    }),
  },
})
