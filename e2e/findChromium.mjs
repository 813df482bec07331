// Finds a Chromium for the end-to-end tests: CHROMIUM_PATH, then the system's (Debian's
// `chromium` package), then Playwright's own browsers, downloading them where the network allows.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'

const SYSTEM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome']

async function playwrightChromium() {
  try {
    const { chromium } = await import('@playwright/test')
    const path = chromium.executablePath()
    return existsSync(path) ? path : undefined
  } catch {}
}

/** The path of a Chromium to test with, or undefined when none can be had. */
export async function findChromium({ install = true } = {}) {
  if (process.env.CHROMIUM_PATH) return existsSync(process.env.CHROMIUM_PATH) ? process.env.CHROMIUM_PATH : undefined
  const system = SYSTEM.find((path) => existsSync(path))
  if (system) return system
  const own = await playwrightChromium()
  if (own || !install) return own
  try {
    execFileSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'ignore', timeout: 180_000 })
  } catch {}
  return playwrightChromium()
}
