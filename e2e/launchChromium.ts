import { spawn } from 'node:child_process'
import { chromium } from '@playwright/test'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromiumArgs'

/**
 * Starts Chromium as a user would, not through Playwright's launcher: Playwright's launch turns
 * the back/forward cache off, and a process of our own can be killed with SIGKILL. Attached
 * over the DevTools protocol.
 */
export async function launchChromium(userDataDir: string) {
  const child = spawn(
    CHROMIUM_PATH,
    [...CHROMIUM_ARGS, '--headless=new', '--remote-debugging-port=0', `--user-data-dir=${userDataDir}`, 'about:blank'],
    // Its own process group, so the renderers and helpers go with it.
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  )
  let output = ''
  const endpoint = await new Promise<string>((ready, fail) => {
    const timer = setTimeout(() => fail(new Error(`Chromium did not start:\n${output}`)), 20_000)
    child.stderr!.on('data', (chunk) => {
      output += chunk
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output)
      if (match) {
        clearTimeout(timer)
        ready(match[1])
      }
    })
    child.once('exit', (code) => fail(new Error(`Chromium exited with ${code}:\n${output}`)))
  })
  const browser = await chromium.connectOverCDP(endpoint)
  const exited = new Promise((done) => child.once('exit', done))
  const killGroup = (signal: NodeJS.Signals) => {
    try {
      process.kill(-child.pid!, signal)
    } catch {}
  }
  return {
    browser,
    context: browser.contexts()[0],
    /** Kills the browser at once, as a crash or a power cut would. */
    async kill() {
      killGroup('SIGKILL')
      await exited
    },
    async close() {
      await browser.close().catch(() => {})
      if (child.exitCode === null && child.signalCode === null) killGroup('SIGTERM')
      await exited
      killGroup('SIGKILL') // helpers that outlived the browser
    },
  }
}
