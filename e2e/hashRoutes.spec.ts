import type { Page } from '@playwright/test'
import type { RumEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { hostPage, openHostPage } from './hostPage'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'

// Issue 14, kind 5: routes come in more shapes than `#/`. Hash routers write `#/path` (Vue
// Router's and React Router's hash modes, AngularJS with an empty prefix) or `#!/path`
// (AngularJS ≥ 1.6's default, and older "hashbang" sites); a plain `#section` is an in-page
// anchor, not a route, and a hash route's query is not part of the route.

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

const open = async (page: Page, collectorUrl: string, path: string, hashRoutes?: boolean) => {
  site = await startHostSite({
    '/app': hostPage('script tag', collectorUrl, {
      options: hashRoutes === undefined ? {} : { hashRoutes },
      body: `<nav><a id="pricing" href="#pricing">Pricing</a> <a id="faq" href="#faq">FAQ</a></nav>
        <div id="view">home</div><h2 id="pricing-section">Pricing</h2><h2 id="faq-section">FAQ</h2>`,
    }),
  })
  await openHostPage(page, `${site.url}${path}`)
}

/** How a router moves to `hash`: assigning location.hash, or pushState. */
const go = (page: Page, how: 'assign' | 'push', hash: string) =>
  page.evaluate(([how, hash]) => {
    if (how === 'assign') location.hash = hash
    else history.pushState(null, '', hash)
    document.getElementById('view')!.textContent = hash
  }, [how, hash] as const)

/** The page views stored once `count` are there, as "type #fragment". */
const views = async (page: Page, collector: { waitFor: (done: (events: RumEvent[]) => boolean, timeout?: number) => Promise<RumEvent[]> }, count: number) => {
  await page.evaluate(() => (window as any).rum.flush())
  const events = await collector.waitFor((events) => ofType(events, 'page_view').length >= count, 3000)
  return ofType(events, 'page_view').map((view) => `${view.navigationType} ${new URL(view.url).hash}`)
}

for (const prefix of ['#/', '#!/'])
  test(`"${prefix}" routes: a hash assignment, a pushState and the back button each start a view (${prefix === '#!/' ? 'AngularJS hashbang, case 08' : 'Vue and React hash routers'})`, async ({ page, collector }) => {
    await open(page, collector.url, `/app${prefix}home`)
    await go(page, 'assign', `${prefix}products`)
    await go(page, 'push', `${prefix}cart`)
    await page.goBack()
    await expect(page).toHaveURL(new RegExp(`${prefix.replace('/', '\\/')}products$`))
    expect(await views(page, collector, 4)).toEqual([
      `navigate ${prefix}home`,
      `route_change ${prefix}products`,
      `route_change ${prefix}cart`,
      `route_change ${prefix}products`,
    ])
  })

test('in-page anchors (#pricing, #faq) start no view, nor does a change of a hash route\'s query alone', async ({ page, collector }) => {
  await open(page, collector.url, '/app')
  await page.click('#pricing')
  await page.click('#faq')
  await go(page, 'assign', '#/search?q=tea')
  await go(page, 'assign', '#/search?q=coffee')
  await go(page, 'push', '#!/search?q=tea')
  await go(page, 'push', '#!/search?q=cake')
  // flush() resolves once everything recorded so far is stored: no view can come later.
  expect(await views(page, collector, 3)).toEqual(['navigate ', 'route_change #/search?q=tea', 'route_change #!/search?q=tea'])
})

test('hashRoutes: true makes every fragment a route, query included (Backbone\'s #products)', async ({ page, collector }) => {
  await open(page, collector.url, '/app#home', true)
  await go(page, 'assign', '#products')
  await go(page, 'push', '#cart?step=2')
  expect(await views(page, collector, 3)).toEqual(['navigate #home', 'route_change #products', 'route_change #cart?step=2'])
})

test('hashRoutes: false makes no fragment a route, not even #/… or #!/… (the anchors of a docs site)', async ({ page, collector }) => {
  await open(page, collector.url, '/app#/intro', false)
  await go(page, 'assign', '#/install')
  await go(page, 'push', '#!/usage')
  expect(await views(page, collector, 1)).toEqual(['navigate #/intro'])
})
