import type { ActionEvent, PageViewEvent, RumEvent, ViewEndEvent, VitalEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { rumPage } from './rumPage'
import { startSite } from './startSite'

const ofType = <E extends RumEvent>(events: RumEvent[], type: E['type']) => events.filter((e) => e.type === type) as E[]

test('an SPA with three route changes has four views; each later event carries the view it happened in', async ({ page, collector }) => {
  await page.goto(`${collector.url}/demo/spa.html`)
  await page.waitForLoadState('load')
  await page.click('#like')
  for (const route of ['Products', 'Account', 'Home']) {
    await page.click(`#routes >> text=${route}`)
    await expect(page.locator('#view')).toHaveText(route)
    await page.waitForTimeout(50) // each view lasts a little
    await page.click('#like')
  }
  await page.close() // ends the last view, reports CLS and INP, beacons the rest

  const events = await collector.waitFor((events) => ofType(events, 'view_end').length >= 4 && events.some((e) => e.type === 'vital'))
  const views = ofType<PageViewEvent>(events, 'page_view')
  expect(views.map((v) => v.navigationType)).toEqual(['navigate', 'route_change', 'route_change', 'route_change'])
  expect(views.map((v) => new URL(v.url).pathname)).toEqual(['/demo/spa.html', '/demo/spa/products', '/demo/spa/account', '/demo/spa/home'])
  expect(views.slice(1).map((v) => v.referrer)).toEqual(views.slice(0, -1).map((v) => v.url))
  expect(new Set(views.map((v) => v.viewId)).size).toBe(4)
  // The route option names each URL.
  expect(views.map((v) => v.route)).toEqual(['/demo/spa.html', '/demo/spa/products', '/demo/spa/account', '/demo/spa/home'])

  // One like per view, in the view it was clicked in.
  const likes = ofType<ActionEvent>(events, 'action').filter((a) => a.name === 'like')
  expect(likes.map((a) => a.viewId)).toEqual(views.map((v) => v.viewId))

  // Every view ended with its time on page; a route change ends the view before it.
  const ends = ofType<ViewEndEvent>(events, 'view_end')
  for (const view of views) {
    const end = ends.filter((e) => e.viewId === view.viewId).at(-1)!
    expect(end, `view_end of ${view.url}`).toBeDefined()
    expect(end.duration).toBeGreaterThan(0)
    expect(end.visible).toBeLessThanOrEqual(end.duration)
    // A view lasts from its page view to its end: the hard load's from navigation start, not
    // from when rumlet's script ran.
    const first = ends.find((e) => e.viewId === view.viewId)!
    expect(Math.abs(first.duration - (first.time - view.time)), `time on page of ${view.url}`).toBeLessThanOrEqual(25)
  }

  // Chromium reports each click-driven route change as a soft navigation: its vitals belong to
  // that route's view. The rest (CLS and INP of the hard load among them) belong to the first.
  const vitals = ofType<VitalEvent>(events, 'vital')
  const soft = vitals.filter((v) => v.navigationType === 'soft_navigation')
  expect(soft.length, 'vitals of soft navigations').toBeGreaterThan(0)
  const viewOfUrl = new Map(views.map((v) => [v.url, v.viewId]))
  for (const vital of soft) expect(vital.viewId, `${vital.name} of ${vital.url}`).not.toBe(views[0].viewId)
  expect(new Set(soft.map((v) => v.viewId)).size, 'soft navigations with vitals of their own').toBeGreaterThanOrEqual(2)
  for (const vital of soft) expect([...viewOfUrl.values()]).toContain(vital.viewId)
  for (const vital of vitals.filter((v) => v.navigationType !== 'soft_navigation')) expect(vital.viewId, vital.name).toBe(views[0].viewId)
})

test('a reload is a page view with navigation type reload', async ({ page, collector }) => {
  const site = await startSite({ '/': rumPage(collector.url) })
  try {
    await page.goto(`${site.url}/`)
    await page.waitForLoadState('load')
    await page.reload()
    await page.waitForLoadState('load')
    await page.evaluate(() => new Promise((done) => setTimeout(done, 50)).then(() => (window as any).rum.flush()))
    const events = await collector.waitFor((events) => ofType(events, 'page_view').length >= 2)
    expect(ofType<PageViewEvent>(events, 'page_view').map((v) => v.navigationType)).toEqual(['navigate', 'reload'])
  } finally {
    await site.close()
  }
})

test('time on page of the hard load counts from navigation start, also when rumlet\'s script came late', async ({ page, collector }) => {
  // The site holds rumlet.js back for 800 ms: rumlet starts well after navigation start.
  const site = await startSite({ '/': rumPage(collector.url) }, () => new Promise((ready) => setTimeout(ready, 800)))
  try {
    await page.goto(`${site.url}/`)
    await page.waitForLoadState('load')
    await page.waitForTimeout(300)
    await page.evaluate(() => (window as any).rum.trackPageView('/next'))
    await page.evaluate(() => (window as any).rum.flush())
    const events = await collector.waitFor((events) => ofType(events, 'page_view').length >= 2 && ofType(events, 'view_end').length >= 1)
    const [load] = ofType<PageViewEvent>(events, 'page_view')
    const end = ofType<ViewEndEvent>(events, 'view_end').find((e) => e.viewId === load.viewId)!
    expect(end.duration).toBeGreaterThanOrEqual(1000)
    expect(Math.abs(end.duration - (end.time - load.time))).toBeLessThanOrEqual(25)
    expect(end.visible).toBe(end.duration)
  } finally {
    await site.close()
  }
})
