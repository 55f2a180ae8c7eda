/**
 * Validates every document of a dataset with Sanity's own validation (the code
 * the studio runs), against the shared schema. Offline: the client that
 * validators query (slug uniqueness, for one) is groq-js over the same file.
 */
import {
  validateDocument,
  validationMarkerCodes,
  type DocumentValidationMarker,
  type ValidationClient,
} from '@sanity/validation'
import {evaluateDocumentInternal} from '@sanity/validation/_internal'
import {evaluate, parse} from 'groq-js'
import {from} from 'rxjs'
import {createSchema, pathToString, type SanityDocument} from 'sanity'

import {isPublishedId, isSystemType, type SanityDocumentLike} from '../documents.ts'
import {schemaTypes} from '../schema/index.ts'
import type {DatasetProblem} from './errors.ts'
import type {Dataset} from './index.ts'

export interface SchemaProblem extends DatasetProblem {
  level: 'error' | 'warning' | 'info'
}

export function createOfflineClient(documents: SanityDocumentLike[]): ValidationClient {
  const fetch = async (query: string, params: Record<string, unknown> = {}) =>
    (await evaluate(parse(query), {dataset: documents, params})).get()
  const client = {
    fetch,
    getDataUrl: (operation: string, path?: string) =>
      `/data/${operation}/offline${path ? `/${path}` : ''}`,
    observable: {
      fetch: (query: string, params?: Record<string, unknown>) => from(fetch(query, params)),
      request: () => {
        throw new Error('The offline validation client answers GROQ queries only.')
      },
    },
    withConfig: () => client,
  }
  return client as unknown as ValidationClient
}

let compiledSchema: ReturnType<typeof createSchema> | undefined
export function getCompiledSchema() {
  compiledSchema ??= createSchema({name: 'default', types: schemaTypes})
  return compiledSchema
}

/** Returns every marker Sanity's validation reports, located by file line and field. */
export async function validateDatasetAgainstSchema(
  dataset: Dataset,
  options: {only?: (document: SanityDocumentLike) => boolean} = {},
): Promise<SchemaProblem[]> {
  const schema = getCompiledSchema()
  const client = createOfflineClient(dataset.all)
  const problems: SchemaProblem[] = []
  for (const document of dataset.all.filter(options.only ?? (() => true))) {
    const line = dataset.lineOf.get(document._id) ?? 0
    const where = {file: dataset.file, line, documentId: document._id}
    if (isSystemType(document._type)) continue
    if (!schema.get(document._type)) {
      problems.push({
        ...where,
        level: 'error',
        field: '_type',
        message: `unknown type "${document._type}"`,
      })
      continue
    }
    // Every published document of the file, including any the build would leave out.
    const getDocumentExists = async ({id}: {id: string}) =>
      dataset.lineOf.has(id) && isPublishedId(id)
    // Levels as editors see them in the studio. (Outside the studio, Sanity appends an
    // unknown-field check with `.warning()` to every rule of an object-typed field,
    // which turns, say, a required slug into a warning.)
    const asInStudio = await evaluateDocumentInternal({
      document: document as unknown as SanityDocument,
      schema,
      getClient: () => client as never,
      getDocumentExists,
      environment: 'studio',
    })
    // The one check only headless validation runs: fields the schema does not define.
    const headless = await validateDocument({
      document: document as unknown as SanityDocument,
      schema,
      client,
      getDocumentExists,
    })
    const unknownFields = headless.markers.filter(
      (marker) => marker.code === validationMarkerCodes.objectUnknownField,
    )
    for (const marker of [...asInStudio.markers, ...unknownFields] as DocumentValidationMarker[]) {
      problems.push({
        ...where,
        level: marker.level,
        field: pathToString(marker.path),
        message: marker.message,
      })
    }
  }
  return problems
}
