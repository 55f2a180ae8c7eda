/**
 * Every built page passes the W3C Nu HTML Checker (vnu-jar, run on Java) with
 * zero errors.
 */
import {execFile} from 'node:child_process'
import {mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import vnuJar from 'vnu-jar'
import {expect, inject, test} from 'vitest'

import {htmlFiles} from '../support/built-site'

const run = promisify(execFile)

interface VnuMessage {
  type: string
  subType?: string
  url: string
  lastLine?: number
  message: string
}

/** Runs vnu on the files and returns its errors as "file:line: message". */
async function vnuErrors(files: string[]): Promise<string[]> {
  // vnu exits non-zero when it finds errors; its JSON report is on stderr either way.
  const result = await run(
    'java',
    ['-jar', vnuJar, '--format', 'json', '--errors-only', ...files],
    {
      maxBuffer: 64 * 1024 * 1024,
    },
  ).catch((error: {stdout: string; stderr: string}) => error)
  const report = JSON.parse(result.stderr) as {messages: VnuMessage[]}
  return report.messages
    .filter((message) => message.type === 'error' || message.subType === 'fatal')
    .map(
      (message) =>
        `${message.url.replace('file:', '')}:${message.lastLine ?? '?'}: ${message.message}`,
    )
}

test('every page of both builds passes the Nu HTML Checker with zero errors', async () => {
  const roots = [inject('bundledSite'), inject('pagedSite')]
  const files = (
    await Promise.all(
      roots.map(async (root) => (await htmlFiles(root)).map((file) => join(root, file))),
    )
  ).flat()
  expect(files.length).toBeGreaterThan(50)
  expect(await vnuErrors(files)).toEqual([])
}, 240_000)

test('the checker does report invalid HTML (so the test above can fail)', async () => {
  const file = join(await mkdtemp(join(tmpdir(), 'vnu-')), 'bad.html')
  await writeFile(file, '<!doctype html><html lang="en"><title>x</title><p><div></p></span>')
  expect((await vnuErrors([file])).length).toBeGreaterThan(0)
}, 120_000)
