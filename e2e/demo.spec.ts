import type { RumEvent, VitalEvent } from '../src/wire'
import { expect, test } from './fixtures'

const vitals = (events: RumEvent[]) => new Set<string>(events.filter((e): e is VitalEvent => e.type === 'vital').map((e) => e.name))

test('a demo page visit, a click and leaving the page are stored: page view, the named click and the page\'s action, TTFB, FCP, LCP', async ({ page, collector }) => {
  await page.goto(`${collector.url}/demo/`)
  await page.waitForFunction(() => 'rum' in window)
  await page.click('#add-to-cart')
  // Leaving the page hides it: rumlet beacons what it holds.
  await page.goto(`${collector.url}/`)

  const events = await collector.waitFor((events) => {
    const names = vitals(events)
    return events.filter((e) => e.type === 'action').length >= 2 && ['TTFB', 'FCP', 'LCP'].every((n) => names.has(n))
  })

  const pageViews = events.filter((e) => e.type === 'page_view')
  expect(pageViews).toHaveLength(1)
  expect(pageViews[0]).toMatchObject({ navigationType: 'navigate', url: `${collector.url}/demo/`, app: 'demo-shop', release: '0.1.0', env: 'demo' })
  expect(pageViews[0]).toHaveProperty('ttfb')
  expect(pageViews[0]).toHaveProperty('load')

  // The click itself, named from the button's text, and the page's own trackAction (both in the
  // same millisecond, often: their order is not the point).
  const actions = events.filter((e) => e.type === 'action')
  expect(actions).toHaveLength(2)
  expect(actions).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ name: 'Add to cart', source: 'click', target: 'button#add-to-cart' }),
      expect.objectContaining({ name: 'add_to_cart', source: 'api', ok: true, attributes: { sku: 'TEA-01', price: 12.5 } }),
    ]),
  )
  expect([...vitals(events)]).toEqual(expect.arrayContaining(['TTFB', 'FCP', 'LCP']))

  // One page load: every event shares the session and the view of that load.
  expect(new Set(events.map((e) => e.viewId)).size).toBe(1)
  expect(new Set(events.map((e) => e.sessionId)).size).toBe(1)
  expect(new Set(events.map((e) => e.id)).size).toBe(events.length)
})
