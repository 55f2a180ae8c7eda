/**
 * Writes the folder to give `sanity dataset import` (see README "Use a real Sanity project").
 *
 *   pnpm dataset:pack              # bundled dataset -> ./dataset-import/
 *   DATASET_FILE=x.ndjson pnpm dataset:pack
 */
import {join} from 'node:path'

import {findWorkspaceRoot} from '../src/dataset/files.ts'
import {packForImport} from '../src/dataset/pack.ts'
import {datasetFileFrom} from '../src/environment.ts'

const outDir = process.argv[2] ?? join(findWorkspaceRoot(), 'dataset-import')
const result = await packForImport(datasetFileFrom(), outDir)
console.log(`Wrote ${result.documents} documents and ${result.images} images to ${result.outDir}`)
