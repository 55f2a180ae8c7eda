import {ArrowRightIcon} from '@sanity/icons/ArrowRight'
import {defineField, defineType} from 'sanity'

import {PAGE_TYPES} from '../../routes.ts'
import {redirectSourceRule, redirectTargetRule} from '../rules.ts'

/**
 * An old address that keeps working: a path readers may still have (a link to
 * the WordPress site this publication came from, a printed URL) sends them, with
 * a permanent redirect, to a page of this site or to another path. Pages that
 * change their slug need none of these: they keep their earlier slugs themselves.
 */
export const redirect = defineType({
  name: 'redirect',
  title: 'Redirect',
  type: 'document',
  icon: ArrowRightIcon,
  fields: [
    defineField({
      name: 'from',
      title: 'Old address',
      type: 'string',
      description:
        'The path readers still use, without the domain, e.g. "/industries/industrial-iot/top-smart-cities/".',
      validation: redirectSourceRule,
    }),
    defineField({
      name: 'toDocument',
      title: 'Send readers to this page',
      type: 'reference',
      // Weak: deleting the page is allowed; the build then warns and drops the redirect.
      weak: true,
      to: PAGE_TYPES.map((type) => ({type})),
      validation: (rule) =>
        rule.custom((value, {document}) => {
          const other = typeof document?.toPath === 'string' && document.toPath !== ''
          if (!value && !other) return 'Choose the page readers go to, or type a path below.'
          if (value && other) return 'Choose a page or type a path, not both.'
          return true
        }),
    }),
    defineField({
      name: 'toPath',
      title: '…or to this path',
      type: 'string',
      description: 'Instead of a page: a path of this site, such as "/latest/" or "/rss.xml".',
      validation: redirectTargetRule,
    }),
  ],
  preview: {
    select: {from: 'from', toPath: 'toPath', title: 'toDocument.title', name: 'toDocument.name'},
    prepare: ({from, toPath, title, name}: Record<string, string | undefined>) => ({
      title: from ?? 'New redirect',
      subtitle: `→ ${title ?? name ?? toPath ?? 'nowhere yet'}`,
    }),
  },
})
