/**
 * `pnpm dataset:check [file]`: checks an NDJSON dataset of ours (the bundled one,
 * an export, a generated one) with the rules the build uses (a sound file: every
 * line a document, unique ids, references that resolve; then what the site may
 * publish, document by document) and then with Sanity's own validation against
 * the schema (the rules editors see in the studio). Exit code 1 when anything is
 * wrong; every problem is printed with file, line, document and field.
 */
import {DatasetError, formatProblem, readDataset, resolveDatasetFile} from '../src/dataset/index.ts'
import {validateDatasetAgainstSchema} from '../src/dataset/validate.ts'

// Under `sanity exec script -- args`, argv is [node, script, ...args].
const args = process.argv.slice(2).filter((arg) => arg !== '--')
const file = args[0]
  ? resolveDatasetFile({...process.env, DATASET_FILE: args[0]})
  : resolveDatasetFile()

try {
  const dataset = await readDataset(file)
  console.log(
    `${file}: ${dataset.all.length} documents (${dataset.unpublishedCount} drafts or versions) read.`,
  )
  // What the build would refuse (errors) or leave out (warnings), then Sanity's findings.
  const problems = [
    ...dataset.blocking.map((problem) => ({...problem, level: 'error'})),
    ...dataset.warnings.map((problem) => ({...problem, level: 'warning'})),
    ...(await validateDatasetAgainstSchema(dataset)),
  ]
  for (const problem of problems) console.log(`${problem.level}: ${formatProblem(problem)}`)
  // Scheduled articles are not a problem: they are reported, and held back by the build.
  for (const notice of dataset.scheduled) console.log(`scheduled: ${formatProblem(notice)}`)
  const errors = problems.filter((problem) => problem.level === 'error').length
  const warnings = problems.length - errors
  console.log(`${errors} errors, ${warnings} warnings.`)
  process.exitCode = problems.length > 0 ? 1 : 0
} catch (error) {
  if (!(error instanceof DatasetError)) throw error
  console.error(error.message)
  process.exitCode = 1
}
