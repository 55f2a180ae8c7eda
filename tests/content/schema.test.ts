import {schemaTypes} from '@smart-cities/shared/schema'
import {createSchema, defineField, defineType} from 'sanity'
import {describe, expect, test} from 'vitest'

type SchemaValidationGroup = {
  path: Array<{name?: string}>
  problems: Array<{severity: string; message: string}>
}

/** The problems Sanity's schema compiler reports (what `sanity schema validate` prints). */
function schemaProblems(types: unknown[]) {
  const schema = createSchema({name: 'default', types})
  const groups = (schema._validation ?? []) as SchemaValidationGroup[]
  return groups.flatMap((group) =>
    group.problems.map((problem) => ({
      severity: problem.severity,
      at: group.path.map((segment) => segment.name).join(' > '),
      message: problem.message,
    })),
  )
}

describe('the shared schema', () => {
  test('compiles with zero errors and zero warnings through Sanity', () => {
    expect(schemaProblems(schemaTypes)).toEqual([])
  })

  test('a broken type is reported, so the check above can fail', () => {
    const broken = defineType({
      name: 'broken',
      type: 'document',
      fields: [defineField({name: 'oops', type: 'noSuchType'})],
    })
    expect(schemaProblems([...schemaTypes, broken])).toContainEqual(
      expect.objectContaining({severity: 'error', message: 'Unknown type: noSuchType.'}),
    )
  })

  test('every document type has an icon component for the studio', () => {
    // @sanity/icons v5 types removed root exports as `never`: they compile, then are undefined.
    for (const type of schemaTypes.filter((candidate) => candidate.type === 'document')) {
      expect(['function', 'object'], `${type.name}.icon`).toContain(typeof type.icon)
    }
  })

  test('defines the document types the publication needs', () => {
    const documentNames = schemaTypes
      .filter((type) => type.type === 'document')
      .map((type) => type.name)
    expect(documentNames.sort()).toEqual([
      'article',
      'author',
      'category',
      'city',
      'listicle',
      'redirect',
      'siteSettings',
    ])
  })
})
