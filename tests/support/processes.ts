/**
 * Long-running commands (`pnpm dev`, `pnpm start`) for tests that talk to them over
 * HTTP: each starts in a process group of its own, so that stopping it stops everything it
 * started (pnpm, the shells of package scripts, Node's shims, the servers).
 */
import {spawn, type ChildProcess} from 'node:child_process'
import {createServer, type AddressInfo} from 'node:net'

/** A port nothing listens on right now: the system picks one, we close it and hand it on. */
export async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, resolve)
  })
  const {port} = server.address() as AddressInfo
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

/**
 * The environment a developer would have typed the command in: without Vitest's own
 * variables (NODE_ENV=test, VITEST… change how Vite serves) and without any setting of this
 * project (SANITY_*, SITE_*, DATASET_FILE) that the test does not give explicitly.
 */
export function cleanEnv(settings: Record<string, string>): NodeJS.ProcessEnv {
  const inherited = Object.entries(process.env).filter(
    ([name]) => !/^(VITEST|NODE_ENV$|TEST$|SANITY_|SITE_|DATASET_FILE$)/.test(name),
  )
  return {
    ...Object.fromEntries(inherited),
    ASTRO_TELEMETRY_DISABLED: '1',
    SANITY_TELEMETRY_DISABLED: '1',
    // Plain logs, so that tests can read the URLs servers announce.
    NO_COLOR: '1',
    // When Astro detects a coding agent in the environment it moves `astro dev` and
    // `astro preview` into a detached background process, out of reach of stop(). These
    // variables, which Astro sets in that background process itself, keep them in the
    // foreground whoever runs the tests.
    ASTRO_DEV_BACKGROUND: '1',
    ASTRO_PREVIEW_BACKGROUND: '1',
    ...settings,
  }
}

export interface RunningCommand {
  readonly child: ChildProcess
  /** Everything printed so far, stdout and stderr interleaved, colours removed. */
  log(): string
  /** Resolves with the first match of `pattern` in the log; rejects if the command exits first. */
  waitForLog(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray>
  /** Polls until `url` answers 200; rejects if the command exits or `url` answers 5xx first. */
  waitForHttp(url: string, timeoutMs: number): Promise<void>
  /** Stops the whole process group: SIGTERM, then SIGKILL to whatever is left after 5 s. */
  stop(): Promise<void>
}

// eslint-disable-next-line no-control-regex -- ANSI escapes are what is matched
const ANSI = /\u001b\[[0-9;]*m/g
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

export function startCommand(
  command: string,
  args: string[],
  options: {cwd: string; env: NodeJS.ProcessEnv},
): RunningCommand {
  const child = spawn(command, args, {
    ...options,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const describe = `\`${[command, ...args].join(' ')}\``
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  let spawnError: Error | undefined
  child.on('error', (error) => (spawnError = error))
  const exited = new Promise<void>((resolve) => {
    child.once('close', () => resolve())
    child.once('error', () => resolve())
  })
  const log = () => output.replace(ANSI, '')

  const checkAlive = () => {
    if (spawnError) throw new Error(`${describe} could not start: ${spawnError.message}`)
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`${describe} exited (${child.exitCode ?? child.signalCode}):\n${log()}`)
  }
  /** Signal 0 only asks whether any process of the group is still there. */
  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-child.pid!, signal)
      return true
    } catch {
      return false
    }
  }

  return {
    child,
    log,
    async waitForLog(pattern, timeoutMs) {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const match = log().match(pattern)
        if (match) return match
        checkAlive()
        if (Date.now() > deadline)
          throw new Error(`${describe} did not print ${pattern} within ${timeoutMs} ms:\n${log()}`)
        await sleep(100)
      }
    },
    async waitForHttp(url, timeoutMs) {
      const deadline = Date.now() + timeoutMs
      let last = ''
      for (;;) {
        checkAlive()
        const status = await fetch(url).then(
          async (response) => (await response.arrayBuffer(), response.status),
          (error: Error & {cause?: Error}) => ((last = error.cause?.message ?? error.message), 0),
        )
        if (status === 200) return
        if (status >= 500) throw new Error(`${url} answered ${status}:\n${log()}`)
        if (status) last = `status ${status}`
        if (Date.now() > deadline)
          throw new Error(`${url} did not answer 200 within ${timeoutMs} ms (${last}):\n${log()}`)
        await sleep(250)
      }
    },
    async stop() {
      if (child.pid === undefined) return
      signalGroup('SIGTERM')
      // Every member of the group, not only the leader: the servers may close after pnpm.
      const deadline = Date.now() + 5_000
      while (signalGroup(0) && Date.now() < deadline) await sleep(100)
      signalGroup('SIGKILL')
      await exited
    },
  }
}
