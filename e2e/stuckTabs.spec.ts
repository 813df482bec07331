import type { RumEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { hostPage, openHostPage } from './hostPage'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'

// Another tab of the origin holds what rumlet waits for, for good: the `rumlet-send` Web Lock (a
// tab that hung while sending), or rumlet's IndexedDB database (a tab that keeps an old version
// open while a third asks for an upgrade, so that every open waits). rumlet must not wait with
// it: events are sent from this tab while it is open, by flush() and at the interval.

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

const names = (events: RumEvent[]) => ofType(events, 'action').map((action) => action.name)
const has = (events: RumEvent[], ...want: string[]) => want.every((name) => names(events).includes(name))

test('another tab holds the rumlet-send lock for good: the interval keeps sending, and flush() resolves having sent', async ({ context, collector }) => {
  site = await startHostSite({
    '/holder': '<!doctype html><title>holder</title><script>navigator.locks.request("rumlet-send", () => new Promise(() => {}))</script>',
    '/': hostPage('script tag', collector.url, { options: { flushInterval: 1000 } }),
  })
  const holder = await context.newPage()
  await holder.goto(`${site.url}/holder`)
  await holder.waitForFunction(async () => (await navigator.locks.query()).held?.some((lock) => lock.name === 'rumlet-send'))
  const page = await context.newPage()
  const { pageErrors } = await openHostPage(page, `${site.url}/`)

  // No flush: the interval tries again, and sends once its tries have found the lock held for 10 s.
  await page.evaluate(() => (window as any).rum.trackAction('at_interval'))
  const events = await collector.waitFor((events) => has(events, 'at_interval'), 20_000)
  expect(has(events, 'at_interval')).toBe(true)

  // flush() waits 10 s at most for the lock, then sends without it.
  await page.evaluate(() => (window as any).rum.trackAction('flushed'))
  const flushed = page.evaluate(() => (window as any).rum.flush().then(() => true))
  expect(await Promise.race([flushed, new Promise((resolve) => setTimeout(() => resolve(false), 20_000))])).toBe(true)
  expect(has(await collector.events(), 'flushed')).toBe(true)
  expect(pageErrors).toEqual([])
})

test('IndexedDB open blocked by another tab (an old version held open during an upgrade): actions are sent at the interval and by flush(), in one session, nothing thrown', async ({ context, collector }) => {
  site = await startHostSite({
    // Holds version 1 and ignores the upgrade's versionchange.
    '/old': '<!doctype html><script>const open = indexedDB.open("rumlet", 1); open.onupgradeneeded = () => open.result.createObjectStore("events"); open.onsuccess = () => (document.title = "open")</script>',
    // Asks for version 2: blocked, and every later open of the database waits behind it.
    '/upgrade': '<!doctype html><script>indexedDB.open("rumlet", 2).onblocked = () => (document.title = "blocked")</script>',
    '/': hostPage('script tag', collector.url, { options: { flushInterval: 1000 } }),
  })
  const old = await context.newPage()
  await old.goto(`${site.url}/old`)
  await old.waitForFunction(() => document.title === 'open')
  const upgrade = await context.newPage()
  await upgrade.goto(`${site.url}/upgrade`)
  await upgrade.waitForFunction(() => document.title === 'blocked')
  const page = await context.newPage()
  const { pageErrors } = await openHostPage(page, `${site.url}/`)

  // The session waits 5 s for IndexedDB, then lives in memory; the interval sends.
  await page.evaluate(() => (window as any).rum.trackAction('at_interval'))
  let events = await collector.waitFor((events) => has(events, 'at_interval'), 15_000)
  expect(has(events, 'at_interval')).toBe(true)
  // Now IndexedDB is known to be stuck: flush() sends at once.
  await page.evaluate(() => (window as any).rum.trackAction('flushed'))
  await page.evaluate(() => (window as any).rum.flush())
  events = await collector.waitFor((events) => has(events, 'flushed'), 2000)
  expect(has(events, 'flushed')).toBe(true)
  expect(new Set(ofType(events, 'action').map((action) => action.sessionId)).size).toBe(1)
  expect(pageErrors).toEqual([])
})
