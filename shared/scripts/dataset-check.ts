/**
 * `pnpm dataset:check [file]`: checks an NDJSON dataset of ours (the bundled one,
 * an export, a generated one) with the rules the build enforces and with Sanity's
 * own validation against the schema (the rules editors see in the studio), and
 * lists every problem once, with file, line, document and field. Exit code 1 when
 * anything is wrong.
 */
import {datasetFileFrom} from '../src/environment.ts'
import {mergeFindings} from '../src/dataset/findings.ts'
import {formatProblem, readDataset} from '../src/dataset/index.ts'
import {validateDatasetAgainstSchema} from '../src/dataset/validate.ts'

const [argument] = process.argv.slice(2).filter((arg) => arg !== '--')
const file = datasetFileFrom(argument ? {...process.env, DATASET_FILE: argument} : process.env)

const dataset = await readDataset(file)
console.log(
  `${file}: ${dataset.all.length} documents (${dataset.unpublishedCount} drafts or versions) read.`,
)
const findings = mergeFindings(dataset, await validateDatasetAgainstSchema(dataset))
for (const finding of findings) console.log(`${finding.level}: ${formatProblem(finding)}`)
// Scheduled articles are not a problem: they are reported, and held back by the build.
for (const notice of dataset.scheduled) console.log(`scheduled: ${formatProblem(notice)}`)
const errors = findings.filter((finding) => finding.level === 'error').length
const plural = (count: number, noun: string) => `${count} ${noun}${count === 1 ? '' : 's'}`
console.log(`${plural(errors, 'error')}, ${plural(findings.length - errors, 'warning')}.`)
process.exitCode = findings.length > 0 ? 1 : 0
