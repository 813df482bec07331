import type { ErrorEvent, ResourceEvent } from '../src/wire'
import { expect, test } from './fixtures'

test('a fetch to the demo shop\'s own API carries a valid traceparent the server receives, and the stored resource event has its trace id', async ({ page, collector }) => {
  await page.goto(`${collector.url}/demo/`)
  // rumlet.js and its network add-on load async, in either order: both are in once fetch is wrapped.
  await page.waitForFunction(() => 'rum' in window && !/native code/.test(String(window.fetch)))
  await page.click('#stock')
  await expect(page.locator('#trace')).toHaveText(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/)
  const received = (await page.locator('#trace').textContent())!
  // An XMLHttpRequest too, and an error while it is under way.
  await page.evaluate(
    () =>
      new Promise<void>((done) => {
        const xhr = new XMLHttpRequest()
        xhr.open('GET', '/demo/api/stock?token=secret')
        xhr.onloadend = () => done()
        xhr.send()
        // An async request cannot have finished within the task that sent it.
        ;(window as any).rum.trackError(new Error('while loading stock'))
      }),
  )
  await page.evaluate(() => (window as any).rum.flush())

  // The demo page also polls /api/events for its table: those are requests of the page too.
  const stock = (events: unknown[]) =>
    (events as ResourceEvent[]).filter((e) => e.type === 'resource' && new URL(e.resource).pathname === '/demo/api/stock')
  const events = await collector.waitFor((events) => stock(events).length >= 2)
  const resources = events.filter((e): e is ResourceEvent => e.type === 'resource')
  const fetched = stock(events).find((e) => e.kind === 'fetch')!
  const xhr = stock(events).find((e) => e.kind === 'xhr')!
  expect(fetched).toMatchObject({ kind: 'fetch', method: 'GET', resource: `${collector.url}/demo/api/stock`, status: 200, traceId: received.split('-')[1] })
  expect(fetched.duration).toBeGreaterThanOrEqual(0)
  expect(xhr).toMatchObject({ kind: 'xhr', method: 'GET', resource: `${collector.url}/demo/api/stock?token=redacted`, status: 200 })
  expect(xhr.traceId).toMatch(/^[0-9a-f]{32}$/)
  // rumlet's own posts to the collector are never recorded.
  expect(resources.every((r) => !r.resource.endsWith('/rum'))).toBe(true)
  const error = events.find((e): e is ErrorEvent => e.type === 'error' && e.message === 'while loading stock')
  expect(error?.traceId).toBe(xhr.traceId)
})

test('one XMLHttpRequest sent twice and once synchronously, a traceparent the page set, and a <base> to another origin, in a real Chromium', async ({ page, collector }) => {
  await page.goto(`${collector.url}/demo/`)
  // rumlet.js and its network add-on load async, in either order: both are in once fetch is wrapped.
  await page.waitForFunction(() => 'rum' in window && !/native code/.test(String(window.fetch)))
  // The demo stock API answers with the traceparent it received.
  const received: string[] = await page.evaluate(async () => {
    const xhr = new XMLHttpRequest()
    const get = (url: string) =>
      new Promise<string>((done) => {
        xhr.open('GET', url)
        xhr.onloadend = () => done(JSON.parse(xhr.responseText).traceparent)
        xhr.send()
      })
    const first = await get('/demo/api/stock?n=1')
    const second = await get('/demo/api/stock?n=2')
    // A synchronous request has ended when send returns.
    xhr.open('GET', '/demo/api/stock?n=4', false)
    xhr.send()
    const theirs = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'
    const own = (await (await fetch('/demo/api/stock?n=3', { headers: { traceparent: theirs } })).json()).traceparent
    // A relative URL under a <base> of another origin goes there (nothing listens on port 9): no traceparent for it.
    const base = document.head.appendChild(document.createElement('base'))
    base.href = 'http://127.0.0.1:9/'
    await fetch('v1/items', { mode: 'no-cors' }).catch(() => {})
    base.remove()
    return [first, second, own]
  })
  await page.evaluate(() => (window as any).rum.flush())
  const resources = (events: unknown[]) => (events as ResourceEvent[]).filter((e) => e.type === 'resource' && /[?&]n=\d|v1\/items/.test(e.resource))
  const events = resources(await collector.waitFor((events) => resources(events).length >= 5))
  const byUrl = (part: string) => events.filter((e) => e.resource.includes(part))
  expect(byUrl('n=1')).toHaveLength(1)
  expect(byUrl('n=2')).toHaveLength(1)
  expect(byUrl('n=1')[0]).toMatchObject({ kind: 'xhr', status: 200, traceId: received[0].split('-')[1] })
  expect(byUrl('n=2')[0]).toMatchObject({ kind: 'xhr', status: 200, traceId: received[1].split('-')[1] })
  expect(received[0]).not.toBe(received[1])
  expect(byUrl('n=4')).toHaveLength(1)
  expect(byUrl('n=4')[0]).toMatchObject({ kind: 'xhr', status: 200 })
  expect(received[2]).toBe('00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01')
  expect(byUrl('n=3')[0]).toMatchObject({ kind: 'fetch', traceId: '0af7651916cd43dd8448eb211c80319c' })
  expect(byUrl('v1/items')[0]).toMatchObject({ kind: 'fetch', resource: 'http://127.0.0.1:9/v1/items', status: 0 })
  expect(byUrl('v1/items')[0].traceId).toBeUndefined()
})
