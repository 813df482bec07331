import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createAlerts } from '../src/collector/alerts/createAlerts'
import { parseAlertRules } from '../src/collector/alerts/parseAlertRules'
import type { Notification } from '../src/collector/alerts/toNotification'
import { createIngest } from '../src/collector/ingest/createIngest'
import { openStore, type Store } from '../src/collector/store/openStore'

// The alert engine over a real DuckDB (:memory:) fed through the real ingest, with a clock and a
// webhook of the test's own: every evaluation is a call, no timer runs.

const MIN = 60_000
const HOUR = 60 * MIN
const NOW = 1_764_000_000_000
let store: Store
let ingest: ReturnType<typeof createIngest>
let n = 0
let now = NOW
let sent: { url: string; notification: Notification }[]

beforeEach(async () => {
  store = await openStore(':memory:')
  ingest = createIngest({ sink: store })
  sent = []
  now = NOW
})
afterEach(() => store.close())

const base = (time: number, more: object = {}) => ({ id: `e${n++}`, time, sessionId: `s${n}`, viewId: `v${n}`, url: 'https://shop.example/checkout', app: 'shop', ...more })
const lcp = (time: number, value: number, more: object = {}) =>
  ({ ...base(time, more), type: 'vital', name: 'LCP', value, delta: value, rating: value <= 2500 ? 'good' : value <= 4000 ? 'needs-improvement' : 'poor', metricId: `m${n}` })
const view = (time: number, more: object = {}) => ({ ...base(time, more), type: 'page_view', referrer: '', navigationType: 'navigate' })
const error = (time: number, where: string, more: object = {}) =>
  ({ ...base(time, more), type: 'error', message: `${where} failed`, errorType: 'TypeError', stack: `TypeError: ${where} failed\n    at ${where} (https://shop.example/app.js:1:5)`, source: 'onerror', count: 1, fingerprint: 'x' })
const post = (...events: object[]) => ingest(JSON.stringify({ events }))

function engine(yaml: string) {
  const { rules } = parseAlertRules(yaml)
  return createAlerts({ store, rules, now: () => now, send: async (url, notification) => void sent.push({ url, notification }), log: () => {} })
}

describe('a vital alert', () => {
  const yaml = 'webhook: http://hooks.test/a\ndashboard: http://rum.test/\nalerts:\n  - { name: Checkout LCP, kind: vital, vital: LCP, above: 2500, window: 15m, minSamples: 3, filter: { page: /checkout } }'

  it('fires once when the p75 passes its threshold, stays quiet while it stays above, and resolves once it is back under', async () => {
    const alerts = engine(yaml)
    // p75 of 1000, 3000, 5000, 6000 (quantile_cont): 5000 + 0.25 × 1000 = 5250 ms.
    await post(lcp(NOW - 5 * MIN, 1000), lcp(NOW - 4 * MIN, 3000), lcp(NOW - 3 * MIN, 5000), lcp(NOW - 2 * MIN, 6000))
    // Slow pages elsewhere do not count.
    await post(lcp(NOW - MIN, 9000, { url: 'https://shop.example/home' }))
    await alerts.evaluate()
    expect(sent).toEqual([{
      url: 'http://hooks.test/a',
      notification: {
        text: '[FIRING] Checkout LCP: p75 LCP (page /checkout) is 5,250 ms over 15 min (4 measured), above 2,500 ms <http://rum.test/?view=alerts|dashboard>',
        status: 'firing', rule: 'Checkout LCP', key: '', value: 5250,
        message: 'p75 LCP (page /checkout) is 5,250 ms over 15 min (4 measured), above 2,500 ms',
        time: NOW, dashboard: 'http://rum.test/?view=alerts',
      },
    }])
    now += MIN
    await alerts.evaluate()
    expect(sent).toHaveLength(1)
    expect(alerts.status().rules[0]).toMatchObject({ state: 'firing', value: 5250, firing: [{ since: NOW }] })

    // Eight fast pages: the p75 of nine 1000s, 3000, 5000 and 6000 is 1000 + 0.25 × 2000 = 1500 ms.
    await post(...Array.from({ length: 8 }, (_, i) => lcp(now - 30_000 + i, 1000)))
    now += MIN
    await alerts.evaluate()
    expect(sent.map((s) => [s.notification.status, s.notification.value])).toEqual([['firing', 5250], ['resolved', 5250]])
    expect(alerts.status().rules[0]).toMatchObject({ state: 'ok', value: 1500, firing: [] })
    expect(alerts.status().history.map((h) => [h.state, h.time, h.delivered])).toEqual([['resolved', NOW + 2 * MIN, true], ['firing', NOW, true]])
  })

  it('says "no data" under minSamples, and looks only at its window', async () => {
    const alerts = engine(yaml)
    await post(lcp(NOW - 20 * MIN, 9000), lcp(NOW - 20 * MIN, 9000), lcp(NOW - 20 * MIN, 9000), lcp(NOW - MIN, 9000))
    await alerts.evaluate()
    expect(alerts.status().rules[0]).toMatchObject({ state: 'no data', value: null })
    expect(sent).toEqual([])
  })
})

describe('an error-rate alert', () => {
  it('compares the share of page views with an error to its threshold', async () => {
    const alerts = engine('alerts:\n  - { name: Errors, kind: errorRate, above: 0.25, window: 1h, webhook: http://hooks.test/e }')
    const views = Array.from({ length: 4 }, () => view(NOW - 10 * MIN))
    await post(...views, { ...error(NOW - 9 * MIN, 'pay'), viewId: views[0].viewId }, { ...error(NOW - 9 * MIN, 'save'), viewId: views[0].viewId })
    await alerts.evaluate()
    // Two errors in one view of four: 25 %, not above.
    expect(alerts.status().rules[0]).toMatchObject({ state: 'ok', value: 0.25 })
    await post({ ...error(NOW - 8 * MIN, 'pay'), viewId: views[1].viewId })
    await alerts.evaluate()
    expect(sent.map((s) => [s.url, s.notification.text])).toEqual([['http://hooks.test/e', '[FIRING] Errors: 50 % of page views had an error over 1 h (2 of 4), above 25 %']])
  })
})

describe('a new-error-group alert', () => {
  const yaml = 'webhook: http://hooks.test/n\nalerts:\n  - { name: New errors, kind: newErrorGroup, window: 1h }'

  it('fires once per group first seen in a release after another, and resolves when its first occurrence leaves the window', async () => {
    const alerts = engine(yaml)
    await post(view(NOW - 5 * HOUR, { release: '1.0' }), error(NOW - 4 * HOUR, 'load', { release: '1.0' }))
    // Release 1.1 brings `pay`; `load` goes on failing, and is not new.
    await post(error(NOW - 20 * MIN, 'load', { release: '1.1' }), error(NOW - 10 * MIN, 'pay', { release: '1.1' }), error(NOW - 5 * MIN, 'pay', { release: '1.1' }))
    await alerts.evaluate()
    const pay = 'new error group in release 1.1: TypeError: pay failed (2 times, 2 sessions)'
    const save = 'new error group in release 1.1: TypeError: save failed (1 time, 1 session)'
    expect(sent.map((s) => s.notification.message)).toEqual([pay])
    // A second new group while the first still fires: one message, for it alone.
    await post(error(NOW + 5 * MIN, 'save', { release: '1.1' }))
    now += 10 * MIN
    await alerts.evaluate()
    expect(sent.map((s) => [s.notification.status, s.notification.key, s.notification.message])).toEqual([
      ['firing', expect.stringMatching(/^[0-9a-f]{16}$/), pay],
      ['firing', expect.stringMatching(/^[0-9a-f]{16}$/), save],
    ])
    now = NOW + 56 * MIN
    await alerts.evaluate()
    expect(sent.slice(2).map((s) => [s.notification.status, s.notification.key, s.notification.message])).toEqual([['resolved', sent[0].notification.key, pay]])
    expect(alerts.status().rules[0].firing.map((f) => f.message)).toEqual([save])
  })

  it('does not fire for the errors of the first release ever seen', async () => {
    const alerts = engine(yaml)
    await post(error(NOW - 10 * MIN, 'pay', { release: '1.0' }))
    await alerts.evaluate()
    expect(alerts.status().rules[0]).toMatchObject({ state: 'ok', value: 0 })
    expect(sent).toEqual([])
  })
})

describe('an SLO', () => {
  it('has the error budget left and the burn rates worked out by hand, and fires on its burn-rate alert', async () => {
    const alerts = engine(
      'webhook: http://hooks.test/s\nslos:\n  - { name: Good LCP, vital: LCP, objective: 0.9, window: 28d, burnRates: [{ long: 1h, short: 5m, factor: 4 }] }',
    )
    // 40 LCPs over the 28 days, 36 good: budget 10 % of 40 = 4 bad allowed; 2 bad more than two
    // days ago, 2 in the last 5 minutes, beside 2 good ones in the last hour.
    await post(
      ...Array.from({ length: 34 }, (_, i) => lcp(NOW - (2 + i / 2) * 24 * HOUR, 1200)),
      lcp(NOW - 3 * 24 * HOUR, 4100), lcp(NOW - 4 * 24 * HOUR, 2600),
      lcp(NOW - 40 * MIN, 2000), lcp(NOW - 30 * MIN, 2100), lcp(NOW - 3 * MIN, 5000), lcp(NOW - 2 * MIN, 2501),
      // Older than the window: not counted.
      lcp(NOW - 29 * 24 * HOUR, 9000),
    )
    await alerts.evaluate()
    const status = alerts.status().rules[0]
    // 4 bad of 4 allowed: none left. 1 h: 2 bad of 4 = 50 %, over the budgeted 10 %: 5×; 5 min: 2 of 2: 10×.
    expect(status.slo).toMatchObject({ good: 2500, total: 40, goodCount: 36, sli: 0.9, burnRates: [{ factor: 4, firing: true }] })
    expect(status.slo!.burnRates[0].longRate).toBeCloseTo(5, 12)
    expect(status.slo!.burnRates[0].shortRate).toBeCloseTo(10, 12)
    expect(status.slo!.budgetRemaining).toBeCloseTo(0, 12)
    expect(status.state).toBe('firing')
    expect(sent.map((s) => s.notification.text)).toEqual(['[FIRING] Good LCP: SLO Good LCP: the error budget burns at 5.0× over 1 h and 10.0× over 5 min (alert at 4×); 0.0 % of the budget left'])

    // Ten fast pages: the 5-minute window burns at 2 of 12 = 1.7×, under 4: resolved, though the hour still burns at 2 of 14 (1.4×).
    await post(...Array.from({ length: 10 }, (_, i) => lcp(NOW - MIN + i, 800)))
    now += 1000
    await alerts.evaluate()
    expect(alerts.status().rules[0].slo!.budgetRemaining).toBeCloseTo(1 - 4 / (0.1 * 50), 12)
    expect(sent.map((s) => s.notification.status)).toEqual(['firing', 'resolved'])
  })
})

describe('failures', () => {
  it('records an undelivered notification and does not send it again while the alert fires', async () => {
    const { rules } = parseAlertRules('webhook: http://hooks.test/x\nalerts:\n  - { name: Errors, kind: errorRate, above: 0.1 }')
    const logged: string[] = []
    let calls = 0
    const send = async () => {
      calls++
      throw new Error('HTTP 500')
    }
    const alerts = createAlerts({ store, rules, now: () => now, log: (line) => logged.push(line), send })
    expect(alerts.status().rules[0].state).toBe('pending')
    const v = view(NOW - MIN)
    await post(v, { ...error(NOW - MIN, 'pay'), viewId: v.viewId })
    await alerts.evaluate()
    await alerts.evaluate()
    expect(calls).toBe(1)
    expect(alerts.status().history).toMatchObject([{ state: 'firing', delivered: false }])
    expect(logged).toEqual(['rumlet collector: alert "Errors" not delivered to its webhook: HTTP 500'])
  })

  it('shows a failing query as an error and keeps what fired', async () => {
    const alerts = engine('alerts:\n  - { name: Errors, kind: errorRate, above: 0.1 }')
    const v = view(NOW - MIN)
    await post(v, { ...error(NOW - MIN, 'pay'), viewId: v.viewId })
    await alerts.evaluate()
    expect(alerts.status().rules[0].state).toBe('firing')
    await store.close()
    await alerts.evaluate()
    expect(alerts.status().rules[0]).toMatchObject({ state: 'error', firing: [{ key: '' }] })
    expect(alerts.status().rules[0].error).toBeTruthy()
    store = await openStore(':memory:')
  })
})
