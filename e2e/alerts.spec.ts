import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { expect, test } from '@playwright/test'
import { launchCollector } from './launchCollector'
import type { Notification } from '../src/collector/alerts/toNotification'
import { watchConsole } from './watchConsole'

// An alert file run by the real collector (--alerts, evaluated every second) over events posted
// to POST /rum; its webhook is a server of this test on 127.0.0.1.

/** A webhook receiver on a free loopback port that keeps every JSON body it is sent. */
async function startWebhook() {
  const received: Notification[] = []
  const read = (request: IncomingMessage) => new Promise<string>((done) => {
    let body = ''
    request.on('data', (chunk) => (body += chunk)).on('end', () => done(body))
  })
  const server = createServer(async (request, response) => {
    received.push(JSON.parse(await read(request)))
    response.writeHead(204).end()
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
    received,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}

let n = 0
const lcp = (value: number, time: number) => ({
  id: `l${n++}`, type: 'vital', time, sessionId: `s${n}`, viewId: `v${n}`, url: 'https://shop.example/checkout', route: '/checkout',
  name: 'LCP', value, delta: value, rating: value <= 2500 ? 'good' : value <= 4000 ? 'needs-improvement' : 'poor', metricId: `m${n}`,
})

test('an alert and an SLO fire once on seeded data, post to the webhook, and resolve when the data recovers', async ({ page }) => {
  const webhook = await startWebhook()
  const collector = await launchCollector({
    alerts: `
interval: 1s
webhook: ${webhook.url}
alerts:
  - { name: Checkout LCP, kind: vital, vital: LCP, above: 2500, window: 15m, minSamples: 2, filter: { page: /checkout } }
slos:
  - { name: Good LCP, vital: LCP, objective: 0.8, window: 28d, burnRates: [{ long: 1h, short: 5m, factor: 2 }] }
`,
  })
  const post = async (events: object[]) => expect((await fetch(`${collector.url}/rum`, { method: 'POST', body: JSON.stringify({ events }) })).status).toBe(200)
  const of = (rule: string) => webhook.received.filter((p) => p.rule === rule)
  try {
    const now = Date.now()
    // p75 of 4000 and 5000: 4750 ms, above 2500. Both bad: each window burns at (2/2) / 0.2 = 5×.
    await post([lcp(4000, now - 60_000), lcp(5000, now - 50_000)])
    await expect.poll(() => webhook.received.length, { timeout: 15_000 }).toBe(2)
    expect(of('Checkout LCP')).toEqual([expect.objectContaining({ status: 'firing', key: '', value: 4750, text: '[FIRING] Checkout LCP: p75 LCP (page /checkout) is 4,750 ms over 15 min (2 measured), above 2,500 ms' })])
    expect(of('Good LCP')).toEqual([expect.objectContaining({ status: 'firing', value: 5 })])

    const problems = await watchConsole(page)
    await page.goto(`${collector.url}/?view=alerts`)
    await expect(page.locator('tr[data-rule="Checkout LCP"]')).toContainText('firing')
    await expect(page.locator('tr[data-rule="Checkout LCP"] td').nth(3)).toHaveText('4,750 ms')
    await expect(page.locator('nav a[data-view="alerts"] .count')).toHaveText('2')

    // Three more evaluations while it stays above: nothing more is sent.
    await page.waitForTimeout(3500)
    expect(webhook.received).toHaveLength(2)

    // Ten good pages: p75 of twelve is 1000 ms; the SLO's windows burn at (2/12) / 0.2 = 0.83×.
    await post(Array.from({ length: 10 }, (_, i) => lcp(1000, now - 40_000 + i)))
    await expect.poll(() => webhook.received.length, { timeout: 15_000 }).toBe(4)
    expect(of('Checkout LCP').map((p) => [p.status, p.value])).toEqual([['firing', 4750], ['resolved', 4750]])
    expect(of('Good LCP').map((p) => p.status)).toEqual(['firing', 'resolved'])
    expect(of('Checkout LCP')[1].text).toMatch(/^\[RESOLVED\] Checkout LCP: /)

    // The budget by hand: 12 measurements at 80 % allow 0.2 × 12 = 2.4 bad; 2 were: 1 − 2 / 2.4 left.
    const budget = 1 - 2 / (0.2 * 12)
    const { rules } = (await (await fetch(`${collector.url}/api/alerts`)).json()) as { rules: { name: string; slo?: { budgetRemaining: number } }[] }
    expect(rules.find((r) => r.name === 'Good LCP')!.slo!.budgetRemaining).toBeCloseTo(budget, 12)
    await page.reload()
    await expect(page.locator('tr[data-rule="Checkout LCP"]')).toContainText('ok')
    await expect(page.locator('[data-slo="Good LCP"] [data-budget]')).toHaveText(`${+(budget * 100).toFixed(1)} % of the error budget left`)
    await expect(page.locator('#alert-history tbody tr')).toHaveCount(4)
    await expect(page.locator('#alert-history tbody tr').first()).toContainText('delivered')
    expect(await problems()).toEqual([])
  } finally {
    await collector.close()
    await webhook.close()
  }
})
