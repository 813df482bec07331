import type { Page } from '@playwright/test'
import type { ActionEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { afterFirstSend } from './afterFirstSend'
import { startSite } from './startSite'
import { tagPage } from './tagPage'

let site: Awaited<ReturnType<typeof startSite>> | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

/** What rumlet has put in the page's storage: its IndexedDB database, with how many events and its session. */
const storage = (page: Page) =>
  page.evaluate(async () => {
    const names = (await indexedDB.databases()).map((db) => db.name)
    let stored: { events: number; session: string | null } | undefined
    // Opened only when it exists (opening would create it), and closed at once: an open
    // connection would block rumlet's deleteDatabase. If rumlet deleted it meanwhile, the open
    // would create it again: the upgrade that would do so is aborted.
    if (names.includes('rumlet'))
      stored = await new Promise((done, fail) => {
        const open = indexedDB.open('rumlet')
        open.onupgradeneeded = () => open.transaction!.abort()
        open.onerror = () => done(undefined)
        open.onsuccess = () => {
          const db = open.result
          const store = db.transaction('events').objectStore('events')
          // A record holds a batch: its key is [time, id, bytes, count]; the session's key is 'session'.
          const keys = store.getAllKeys(IDBKeyRange.lowerBound([]))
          const session = store.get('session')
          keys.onerror = session.onerror = () => (db.close(), fail(keys.error || session.error))
          session.onsuccess = () =>
            (db.close(), done({ events: (keys.result as number[][]).reduce((sum, key) => sum + key[3], 0), session: session.result ? session.result.id : null }))
        }
      })
    return { databases: names, events: stored?.events, session: stored ? stored.session : null }
  })

/** Records `n` actions named `prefix_i`; returns the time range they were recorded in. */
const record = (page: Page, n: number, prefix: string) =>
  page.evaluate(
    async ([n, prefix]) => {
      const from = Date.now()
      for (let i = 0; i < n; i++) {
        ;(window as any).rum.trackAction(`${prefix}_${i}`)
        await new Promise((r) => setTimeout(r, 10))
      }
      return { from, to: Date.now() }
    },
    [n, prefix] as const,
  )

const names = (events: { type: string }[]) => (events.filter((e) => e.type === 'action') as ActionEvent[]).map((e) => e.name)

test('while consent is pending nothing is stored or sent; granting sends the held events with the times they were recorded', async ({ page, collector }) => {
  site = await startSite({ '/': tagPage(collector.url, { consent: 'pending' }) })
  await page.goto(`${site.url}/`)
  const recorded = await record(page, 5, 'held')
  await page.evaluate(() => (window as any).rum.flush())
  // Four times the 250 ms after which a granted page writes to IndexedDB.
  await page.waitForTimeout(1000)

  expect(await storage(page)).toEqual({ databases: [], events: undefined, session: null })
  expect(await page.evaluate(() => (window as any).rum.getSessionId())).toBeUndefined()
  expect(await collector.stats()).toMatchObject({ batches: 0, events: 0 })

  const granted = await page.evaluate(async () => {
    const at = Date.now()
    ;(window as any).rum.setConsent('granted')
    await (window as any).rum.flush()
    return { at, sessionId: (window as any).rum.getSessionId() as string }
  })
  const events = await collector.events()
  expect(names(events)).toEqual(['held_0', 'held_1', 'held_2', 'held_3', 'held_4'])
  for (const event of events.filter((e) => e.type === 'action')) {
    expect(event.time).toBeGreaterThanOrEqual(recorded.from)
    expect(event.time).toBeLessThanOrEqual(recorded.to)
  }
  // The page view of the load was held too, with the navigation start as its time.
  const views = events.filter((e) => e.type === 'page_view')
  expect(views).toHaveLength(1)
  expect(views[0].time).toBeLessThan(recorded.from)
  expect(new Set(events.map((e) => e.sessionId))).toEqual(new Set([granted.sessionId]))
  expect(granted.sessionId).toEqual(expect.any(String))
})

test('consent denied after pending: held events never reach the collector, not even when the page closes', async ({ context, page, collector }) => {
  site = await startSite({
    '/': tagPage(collector.url, { consent: 'pending' }),
    '/granted': tagPage(collector.url),
  })
  await page.goto(`${site.url}/`)
  await record(page, 5, 'held')
  await page.evaluate(() => (window as any).rum.setConsent('denied'))
  await record(page, 5, 'denied')
  await page.evaluate(() => (window as any).rum.flush())
  await page.waitForTimeout(1000)

  expect(await storage(page)).toEqual({ databases: [], events: undefined, session: null })
  expect(await collector.stats()).toMatchObject({ batches: 0, events: 0 })
  // Leaving the page is when a granted page beacons what it holds.
  await page.close()
  expect(await collector.waitFor((events) => events.length > 0, 2000)).toEqual([])

  // The collector and the site work: another page of the origin, with consent, is stored, and
  // nothing of the denied page comes with it.
  const next = await context.newPage()
  await next.goto(`${site.url}/granted`)
  await afterFirstSend(next)
  await next.evaluate(() => ((window as any).rum.trackAction('control'), (window as any).rum.flush()))
  const events = await collector.waitFor((events) => names(events).includes('control'))
  expect(names(events)).toEqual(['control'])
})

test('events dropped by a denial stay dropped when consent is granted later', async ({ page, collector }) => {
  site = await startSite({ '/': tagPage(collector.url, { consent: 'pending' }) })
  await page.goto(`${site.url}/`)
  await record(page, 5, 'held')
  await page.evaluate(() => (window as any).rum.setConsent('denied'))
  await record(page, 5, 'denied')
  await page.evaluate(() => (window as any).rum.setConsent('granted'))
  await afterFirstSend(page)
  await record(page, 2, 'granted')
  await page.evaluate(() => (window as any).rum.flush())

  const events = await collector.events()
  expect(names(events)).toEqual(['granted_0', 'granted_1'])
  // The page view was recorded while pending, so it went with the denial.
  expect(events.filter((e) => e.type === 'page_view')).toEqual([])
})

test('consent denied after events were written to IndexedDB deletes the rumlet database and the session', async ({ context, page, collector }) => {
  site = await startSite({ '/': tagPage(collector.url) })
  await page.goto(`${site.url}/`)
  // The actions below then stay in IndexedDB: the flush interval is a minute.
  await afterFirstSend(page)
  await record(page, 20, 'written')
  await expect.poll(async () => (await storage(page)).events, { timeout: 5000 }).toBeGreaterThanOrEqual(20)
  expect((await storage(page)).session).not.toBeNull()

  await page.evaluate(() => (window as any).rum.setConsent('denied'))
  await expect.poll(async () => (await storage(page)).databases, { timeout: 5000 }).toEqual([])
  expect(await storage(page)).toEqual({ databases: [], events: undefined, session: null })
  // Still gone after rumlet's timers had time to run again.
  await page.evaluate(() => (window as any).rum.flush())
  await page.waitForTimeout(1000)
  expect(await storage(page)).toEqual({ databases: [], events: undefined, session: null })

  // Nothing was left for the next page of the origin to send.
  await page.close()
  const next = await context.newPage()
  await next.goto(`${site.url}/`)
  await afterFirstSend(next)
  await next.evaluate(() => ((window as any).rum.trackAction('control'), (window as any).rum.flush()))
  const events = await collector.waitFor((events) => names(events).includes('control'))
  expect(names(events)).toEqual(['control'])
})
