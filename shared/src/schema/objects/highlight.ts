import {BarChartIcon} from '@sanity/icons/BarChart'
import {defineField, defineType} from 'sanity'

import * as fields from '../fields.ts'
import {webUrlRule} from '../rules.ts'

/** A labelled fact about a city, e.g. "Green space: 50 %". */
export const highlight = defineType({
  name: 'highlight',
  title: 'Highlight',
  type: 'object',
  icon: BarChartIcon,
  fields: [
    fields.requiredString({
      name: 'label',
      title: 'Label',
      max: 80,
      description: 'What the fact is about, e.g. "Green space".',
    }),
    fields.requiredString({
      name: 'value',
      title: 'Value as shown',
      max: 120,
      description: 'The fact in words, e.g. "Half of the city area" or "First city with 4G/LTE".',
    }),
    defineField({
      name: 'number',
      title: 'Number',
      type: 'number',
      description: 'Optional figure, for stat rows and sorting, e.g. 50.',
    }),
    defineField({
      name: 'unit',
      title: 'Unit',
      type: 'string',
      description: 'Unit of the number, e.g. "%".',
      validation: (rule) =>
        rule.max(20).custom((unit: string | undefined, context) => {
          const parent = context.parent as {number?: number} | undefined
          return unit && parent?.number === undefined ? 'A unit needs a number.' : true
        }),
    }),
    defineField({name: 'source', title: 'Source', type: 'url', validation: webUrlRule}),
  ],
  preview: {
    select: {title: 'label', value: 'value'},
    prepare: ({title, value}: {title?: string; value?: string}) => ({title, subtitle: value}),
  },
})
