import type { ErrorEvent, ResourceEvent } from '../src/wire'
import { expect, test } from './fixtures'

test('a fetch to the demo shop\'s own API carries a valid traceparent the server receives, and the stored resource event has its trace id', async ({ page, collector }) => {
  await page.goto(`${collector.url}/demo/`)
  await page.waitForFunction(() => 'rum' in window)
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
