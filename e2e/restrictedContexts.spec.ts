import type { Page } from '@playwright/test'
import type { RumEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { hostPage, openHostPage } from './hostPage'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'

// Issue 14, kind 3: a browser API rumlet relies on is missing, denied or throwing (Web Locks,
// IndexedDB, localStorage, CompressionStream, PerformanceObserver types, requestIdleCallback).
// rumlet falls back and keeps sending: events reach the collector as on any page.

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

const names = (events: RumEvent[], prefix: string) => ofType(events, 'action').filter((action) => action.name.startsWith(prefix)).map((action) => action.name)
const record = (page: Page, prefix: string, n: number) =>
  page.evaluate(([prefix, n]) => {
    for (let i = 0; i < n; i++) (window as any).rum.trackAction(`${prefix}${i}`, { note: 'x'.repeat(100) })
  }, [prefix, n] as const)

test('in a sandboxed iframe (opaque origin: no Web Locks, IndexedDB or localStorage) an action is stored after flush(), while the frame is open (case 03)', async ({ page, collector }) => {
  site = await startHostSite({
    '/': '<!doctype html><title>host</title><h1>A shop</h1><iframe id="widget" sandbox="allow-scripts" src="/frame"></iframe>',
    '/frame': hostPage('script tag', collector.url, { options: { flushInterval: 1000 } }),
  })
  await page.goto(`${site.url}/`)
  const frame = (await (await page.waitForSelector('#widget')).contentFrame())!
  await frame.waitForFunction(() => (window as any).started === true)
  expect(await frame.evaluate(() => self.origin)).toBe('null')
  await frame.evaluate(() => (window as any).rum.trackAction('in_sandbox'))
  await frame.evaluate(() => (window as any).rum.flush())
  // flush() and a 1 s flush interval: as on a normal page, well within 5 s.
  const events = await collector.waitFor((events) => names(events, 'in_sandbox').length > 0, 5000)
  expect(names(events, 'in_sandbox')).toEqual(['in_sandbox'])
  expect(ofType(events, 'action')[0].sessionId).toBeTruthy()
})

// Each is run in a normal page, before rumlet loads.
const POISONED: Record<string, { before: string; check?: (events: RumEvent[]) => void }> = {
  // What a sandboxed frame's LockManager does, in a normal page.
  'navigator.locks.request rejects': {
    before: `LockManager.prototype.request = function () { return Promise.reject(new DOMException('Access to the Locks API is denied in this context.', 'SecurityError')) }`,
  },
  'navigator.locks missing (Safari before 15.4)': { before: `delete Navigator.prototype.locks` },
  'localStorage and IndexedDB denied (storage blocked for the site)': {
    before: `Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('The operation is insecure.', 'SecurityError') } })
      indexedDB.open = () => { throw new DOMException('The operation is insecure.', 'SecurityError') }`,
    // The session lives in memory: one id for the page.
    check: (events) => expect(new Set(events.map((event) => event.sessionId)).size).toBe(1),
  },
  'CompressionStream missing': {
    before: `delete window.CompressionStream`,
  },
  'CompressionStream that throws when constructed': {
    before: `window.CompressionStream = class { constructor() { throw new TypeError('gzip is not supported') } }`,
  },
}

for (const [name, { before, check }] of Object.entries(POISONED))
  test(`${name}: 40 actions (a body over 1 KiB) are stored after flush(), and nothing is thrown into the page`, async ({ page, collector }) => {
    site = await startHostSite({ '/': hostPage('script tag', collector.url, { before, options: { flushInterval: 1000 } }) })
    const { pageErrors } = await openHostPage(page, `${site.url}/`)
    await record(page, 'poisoned', 40)
    await page.evaluate(() => (window as any).rum.flush())
    const events = await collector.waitFor((events) => names(events, 'poisoned').length >= 40, 5000)
    expect(names(events, 'poisoned')).toHaveLength(40)
    check?.(events)
    expect(pageErrors).toEqual([])
  })

test('requestIdleCallback missing (Safari before 18.2): what was recorded before the page was first idle is sent without a flush, at the first interval, and INP is reported at hide', async ({ page, collector }) => {
  const body = `<button id="more">More</button><script>
    document.getElementById('more').addEventListener('click', () => {
      for (const end = performance.now() + 100; performance.now() < end; );
      document.body.append('+')
    })
    new PerformanceObserver(() => (window.interacted = true)).observe({ type: 'event', durationThreshold: 16 })
  </script>`
  site = await startHostSite({
    '/': hostPage('script tag', collector.url, {
      before: 'delete window.requestIdleCallback; delete window.cancelIdleCallback',
      // Right after init, before the page can have been idle; sent at the first interval.
      options: { flushInterval: 1000 },
      after: `for (let i = 0; i < 5; i++) rum.trackAction('early' + i)`,
      body,
    }),
  })
  const { pageErrors } = await openHostPage(page, `${site.url}/`)
  // Nothing waits for an idle moment that never comes: the first send carries them.
  const events = await collector.waitFor((events) => names(events, 'early').length >= 5, 5000)
  expect(names(events, 'early')).toHaveLength(5)
  await page.click('#more')
  // web-vitals takes the interaction in when the page is idle (here: a setTimeout it queued
  // when its observer saw the entry, before the page's observer did).
  await page.waitForFunction(() => (window as any).interacted === true)
  await page.evaluate(() => new Promise((done) => setTimeout(done)))
  await page.close() // web-vitals reports INP when the page is hidden
  const after = await collector.waitFor((events) => ofType(events, 'vital').some((vital) => vital.name === 'INP'), 5000)
  expect(ofType(after, 'vital').map((vital) => vital.name)).toContain('INP')
  expect(pageErrors).toEqual([])
})

test('PerformanceObserver.observe throws for largest-contentful-paint and resource: the other vitals, page views and clicks are still recorded', async ({ page, collector }) => {
  const before = `const observe = PerformanceObserver.prototype.observe
    PerformanceObserver.prototype.observe = function (options) {
      if (options && ['largest-contentful-paint', 'resource'].includes(options.type)) throw new TypeError('entry type not supported')
      return observe.call(this, options)
    }`
  site = await startHostSite({ '/': hostPage('script tag', collector.url, { before, options: { frustrationWindow: 100 }, body: '<button id="buy">Buy</button>' }) })
  const { pageErrors } = await openHostPage(page, `${site.url}/`)
  await page.click('#buy')
  await page.waitForTimeout(200) // the click's 100 ms frustration window
  await page.evaluate(() => (window as any).rum.flush())
  const done = (events: RumEvent[]) =>
    ['FCP', 'TTFB'].every((name) => ofType(events, 'vital').some((vital) => vital.name === name)) &&
    ofType(events, 'page_view').length > 0 &&
    ofType(events, 'action').some((action) => action.name === 'Buy')
  const events = await collector.waitFor(done, 5000)
  expect(done(events)).toBe(true)
  expect(ofType(events, 'vital').map((vital) => vital.name)).not.toContain('LCP')
  expect(pageErrors).toEqual([])
})
