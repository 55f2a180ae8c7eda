/** What the publication rules consult, and what they note down, while they check one dataset. */
import type {SanityDocumentLike} from '../documents.ts'

export interface PublicationContext {
  /** Every published document by id, before anything is left out. */
  byId: Map<string, SanityDocumentLike>
  lineOf: Map<string, number>
  /** Why a document is left out, by id. */
  leftOut: Map<string, string>
  /** Names of the files in images/ beside the dataset; undefined when not checked. */
  imageFiles: ReadonlySet<string> | undefined
}

/** Something dropped from a document: why, and what that means for the page. */
export interface Note {
  message: string
  consequence: string
}

/** Notes of one document, by field path. */
export type Notes = Map<string, Note>
