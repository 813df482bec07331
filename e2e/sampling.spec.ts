import type { Page } from '@playwright/test'
import { hashToUnit } from '../src/browser/lib/hashToUnit'
import type { ActionEvent, ErrorEvent as RumError } from '../src/wire'
import { afterFirstSend } from './afterFirstSend'
import { expect, test } from './fixtures'
import { startSite } from './startSite'
import { tagPage } from './tagPage'

let site: Awaited<ReturnType<typeof startSite>> | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

/**
 * Records an action, an uncaught error and a caught one, then flushes; resolves with what the
 * page saw, which proves it ran: rumlet started (it has a session) and every call was made.
 */
const recordAll = async (page: Page) => {
  await afterFirstSend(page)
  return page.evaluate(async () => {
    const rum = (window as any).rum
    rum.trackAction('sampled')
    setTimeout(() => {
      throw new Error('uncaught boom')
    })
    await new Promise((r) => setTimeout(r, 50))
    rum.trackError(new Error('caught'), { step: 'pay' })
    await rum.flush()
    return { ran: true, sessionId: rum.getSessionId() as string | undefined }
  })
}

test('sampleRate 0 leaves the session out, but its errors are still stored (errorSampleRate defaults to 1)', async ({ page, collector }) => {
  site = await startSite({ '/': tagPage(collector.url, { 'sample-rate': '0' }) })
  await page.goto(`${site.url}/`)
  const seen = await recordAll(page)
  expect(seen).toEqual({ ran: true, sessionId: expect.any(String) })

  const events = await collector.events()
  expect(events.map((e) => e.type)).toEqual(['error', 'error'])
  expect((events as RumError[]).map(({ source, message, attributes, sessionId }) => ({ source, message, attributes, sessionId }))).toEqual([
    { source: 'error', message: 'uncaught boom', attributes: undefined, sessionId: seen.sessionId },
    { source: 'api', message: 'caught', attributes: { step: 'pay' }, sessionId: seen.sessionId },
  ])
})

test('sampleRate 0 and errorSampleRate 0 store nothing at all, not even when the page closes', async ({ page, collector }) => {
  site = await startSite({ '/': tagPage(collector.url, { 'sample-rate': '0', 'error-sample-rate': '0' }) })
  await page.goto(`${site.url}/`)
  expect(await recordAll(page)).toEqual({ ran: true, sessionId: expect.any(String) })
  await page.waitForTimeout(500)
  await page.evaluate(() => (window as any).rum.flush())
  await page.close()
  // Anything beaconed at close would have landed by then.
  expect(await collector.waitFor((events) => events.length > 0, 2000)).toEqual([])
  expect(await collector.stats()).toMatchObject({ batches: 0, events: 0 })
})

// A session id chosen by the test: the first `e2e-session-N` whose hash is below (or not below)
// 0.5, the sample rate of the page.
const sessionId = (kept: boolean) => {
  for (let i = 0; ; i++) if (hashToUnit(`e2e-session-${i}`) < 0.5 === kept) return `e2e-session-${i}`
}

/**
 * Two loads of the same page in one browser context. Before rumlet's first load, the session in
 * its IndexedDB database is the one the test chose (later loads keep the one rumlet has: same
 * id, as long as it has not expired).
 */
const twoLoads = async (page: Page, id: string) => {
  await page.addInitScript((id) => {
    const open = indexedDB.open('rumlet')
    open.onupgradeneeded = () => open.result.createObjectStore('events')
    open.onsuccess = () => {
      const store = open.result.transaction('events', 'readwrite').objectStore('events')
      const stored = store.get('session')
      stored.onsuccess = () => stored.result || store.put({ id, start: Date.now(), last: Date.now() }, 'session')
      store.transaction.oncomplete = () => open.result.close()
    }
  }, id)
  const seen: (string | undefined)[] = []
  for (const load of ['load1', 'load2']) {
    await page.goto(`${site!.url}/`)
    await afterFirstSend(page)
    seen.push(
      await page.evaluate(async (name) => {
        const rum = (window as any).rum
        rum.trackAction(name)
        await rum.flush()
        return rum.getSessionId() as string | undefined
      }, load),
    )
  }
  return seen
}

test('a session whose id hashes below the sample rate is recorded on every load', async ({ page, collector }) => {
  site = await startSite({ '/': tagPage(collector.url, { 'sample-rate': '0.5' }) })
  const id = sessionId(true)
  expect(await twoLoads(page, id)).toEqual([id, id])

  const events = await collector.waitFor((events) => events.filter((e) => e.type === 'action').length >= 2)
  const actions = events.filter((e) => e.type === 'action') as ActionEvent[]
  expect(actions.map((e) => [e.name, e.sessionId])).toEqual([
    ['load1', id],
    ['load2', id],
  ])
  expect(actions[0].viewId).not.toBe(actions[1].viewId)
  expect(new Set(events.map((e) => e.sessionId))).toEqual(new Set([id]))
})

test('a session whose id hashes above the sample rate is recorded on no load', async ({ page, collector }) => {
  site = await startSite({ '/': tagPage(collector.url, { 'sample-rate': '0.5' }) })
  const id = sessionId(false)
  // Both loads ran in that session: the page reports its id each time.
  expect(await twoLoads(page, id)).toEqual([id, id])
  await page.close()
  expect(await collector.waitFor((events) => events.length > 0, 2000)).toEqual([])
  expect(await collector.stats()).toMatchObject({ batches: 0, events: 0 })
})
