import { expect, test } from './fixtures'
import { startHostSite, type HostSite } from './startHostSite'

// A page whose `<base href>` points at its asset CDN (its own scripts named by absolute URL), with
// rumlet's recommended setup: `data-endpoint="/rum"`, the collector behind the site's own /rum.
// fetch and sendBeacon read a relative URL against the base URL, so the build before sent every
// request to the CDN (404: stored nothing, and dropped the events as refused). A relative
// endpoint is the page's address's, as the README says.

const sites: HostSite[] = []
test.afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()))
})

test('a relative endpoint on a page with <base href> at another origin: rumlet sends to the page\'s own origin, and the events are stored', async ({ page, collector }) => {
  const cdn = await startHostSite({})
  sites.push(cdn)
  const site = await startHostSite({})
  sites.push(site)
  const html = `<!doctype html><html><head><meta charset="utf-8"><base href="${cdn.url}/assets/">
<script src="${site.url}/rumlet.js" data-endpoint="/rum" data-app="base-href" data-flush-interval="60000"></script></head>
<body><h1>Shop</h1></body></html>`
  // The site's own /rum is the collector, as a reverse proxy would make it.
  await page.route(`${site.url}/`, (route) => route.fulfill({ contentType: 'text/html', body: html }))
  await page.route(`${site.url}/rum`, async (route) => route.fulfill({ response: await route.fetch({ url: `${collector.url}/rum` }) }))
  await page.goto(`${site.url}/`)
  await page.evaluate(() => (window as any).rum.trackAction('checkout'))
  await page.evaluate(() => (window as any).rum.flush())
  const events = await collector.waitFor((events) => events.some((event) => event.type === 'action'), 5000)
  expect(events.filter((event) => event.type === 'action').map((event) => (event as { name: string }).name)).toEqual(['checkout'])
  expect(cdn.requests.filter((path) => path.endsWith('/rum'))).toEqual([])
})
