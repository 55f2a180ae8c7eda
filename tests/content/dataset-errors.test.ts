/**
 * A dataset that cannot be trusted stops the build with a message that names
 * the file, the line and the document, so an editor or importer can fix it.
 */
import {DatasetError, loadDataset} from '@smart-cities/shared/dataset'
import {describe, expect, test} from 'vitest'

import {writeTempDataset} from '../support/dataset-files'

const category = (id: string) =>
  JSON.stringify({_id: id, _type: 'category', title: id, slug: {_type: 'slug', current: id}})

async function loadError(lines: string[]): Promise<{file: string; error: DatasetError}> {
  const file = await writeTempDataset(lines.join('\n') + '\n')
  const error = await loadDataset(file).then(
    () => {
      throw new Error('expected the dataset to be rejected')
    },
    (caught: unknown) => caught,
  )
  expect(error).toBeInstanceOf(DatasetError)
  return {file, error: error as DatasetError}
}

describe('bad dataset input fails with file, line and document id', () => {
  test('a broken JSON line', async () => {
    const {file, error} = await loadError([
      category('a'),
      '{"_id": "b", "_type": "category",',
      category('c'),
    ])
    expect(error.message).toContain(`${file}:2: not valid JSON`)
    expect(error.problems).toHaveLength(1)
  })

  test('a document without _type', async () => {
    const {file, error} = await loadError([
      category('a'),
      JSON.stringify({_id: 'no-type', title: 'x'}),
    ])
    expect(error.message).toContain(
      `${file}:2, document "no-type", field "_type": the document has no "_type" string`,
    )
  })

  test('a duplicate _id', async () => {
    const {file, error} = await loadError([category('a'), category('b'), category('a')])
    expect(error.message).toContain(
      `${file}:3, document "a", field "_id": duplicate _id: already used on line 1`,
    )
  })

  test('a reference to a missing document', async () => {
    const article = {
      _id: 'article-x',
      _type: 'article',
      relatedCities: [{_key: 'k1', _type: 'reference', _ref: 'city-atlantis'}],
    }
    const {file, error} = await loadError([category('a'), JSON.stringify(article)])
    expect(error.message).toContain(
      `${file}:2, document "article-x", field "relatedCities[_key=="k1"]": references "city-atlantis", which is not in the dataset`,
    )
  })

  test('a published document may not reference a draft', async () => {
    const article = {
      _id: 'article-y',
      _type: 'article',
      category: {_type: 'reference', _ref: 'drafts.a'},
    }
    const {error} = await loadError([
      JSON.stringify({...JSON.parse(category('x')), _id: 'drafts.a'}),
      JSON.stringify(article),
    ])
    expect(error.problems).toEqual([
      expect.objectContaining({line: 2, documentId: 'article-y', field: 'category'}),
    ])
  })

  test('every problem is listed, not only the first', async () => {
    const {error} = await loadError([
      'not json',
      category('a'),
      category('a'),
      JSON.stringify({_id: 'z'}),
    ])
    expect(error.problems.map((problem) => problem.line)).toEqual([1, 3, 4])
  })

  test('a missing file names the file', async () => {
    await expect(loadDataset('/nonexistent/dataset.ndjson')).rejects.toThrow(
      '  - /nonexistent/dataset.ndjson: no such file\n',
    )
  })
})
