import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from './fixtures'
import { launchChromium } from './launchChromium'
import { actionNames, rumPage } from './rumPage'
import { startSite } from './startSite'

let site: Awaited<ReturnType<typeof startSite>> | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

const all = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}_${i}`).sort()

test('collector down while the page is used and closed: all stored once it is back and the site is reopened', async ({ context, collector }) => {
  const step = (name: string) => test.info().annotations.push({ type: 'step', description: `${Date.now() % 1e6} ${name}` })
  site = await startSite({ '/': rumPage(collector.url, { flushInterval: 1000 }) })
  step('stop')
  await collector.stop()
  const page = await context.newPage()
  await page.goto(`${site.url}/`)
  await page.evaluate(() => (window as any).record(40, 'down'))
  await page.waitForTimeout(1500) // a failed send or two, and IndexedDB holds the events
  step('close')
  await page.close()
  step('restart')
  await collector.restart()
  step('restarted')
  expect(actionNames(await collector.events(), 'down')).toEqual([])
  const again = await context.newPage()
  await again.goto(`${site.url}/`)
  const events = await collector.waitFor((events) => actionNames(events, 'down').length >= 40)
  expect(actionNames(events, 'down').sort()).toEqual(all('down', 40))
})

test('browser killed with SIGKILL a second after events were recorded: stored after relaunch on the same profile', async ({ collector }) => {
  site = await startSite({ '/': rumPage(collector.url) })
  const profile = mkdtempSync(join(tmpdir(), 'rumlet-profile-'))
  try {
    const first = await launchChromium(profile)
    const page = await first.context.newPage()
    await page.goto(`${site.url}/`)
    await page.evaluate(() => new Promise((idle) => requestIdleCallback(() => setTimeout(idle, 100))).then(() => (window as any).rum.flush()))
    await page.evaluate(() => (window as any).record(25, 'crash'))
    await page.waitForTimeout(1000)
    await first.kill() // no pagehide, no beacon: only IndexedDB has them
    expect(actionNames(await collector.events(), 'crash')).toEqual([])

    const second = await launchChromium(profile)
    try {
      const again = await second.context.newPage()
      await again.goto(`${site.url}/`)
      const events = await collector.waitFor((events) => actionNames(events, 'crash').length >= 25)
      expect(actionNames(events, 'crash').sort()).toEqual(all('crash', 25))
    } finally {
      await second.close()
    }
  } finally {
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
  }
})

test.describe('IndexedDB failing', () => {
  const failures = {
    'indexedDB.open throws': `indexedDB.open = () => { throw new DOMException('blocked by policy', 'SecurityError') }`,
    'writes exceed the quota': `IDBObjectStore.prototype.put = function () { throw new DOMException('quota', 'QuotaExceededError') }`,
    'IndexedDB missing': `delete window.indexedDB; Object.defineProperty(window, 'indexedDB', { value: undefined })`,
  }
  for (const [name, script] of Object.entries(failures)) {
    test(`${name}: no page error, and events are still delivered`, async ({ page, collector }) => {
      site = await startSite({ '/': rumPage(collector.url, { flushInterval: 1000, head: `<script>${script}</script>` }) })
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(error.message))
      page.on('console', (message) => message.type() === 'error' && errors.push(message.text()))
      await page.goto(`${site.url}/`)
      await page.evaluate(() => (window as any).record(20, 'nodb'))
      const events = await collector.waitFor((events) => actionNames(events, 'nodb').length >= 20)
      expect(actionNames(events, 'nodb').sort()).toEqual(all('nodb', 20))
      // …and at exit too, by beacon from memory.
      await page.evaluate(() => (window as any).record(5, 'nodbexit'))
      await page.close()
      const after = await collector.waitFor((events) => actionNames(events, 'nodbexit').length >= 5)
      expect(actionNames(after, 'nodbexit').sort()).toEqual(all('nodbexit', 5))
      expect(errors).toEqual([])
    })

    test(`${name}: a burst past 64 KiB and an error leave from memory at once, not at the interval, in requests the collector takes`, async ({ page, collector }) => {
      site = await startSite({ '/': rumPage(collector.url, { flushInterval: 60_000, head: `<script>${script}</script>` }) })
      const refused: number[] = []
      page.on('response', (response) => response.url().endsWith('/rum') && response.status() >= 400 && refused.push(response.status()))
      await page.goto(`${site.url}/`)
      // The page view's write has failed (250 ms after load) before the burst comes.
      await page.waitForTimeout(1000)
      await page.evaluate(() => (window as any).record(1000, 'burst'))
      // The burst is finished in slices: what the last ones add while a send is under way is
      // under 64 KiB, and waits (for the interval, or here for the error).
      // (Over 1,000 events: the collector's events API answers 1,000 unless asked for more.)
      const stored = async () => actionNames(await collector.events({ limit: '5000' }), 'burst')
      await expect.poll(async () => (await stored()).length, { timeout: 10_000 }).toBeGreaterThanOrEqual(500)
      await page.evaluate(() => setTimeout(() => { throw new Error('nodb error') }))
      await expect.poll(async () => (await collector.events({ type: 'error' })).map((event) => event.type === 'error' && event.message), { timeout: 10_000 }).toEqual(['nodb error'])
      expect((await stored()).sort()).toEqual(all('burst', 1000))
      // Small events: 256 KiB would hold more than the collector's 1,000 a batch.
      expect(refused).toEqual([])
    })
  }
})
