import type { Page } from '@playwright/test'
import type { RumEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { hostPage, openHostPage } from './hostPage'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'

// Routers reach the address bar by more ways than `history.pushState` at the time rumlet wraps it:
// a router that took its own reference to pushState before rumlet loaded, or the Navigation API
// (`navigation.navigate()` with `event.intercept()`, Chromium 102+), which never calls it. And a
// router may move several times in one task (a redirect, a `popstate` handler's replaceState, a
// burst): the user saw one route, the last, so that is one view.

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

const open = async (page: Page, collectorUrl: string, before = '', body = '') => {
  site = await startHostSite({ '/app/': hostPage('script tag', collectorUrl, { before, body: `<div id="view">home</div>${body}` }) })
  return openHostPage(page, `${site.url}/app/`)
}

/** The page views stored once `count` are there (then a moment for any extra), as "type path". */
const views = async (page: Page, collector: { waitFor: (done: (events: RumEvent[]) => boolean, timeout?: number) => Promise<RumEvent[]> }, count: number) => {
  await page.waitForTimeout(200)
  await page.evaluate(() => (window as any).rum.flush())
  const events = await collector.waitFor((events) => ofType(events, 'page_view').length >= count, 3000)
  return ofType(events, 'page_view').map((view) => `${view.navigationType} ${new URL(view.url).pathname}`)
}

test('a router that kept its own pushState from before rumlet loaded, and one on the Navigation API, each start a view per route', async ({ page, collector }) => {
  await open(
    page,
    collector.url,
    `window.push = history.pushState.bind(history)
    navigation.addEventListener('navigate', (event) => {
      if (event.canIntercept && !event.hashChange) event.intercept({ handler() { document.getElementById('view').textContent = event.destination.url } })
    })`,
  )
  await page.evaluate(() => (window as any).push(null, '', '/app/kept'))
  await page.waitForTimeout(50)
  await page.evaluate(() => (window as any).navigation.navigate('/app/navigated').finished)
  await page.waitForTimeout(50)
  await page.evaluate(() => (window as any).navigation.back().finished)
  expect(await views(page, collector, 4)).toEqual(['navigate /app/', 'route_change /app/kept', 'route_change /app/navigated', 'route_change /app/kept'])
})

test('route changes in one task are one view, of the route the user saw: a redirect, a popstate handler\'s redirect, a burst of 100', async ({ page, collector }) => {
  await open(
    page,
    collector.url,
    '',
    `<script>addEventListener('popstate', () => location.pathname === '/app/secret' && history.replaceState(null, '', '/app/login'))</script>`,
  )
  const task = async (fn: () => void) => (await page.evaluate(fn), await page.waitForTimeout(50))
  // A guard that redirects at once.
  await task(() => (history.pushState(null, '', '/app/admin'), history.replaceState(null, '', '/app/login')))
  await task(() => history.pushState(null, '', '/app/secret'))
  await task(() => history.pushState(null, '', '/app/shop'))
  // Back to /app/secret, which the page's popstate handler redirects.
  await page.goBack()
  await expect(page).toHaveURL(/\/app\/login$/)
  await task(() => {
    for (let i = 0; i < 100; i++) history.pushState(null, '', `/app/item/${i}`)
  })
  expect(await views(page, collector, 6)).toEqual([
    'navigate /app/',
    'route_change /app/login',
    'route_change /app/secret',
    'route_change /app/shop',
    'route_change /app/login',
    'route_change /app/item/99',
  ])
})

test('the back button taken before the end of the task of a pushState (a busy page, a fast hand) is a view of its own, after the pushed one', async ({ page, collector }) => {
  await open(page, collector.url)
  await page.evaluate(() => history.pushState(null, '', '/app/products'))
  await page.waitForTimeout(50)
  // history.back() only queues the traversal; 30 ms of the same task let it come before
  // rumlet's 0 ms timer (10 of 10 runs in Chromium 156), which is how a view was lost.
  await page.evaluate(() => {
    history.pushState(null, '', '/app/cart')
    history.back()
    for (const start = performance.now(); performance.now() - start < 30; );
  })
  await expect(page).toHaveURL(/\/app\/products$/)
  expect(await views(page, collector, 4)).toEqual(['navigate /app/', 'route_change /app/products', 'route_change /app/cart', 'route_change /app/products'])
})
