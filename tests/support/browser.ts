/**
 * Debian's Chromium, launched the way that works on this machine (headless, no sandbox,
 * nothing reaching the network). benchmarks/lighthouse.ts reuses the path and flags.
 */
import {chromium, type Browser} from 'playwright-core'

export const CHROMIUM_PATH = '/usr/bin/chromium'

/** Flags for every launch; callers add a fresh --user-data-dir when they spawn Chromium themselves. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
]

/** Playwright gives each launch its own temporary profile. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS})
}
