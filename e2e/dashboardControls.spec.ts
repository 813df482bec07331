import { expect, test, type Page } from '@playwright/test'
import { chartPixels } from './chartPixels'
import { launchCollector } from './launchCollector'
import { watchConsole } from './watchConsole'

// The dashboard's controls in Chromium against the real collector: the time range (presets and
// custom), release markers and a lone bucket's point on a trend, breakdowns by browser, device
// and release, the app / release / browser filters, live refresh; and not one request to a host
// other than the collector.

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'
const MIN = 60_000
const QUARTER = 15 * MIN

let n = 0
/** A page view and its LCP, `time` epoch ms, in a session of its own. */
function viewWithLcp(time: number, value: number, context: { app?: string; env?: string; release: string }) {
  const sessionId = `s${n++}`
  const base = { time, sessionId, viewId: `${sessionId}-v`, url: 'https://shop.example/', route: '/', app: context.app ?? 'shop', env: context.env ?? 'prod', release: context.release }
  return [
    { ...base, id: `${sessionId}-0`, type: 'page_view', referrer: '', navigationType: 'navigate' },
    { ...base, id: `${sessionId}-1`, time: time + 1000, type: 'vital', name: 'LCP', value, delta: value, rating: value <= 2500 ? 'good' : value <= 4000 ? 'needs-improvement' : 'poor', metricId: `${sessionId}-lcp` },
  ]
}

async function post(url: string, userAgent: string, events: object[]) {
  const response = await fetch(`${url}/rum`, { method: 'POST', headers: { 'User-Agent': userAgent }, body: JSON.stringify({ events }) })
  expect(response.status, await response.text()).toBe(200)
}

/** The cells of the row whose first cell reads `group`, in the table of the view. */
const rowOf = (page: Page, group: string) => page.locator('main tbody tr').filter({ has: page.locator('td:first-child', { hasText: new RegExp(`^${group}$`) }) }).locator('td')

test('range picker, release markers, breakdowns, filters and live refresh, all from the collector alone', async ({ page }) => {
  test.setTimeout(90_000)
  const collector = await launchCollector()
  const origin = new URL(collector.url).origin
  const elsewhere: string[] = []
  page.on('request', (request) => {
    if (new URL(request.url()).origin !== origin) elsewhere.push(request.url())
  })
  try {
    const now = Date.now()
    // Release 1.0 two hours ago, inside one 15-minute bucket: LCP 1000 and 1400 on Chrome, 3000 on an iPhone.
    const b0 = Math.floor(now / QUARTER) * QUARTER - 8 * QUARTER
    await post(collector.url, CHROME, [...viewWithLcp(b0 + MIN, 1000, { release: '1.0' }), ...viewWithLcp(b0 + 2 * MIN, 1400, { release: '1.0' })])
    await post(collector.url, IPHONE, viewWithLcp(b0 + 3 * MIN, 3000, { release: '1.0' }))
    // Release 1.1 ten minutes ago: 2200 on Chrome, 5000 on an iPhone; and another app's page, 900.
    await post(collector.url, CHROME, viewWithLcp(now - 10 * MIN, 2200, { release: '1.1' }))
    await post(collector.url, IPHONE, viewWithLcp(now - 9 * MIN, 5000, { release: '1.1' }))
    await post(collector.url, CHROME, viewWithLcp(now - 8 * MIN, 900, { app: 'blog', env: 'staging', release: '7' }))

    const problems = await watchConsole(page)
    const lcpCard = page.locator('[data-vital="LCP"]')
    const chart = '[data-chart="LCP p75 over time"] canvas'

    // A custom range around release 1.0 (3.5 h: 5-minute buckets): its three LCPs, one point on the
    // trend with no neighbour (drawn as a dot), and 1.0's marker; 1.1 and blog are outside.
    const from = b0 - 10 * QUARTER
    await page.goto(`${collector.url}/?range=custom&from=${from}&to=${b0 + 4 * QUARTER}&live=0`)
    await expect(lcpCard).toContainText('3 samples')
    await expect(lcpCard.locator('.value')).toHaveText('2,200 ms')
    await expect(page.locator('input[name="from"]')).toBeVisible()
    await expect.poll(() => chartPixels(page, chart, 'series')).toBeGreaterThan(20)
    expect(await chartPixels(page, chart, 'marker')).toBeGreaterThan(40)

    // The range picker: the last hour holds 2200, 5000 and 900: p75 2200 + 0.5 × 2800 = 3600 ms.
    await page.locator('select[name="range"]').selectOption('1h')
    await expect(lcpCard).toContainText('3 samples')
    await expect(lcpCard.locator('.value')).toHaveText('3,600 ms')
    const url = new URL(page.url())
    expect([url.searchParams.get('range'), url.searchParams.get('from'), url.searchParams.get('live')]).toEqual(['1h', null, '0'])
    await expect(page.locator('input[name="from"]')).toHaveCount(0)

    // The last 24 hours: both releases begin in range: two markers, more purple than one.
    await page.locator('select[name="range"]').selectOption('24h')
    await expect(lcpCard).toContainText('6 samples')
    await expect.poll(() => chartPixels(page, chart, 'series')).toBeGreaterThan(20)
    expect(await chartPixels(page, chart, 'marker')).toBeGreaterThan(80)

    // The app filter, then breakdowns of the shop alone (24 h). Desktop: 1000, 1400, 2200 → 1800 ms;
    // mobile: 3000, 5000 → 4500 ms; release 1.0: 1000, 1400, 3000 → 2200 ms; 1.1: 2200, 5000 → 4300 ms.
    await page.locator('select[name="app"]').selectOption('shop')
    await expect(lcpCard).toContainText('5 samples')
    await page.locator('nav a[data-view="breakdowns"]').click()
    await expect(rowOf(page, 'Chrome').nth(1)).toHaveText('3')
    await expect(rowOf(page, 'Chrome').nth(5)).toHaveText('1,800 ms')
    await expect(rowOf(page, 'Safari').nth(5)).toHaveText('4,500 ms')
    await page.locator('.tabs a', { hasText: 'Device type' }).click()
    await expect(rowOf(page, 'desktop').nth(5)).toHaveText('1,800 ms')
    await expect(rowOf(page, 'mobile').nth(1)).toHaveText('2')
    await expect(rowOf(page, 'mobile').nth(5)).toHaveText('4,500 ms')
    await page.locator('.tabs a', { hasText: 'Release' }).click()
    await expect(page.locator('main tbody tr')).toHaveCount(2)
    await expect(rowOf(page, '1\\.0').nth(5)).toHaveText('2,200 ms')
    await expect(rowOf(page, '1\\.1').nth(5)).toHaveText('4,300 ms')
    expect(Object.fromEntries(new URL(page.url()).searchParams)).toEqual({ view: 'breakdowns', by: 'release', app: 'shop', live: '0' })

    // The release and browser filters narrow every view: 1.0 on Chrome is 1000 and 1400.
    await page.locator('nav a[data-view="overview"]').click()
    await page.locator('select[name="release"]').selectOption('1.0')
    await expect(lcpCard).toContainText('3 samples')
    await page.locator('select[name="browser"]').selectOption('Chrome')
    await expect(lcpCard).toContainText('2 samples')
    await expect(lcpCard.locator('.value')).toHaveText('1,300 ms')

    // Live refresh: the last hour, live on; a page view posted now shows without a reload.
    await page.goto(`${collector.url}/?range=1h`)
    await expect(lcpCard).toContainText('3 samples')
    await expect(page.locator('input[name="live"]')).toBeChecked()
    await page.evaluate(() => ((window as unknown as { __same: boolean }).__same = true))
    await post(collector.url, CHROME, viewWithLcp(Date.now() - MIN, 1200, { release: '1.1' }))
    await expect(lcpCard).toContainText('4 samples', { timeout: 25_000 })
    expect(await page.evaluate(() => (window as unknown as { __same?: boolean }).__same)).toBe(true)
    await page.locator('input[name="live"]').uncheck()
    expect(new URL(page.url()).searchParams.get('live')).toBe('0')

    expect(await problems()).toEqual([])
    expect(elsewhere).toEqual([])
  } finally {
    await collector.close()
  }
})
