import { expect, test } from '@playwright/test'
import { chartPixels } from './chartPixels'
import { launchCollector } from './launchCollector'
import { watchConsole } from './watchConsole'

// The dashboard in Chromium against the real collector, over events posted to POST /rum: the
// numbers it shows are worked out here by hand; page text stays text; charts are drawn; and the
// console stays clean under the page's CSP.

const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36'
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'
const XSS = '<img src=x onerror="window.__xss=1">'
const STACK = `TypeError: ${XSS}\n    at pay (https://shop.example/assets/checkout.js:3:14)\n    at onClick (https://shop.example/assets/app.js:9:2)`

let n = 0
/** One view of a session: its page view, then what `more` adds, each a second later. */
function visit(sessionId: string, path: string, at: number, more: Record<string, unknown>[]) {
  const viewId = `${sessionId}-${n++}`
  const base = (i: number) => ({ id: `${viewId}-${i}`, time: at + i * 1000, sessionId, viewId, url: `https://shop.example${path}`, route: path, app: 'shop', env: 'prod', release: '2.0' })
  return [{ ...base(0), type: 'page_view', referrer: '', navigationType: 'navigate' }, ...more.map((event, i) => ({ ...base(i + 1), ...event }))]
}
const lcp = (value: number) => ({ type: 'vital', name: 'LCP', value, delta: value, rating: value <= 2500 ? 'good' : value <= 4000 ? 'needs-improvement' : 'poor', metricId: `lcp-${n++}` })
const inp = (value: number) => ({ type: 'vital', name: 'INP', value, delta: value, rating: value <= 200 ? 'good' : 'needs-improvement', metricId: `inp-${n++}` })
const pay = (duration: number, ok: boolean, frustration?: string[]) => ({ type: 'action', name: 'pay', duration, ok, source: 'click', target: 'button#pay', frustration })
const xssError = (count: number) => ({ type: 'error', message: XSS, errorType: 'TypeError', stack: STACK, source: 'onerror', count, fingerprint: 'x' })

async function post(url: string, userAgent: string, events: object[]) {
  const response = await fetch(`${url}/rum`, { method: 'POST', headers: { 'User-Agent': userAgent }, body: JSON.stringify({ events }) })
  expect(response.status, await response.text()).toBe(200)
}

test('the dashboard shows the seeded numbers, charts, an error group as text, a session timeline, and a clean console', async ({ page }) => {
  const collector = await launchCollector()
  try {
    const now = Date.now()
    const t = now - 30 * 60_000
    // LCP: /checkout 1200, 3000, 4600 and / 2000. INP 100 and 300. pay: 300 ok, 900 failed with rage, 500 ok.
    await post(collector.url, CHROME, [
      ...visit('sa', '/checkout', t, [lcp(1200), inp(100), pay(300, true), xssError(2)]),
      { id: 'sa-lost', type: 'dropped', time: t + 9000, sessionId: 'sa', viewId: 'sa-x', url: 'https://shop.example/checkout', counts: { queue_full: 7 } },
    ])
    await post(collector.url, IPHONE, visit('sb', '/checkout', t + 60_000, [lcp(3000), inp(300), pay(900, false, ['rage']), xssError(1)]))
    await post(collector.url, CHROME, [...visit('sc', '/', t + 120_000, [lcp(2000)]), ...visit('sc', '/checkout', t + 180_000, [lcp(4600), pay(500, true)])])

    const problems = await watchConsole(page)
    // The last hour: one-minute buckets, so the four LCPs (a minute apart) draw a line.
    await page.goto(`${collector.url}/?range=1h`)

    // Overview: p75 of 1200, 2000, 3000, 4600 (linear between ranks): 3000 + 0.25 × 1600 = 3400 ms.
    const lcpCard = page.locator('[data-vital="LCP"]')
    await expect(lcpCard.locator('.value')).toHaveText('3,400 ms')
    await expect(lcpCard).toHaveClass(/needs-improvement/)
    await expect(lcpCard).toContainText('4 samples · 50 % good')
    // INP: 100 + 0.75 × 200 = 250 ms.
    await expect(page.locator('[data-vital="INP"] .value')).toHaveText('250 ms')
    await expect(page.locator('[data-vital="CLS"]')).toContainText('no samples')
    const chart = '[data-chart="LCP p75 over time"] canvas'
    await expect(page.locator(chart)).toBeVisible()
    await expect.poll(() => chartPixels(page, chart, 'series')).toBeGreaterThan(100)

    // Pages: /checkout has 3 views; its LCP p75 is 3000 + 0.5 × 1600 = 3800 ms.
    await page.locator('nav a[data-view="pages"]').click()
    const checkout = page.locator('main tbody tr', { hasText: '/checkout' })
    await expect(checkout.locator('td').nth(1)).toHaveText('3')
    await expect(checkout.locator('td').nth(5)).toHaveText('3,800 ms')
    // Sorting by LCP (ascending after a second click) puts / (2,000 ms) first, and the URL keeps it.
    await page.locator('th[data-column="LCP"] button').click()
    await expect(page.locator('th[data-column="LCP"]')).toHaveAttribute('aria-sort', 'descending')
    await expect(page.locator('main tbody tr td:first-child')).toHaveText(['/checkout', '/'])
    await page.locator('th[data-column="LCP"] button').click()
    await expect(page.locator('th[data-column="LCP"]')).toHaveAttribute('aria-sort', 'ascending')
    await expect(page.locator('main tbody tr td:first-child')).toHaveText(['/', '/checkout'])
    expect(new URL(page.url()).searchParams.get('sort')).toBe('LCP')
    await page.reload()
    await expect(page.locator('th[data-column="LCP"]')).toHaveAttribute('aria-sort', 'ascending')

    // One route's page: its own p75 and its trends.
    await page.locator('main tbody a', { hasText: '/checkout' }).click()
    await expect(page.locator('h1')).toHaveText('/checkout')
    await expect(page.locator('[data-vital="LCP"] .value')).toHaveText('3,800 ms')
    await expect(page.locator('[data-chart="LCP p75 over time"] canvas')).toBeVisible()

    // Errors: one group, 2 + 1 occurrences in 2 sessions, its message shown as text.
    await page.locator('nav a[data-view="errors"]').click()
    const group = page.locator('#error-groups tbody tr')
    await expect(group).toHaveCount(1)
    await expect(group.locator('td').first()).toHaveText(`TypeError: ${XSS}`)
    await expect(group.locator('td').nth(1)).toHaveText('3')
    await expect(group.locator('td').nth(2)).toHaveText('2')
    await expect(group.locator('td').nth(5)).toHaveText('2.0')
    await group.locator('a').click()
    await expect(page.locator('[data-error-title]')).toHaveText(`TypeError: ${XSS}`)
    await expect(page.locator('table.frames tbody tr').first()).toContainText('pay')
    await expect(page.locator('table.frames tbody tr').first()).toContainText('https://shop.example/assets/checkout.js:3:14')
    await expect(page.locator('pre')).toHaveText(STACK)
    await expect(page.locator('main img')).toHaveCount(0)
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined()

    // Sessions and one session's timeline, in order.
    await page.locator('nav a[data-view="sessions"]').click()
    await expect(page.locator('#sessions tbody tr')).toHaveCount(3)
    await page.locator('#sessions a', { hasText: 'sa' }).click()
    await expect(page.locator('h1')).toHaveText('Session sa')
    const items = page.locator('#timeline li')
    await expect(items).toHaveCount(6)
    expect(await items.evaluateAll((lis) => lis.map((li) => li.getAttribute('data-type')))).toEqual(['page_view', 'vital', 'vital', 'action', 'error', 'dropped'])
    await expect(items.nth(3)).toContainText('pay 300 ms')
    await expect(items.nth(4)).toContainText(`TypeError: ${XSS} ×2`)
    await expect(items.nth(5)).toContainText('the snippet dropped 7 (queue_full)')

    // Actions: pay 3 times; p50 500 ms, p75 500 + 0.5 × 400 = 700 ms; 2 of 3 succeeded; 1 rage click.
    await page.locator('nav a[data-view="actions"]').click()
    const payRow = page.locator('#actions tbody tr', { hasText: 'pay' })
    await expect(payRow.locator('td')).toHaveText(['pay', '3', '3', '500 ms', '700 ms', '860 ms', '66.7 %', '1', '0', '0'])

    // Data health: 7 events lost, and said so.
    await page.locator('nav a[data-view="health"]').click()
    await expect(page.locator('#health-notice')).toContainText('Lost traffic: snippets dropped 7 events')
    await expect(page.locator('#loss tbody tr')).toContainText('queue_full')

    // A filter goes into the URL and narrows every number: the phone alone measured LCP 3000 ms.
    await page.locator('nav a[data-view="overview"]').click()
    await page.locator('select[name="device"]').selectOption('mobile')
    await expect(page.locator('[data-vital="LCP"] .value')).toHaveText('3,000 ms')
    expect(new URL(page.url()).searchParams.get('device')).toBe('mobile')
    await page.reload()
    await expect(page.locator('[data-vital="LCP"]')).toContainText('1 sample')
    await expect(page.locator('select[name="device"]')).toHaveValue('mobile')

    expect(await problems()).toEqual([])
  } finally {
    await collector.close()
  }
})

test('with a read token, /?token= opens the dashboard, keeps the token out of the address bar, and reads the API with its cookie', async ({ page }) => {
  const collector = await launchCollector({ args: ['--read-token', 'e2e-token'] })
  try {
    await post(collector.url, CHROME, visit('st', '/', Date.now() - 60_000, [lcp(1800)]))
    // Asked without the token (and with this page's cookies: none yet), the dashboard is refused.
    // Not opened in the tab: Chromium would then ask for /favicon.ico, a 404 logged to the console.
    expect((await page.request.get(`${collector.url}/`)).status()).toBe(401)
    expect((await page.request.get(`${collector.url}/api/vitals`)).status()).toBe(401)
    const problems = await watchConsole(page)
    await page.goto(`${collector.url}/?token=e2e-token&view=pages`)
    await expect(page.locator('main tbody tr')).toContainText('1,800 ms')
    expect(new URL(page.url()).search).toBe('?view=pages')
    expect(await problems()).toEqual([])
  } finally {
    await collector.close()
  }
})
