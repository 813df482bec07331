import { expect, test } from './fixtures'
import { startSite } from './startSite'

test('a site on another origin loads the script tag, which starts itself from data-* and posts across origins', async ({ page, collector }) => {
  // 127.0.0.1 and localhost are different origins: the site is one, the collector the other.
  const collectorUrl = collector.url.replace('127.0.0.1', 'localhost')
  const site = await startSite({
    '/': `<!doctype html><title>site</title><h1>A customer's site</h1>
      <button id="buy" onclick="rum.trackAction('buy', { plan: 'pro' })">Buy</button>
      <script async src="${collectorUrl}/rumlet.js" data-endpoint="${collectorUrl}/rum"
        data-app="site" data-release="2.0.0" data-env="staging" data-flush-interval="1000"></script>`,
  })
  try {
    const failures: string[] = []
    page.on('requestfailed', (request) => failures.push(request.url()))
    page.on('console', (message) => message.type() === 'warning' && failures.push(message.text()))
    await page.goto(`${site.url}/`)
    await page.waitForFunction(() => 'rum' in window)
    await page.click('#buy')

    // data-flush-interval="1000": sent while the page stays open, with fetch across origins.
    const api = (e: { type: string; source?: string }) => e.type === 'action' && e.source === 'api'
    const events = await collector.waitFor((events) => events.some(api), 5000)
    expect(events.find(api)).toMatchObject({
      name: 'buy', attributes: { plan: 'pro' }, app: 'site', release: '2.0.0', env: 'staging', url: `${site.url}/`,
    })
    expect(failures).toEqual([])
  } finally {
    await site.close()
  }
})

test('rum.flush() sends at once and resolves after the collector stored the events', async ({ page, collector }) => {
  // The checkout demo loads rumlet with the inline loader, sets a user, and times the payment
  // with startAction (it ends 300 ms after the click).
  await page.goto(`${collector.url}/demo/checkout.html`)
  await page.waitForFunction(() => !('q' in (window as any).rum))
  await page.click('#pay')
  // Each flush resolves once the collector has answered: the action is stored as soon as a flush
  // after its end has resolved.
  const flush = () => page.evaluate(() => (window as unknown as { rum: { flush(): Promise<void> } }).rum.flush())
  const timed = async () => ((await collector.events({ type: 'action' })) as { source: string }[]).filter((a) => a.source === 'api')
  await expect.poll(async () => (await flush(), (await timed()).length), { timeout: 5000 }).toBe(1)
  const actions = await timed()
  expect(actions).toMatchObject([
    { name: 'checkout', ok: true, userId: 'demo-user-1', attributes: { items: 1, total: 12.5, method: 'card' } },
  ])
  expect((actions[0] as unknown as { duration: number }).duration).toBeGreaterThanOrEqual(300)
})

test('the single-page demo imports the ESM build and records its actions', async ({ page, collector }) => {
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${collector.url}/demo/spa.html`)
  await page.click('text=Products')
  await expect(page).toHaveURL(`${collector.url}/demo/spa/products`)
  await page.click('#like')
  await page.click('#send-now')
  const like = (e: { type: string; name?: string }) => e.type === 'action' && e.name === 'like'
  const events = await collector.waitFor((events) => events.some(like), 5000)
  expect(events.find(like)).toMatchObject({ name: 'like', app: 'demo-spa', attributes: { view: 'Products' } })
  // The hard load's view, then the route change's.
  expect(events.filter((e) => e.type === 'page_view').map((e) => (e as { navigationType: string }).navigationType)).toEqual(['navigate', 'route_change'])
  expect(errors).toEqual([])
})
