import type { Page } from '@playwright/test'
import type { ErrorEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { hostPage, openHostPage } from './hostPage'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'
import type { Collector } from './startCollector'

// Issue 14, kind 4, beyond nonErrorRejections.spec.ts: values a page rejects with or hands to
// trackError that resist being read — a fetch Response or an XMLHttpRequest (state in prototype
// getters), getters and proxies that throw, circular and very large objects. Each is stored,
// described by what it holds, nothing is thrown into the page, and different values group apart.

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

const open = async (page: Page, collector: Collector) => {
  site = await startHostSite({ '/': hostPage('script tag', collector.url, { options: { debug: true } }) })
  await page.addInitScript(() => addEventListener('unhandledrejection', () => ((window as any).rejected = ((window as any).rejected || 0) + 1)))
  return openHostPage(page, `${site.url}/`)
}

/** The stored errors of `source` once `count` are there (after the page saw `rejected` rejections). */
const stored = async (page: Page, collector: Collector, source: string, count: number, rejected = 0) => {
  await page.waitForFunction((count) => ((window as any).rejected || 0) >= count, rejected)
  await page.evaluate(() => (window as any).rum.flush())
  const of = (events: Parameters<typeof ofType>[0]) => ofType(events, 'error').filter((error) => error.source === source)
  return of(await collector.waitFor((events) => of(events).length >= count, 5000))
}

const fingerprints = (errors: ErrorEvent[]) => new Set(errors.map((error) => error.fingerprint)).size

test('promises rejected with fetch Responses and an XMLHttpRequest say their status, with the URL (scrubbed) as resource; two URLs group apart, one URL with another query together', async ({ page, collector }) => {
  await open(page, collector)
  // The site answers 404 to each. SPA code often rejects with the response itself.
  await page.evaluate(() => {
    const fail = (url: string) => fetch(url).then((response) => Promise.reject(response))
    fail('/api/cart?page=1')
    fail('/api/user')
    const request = new XMLHttpRequest()
    request.open('GET', '/api/orders?token=s3cr3t')
    request.onloadend = () => Promise.reject(request)
    request.send()
  })
  const errors = await stored(page, collector, 'unhandledrejection', 3, 3)
  const of = (path: string) => errors.find((error) => error.resource?.includes(path))
  expect.soft(of('/api/cart?page=1'), 'a Response').toMatchObject({ errorType: 'Response', message: expect.stringContaining('"status":404') })
  expect.soft(of('/api/user'), 'another Response').toMatchObject({ errorType: 'Response', message: expect.stringContaining('"status":404') })
  expect.soft(of('/api/orders?token=redacted'), 'an XMLHttpRequest, its URL scrubbed').toMatchObject({ errorType: 'XMLHttpRequest', message: expect.stringContaining('"status":404') })
  expect.soft(errors.map((error) => error.message + error.resource).join(), 'the token nowhere').not.toContain('s3cr3t')
  expect(fingerprints(errors)).toBe(3)
  // The first URL again, with another query: a repeat of its group.
  await page.evaluate(() => {
    fetch('/api/cart?page=2').then((response) => Promise.reject(response))
  })
  const again = await stored(page, collector, 'unhandledrejection', 4, 4)
  expect(fingerprints(again)).toBe(3)
})

test('values whose message, name or stack getter throws, and a proxy whose every trap throws, given to trackError and rejected: each stored, nothing thrown into the page', async ({ page, collector }) => {
  const { debug, pageErrors } = await open(page, collector)
  await page.evaluate(() => {
    const trap = () => {
      throw new Error('trap')
    }
    const values = [
      { get message() { return trap() }, code: 'E_GETTER' },
      { message: 'named badly', get name() { return trap() } },
      { message: 'no stack', name: 'QuotaError', get stack() { return trap() } },
      new Proxy({}, { get: trap, getPrototypeOf: trap, ownKeys: trap, has: trap, getOwnPropertyDescriptor: trap }),
    ]
    for (const value of values) (window as any).rum.trackError(value), Promise.reject(value)
  })
  const tracked = await stored(page, collector, 'api', 4, 4)
  expect.soft(tracked.map((error) => [error.errorType, error.message]).sort()).toEqual([
    ['Error', 'named badly'],
    ['Object', '[object Object]'],
    ['Object', '{"code":"E_GETTER"}'],
    ['QuotaError', 'no stack'],
  ])
  expect.soft(await stored(page, collector, 'unhandledrejection', 4, 4), 'the rejections too').toHaveLength(4)
  expect.soft(debug.filter((line) => line.includes('internal error')), 'no internal error').toEqual([])
  expect(pageErrors.filter((message) => !/trap|named badly|no stack|Object/.test(message))).toEqual([])
})

test('two circular objects rejected are described by what they hold and group apart; a 1,000,000-item array rejected or given to trackError costs no long task', async ({ page, collector }) => {
  await open(page, collector)
  const took = await page.evaluate(() => {
    const circular = (fields: object) => {
      const value: Record<string, unknown> = { ...fields }
      value.self = value
      return value
    }
    Promise.reject(circular({ step: 'cart' }))
    Promise.reject(circular({ step: 'payment' }))
    const rows = Array.from({ length: 1_000_000 }, (_, id) => ({ id }))
    const start = performance.now()
    ;(window as any).rum.trackError(rows)
    return performance.now() - start
  })
  const errors = await stored(page, collector, 'unhandledrejection', 2, 2)
  expect.soft(errors.map((error) => error.message).sort()).toEqual(['{"step":"cart"}', '{"step":"payment"}'])
  expect.soft(fingerprints(errors)).toBe(2)
  const [rows] = await stored(page, collector, 'api', 1)
  expect.soft(rows.message).toMatch(/^Array \[\{"id":0\},\{"id":1\},/)
  // A long task is 50 ms (Long Tasks API).
  expect(took).toBeLessThan(50)
})

test('promises rejected with a script\'s and an image\'s error Event of a same-origin helper iframe (another realm) say so like those of the page, with the element and its URL, and group apart', async ({ page, collector }) => {
  await open(page, collector)
  // A "friendly iframe" loader: elements made in a hidden same-origin iframe, which keeps the
  // page's globals clean; its Events are not `instanceof` the page's Event. Each URL is a 404.
  await page.evaluate(() => {
    const frame = document.createElement('iframe')
    frame.hidden = true
    document.body.append(frame)
    const load = (document: Document, tag: string, src: string) =>
      new Promise((resolve, reject) => {
        const element = Object.assign(document.createElement(tag), { onload: resolve, onerror: reject, src })
        document.body.append(element)
      })
    load(document, 'script', '/chunks/page.js')
    load(frame.contentDocument!, 'script', '/chunks/widget.js')
    load(frame.contentDocument!, 'img', '/img/pixel.png')
  })
  const errors = await stored(page, collector, 'unhandledrejection', 3, 3)
  const of = (path: string) => errors.find((error) => error.resource?.endsWith(path))
  expect.soft(of('/chunks/page.js'), 'the page\'s own <script>').toMatchObject({ errorType: 'Event', message: 'error event on html>body>script' })
  expect.soft(of('/chunks/widget.js'), 'the iframe\'s <script>').toMatchObject({ errorType: 'Event', message: 'error event on html>body>script' })
  expect.soft(of('/img/pixel.png'), 'the iframe\'s <img>').toMatchObject({ errorType: 'Event', message: 'error event on html>body>img' })
  expect(fingerprints(errors)).toBe(3)
})
