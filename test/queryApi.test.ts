import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestServer } from './startTestServer'

// The query API over a seeded dataset posted to a real server: every number is checked against
// the same figure worked out here from the events posted.

const T0 = 1_700_000_000_000
const HOUR = 3_600_000
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'
const IPHONE = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1'

let seed = 42
const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646
/** A percentile as DuckDB's quantile_cont has it: linear between the two nearest ranks. */
function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * p
  const low = Math.floor(at)
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low)
}
const rate = (lcp: number) => (lcp <= 2500 ? 'good' : lcp <= 4000 ? 'needs-improvement' : 'poor')

let url: string
let stop: () => Promise<void>
const lcp: Record<string, number[]> = { Chrome: [], Safari: [] }
const durations: number[] = []
let n = 0
const base = (sessionId: string, time: number) => ({ id: `e${n++}`, time, sessionId, viewId: `v-${sessionId}`, url: 'https://shop.example/cart', release: '2.0' })

beforeAll(async () => {
  ;({ url, stop } = await startTestServer('query'))
  for (const [browser, userAgent] of [['Chrome', CHROME], ['Safari', IPHONE]]) {
    for (let s = 0; s < 20; s++) {
      const sessionId = `${browser}-${s}`
      const time = T0 + (s % 3) * HOUR
      const value = Math.round(random() * 6000)
      lcp[browser].push(value)
      const duration = Math.round(random() * 500)
      durations.push(duration)
      const events = [
        { ...base(sessionId, time), type: 'page_view', referrer: '', navigationType: 'navigate' },
        // Reported twice: only the last report counts.
        { ...base(sessionId, time + 1), type: 'vital', name: 'LCP', value: value / 2, delta: value / 2, rating: rate(value / 2), metricId: `lcp-${sessionId}` },
        { ...base(sessionId, time + 2), type: 'vital', name: 'LCP', value, delta: value / 2, rating: rate(value), metricId: `lcp-${sessionId}` },
        { ...base(sessionId, time + 3), type: 'action', name: 'checkout', duration, ok: s % 4 !== 0, source: 'click', frustration: s % 5 === 0 ? ['rage', 'error'] : undefined },
        { ...base(sessionId, time + 4), type: 'error', message: `timeout after ${s} ms`, errorType: 'Error', stack: 'Error: t\n    at pay (https://shop.example/app.js:1:9)', source: 'error', count: 2, fingerprint: 'x', release: s < 10 ? '1.9' : '2.0' },
        { ...base(sessionId, time + 5), type: 'dropped', counts: { queue_full: 3, expired: s % 2 } },
      ].map((event) => (event.type === 'dropped' && s % 2 === 0 ? { ...event, counts: { queue_full: 3 } } : event))
      const response = await fetch(`${url}/rum`, { method: 'POST', headers: { 'User-Agent': userAgent }, body: JSON.stringify({ events }) })
      expect(response.status).toBe(200)
    }
  }
})
afterAll(async () => {
  await stop()
})

const get = async (path: string) => {
  const response = await fetch(`${url}${path}`)
  expect(response.status, path).toBe(200)
  return response.json() as Promise<Record<string, Record<string, unknown>[]>>
}

describe('GET /api/vitals', () => {
  it('gives p50, p75 and p95 of the last report of each metric, and the rating shares', async () => {
    const all = [...lcp.Chrome, ...lcp.Safari]
    const [row] = (await get('/api/vitals')).vitals
    expect(row).toMatchObject({ name: 'LCP', samples: 40, good: all.filter((v) => v <= 2500).length / 40, poor: all.filter((v) => v > 4000).length / 40 })
    for (const p of [0.5, 0.75, 0.95]) expect(row[`p${p * 100}`]).toBeCloseTo(percentile(all, p), 9)
  })

  it('by browser and device, from the User-Agent', async () => {
    const rows = (await get('/api/vitals?by=browser')).vitals
    for (const browser of ['Chrome', 'Safari']) {
      const row = rows.find((r) => r.group === browser)!
      expect(row.samples).toBe(20)
      expect(row.p75).toBeCloseTo(percentile(lcp[browser], 0.75), 9)
    }
    expect((await get('/api/vitals?by=device')).vitals.map((r) => r.group).sort()).toEqual(['desktop', 'mobile'])
  })

  it('over time buckets', async () => {
    const buckets = (await get(`/api/vitals/timeline?bucket=${HOUR}&name=LCP`)).buckets
    expect(buckets.map((b) => b.start)).toEqual([T0, T0 + HOUR, T0 + 2 * HOUR].map((t) => t - (t % HOUR)))
    expect(buckets.reduce((sum, b) => sum + (b.samples as number), 0)).toBe(40)
  })

  it('refuses a group it does not know with 400', async () => {
    expect((await fetch(`${url}/api/vitals?by=country`)).status).toBe(400)
  })
})

describe('the other queries', () => {
  it('traffic: page views, sessions and actions per bucket', async () => {
    const buckets = (await get(`/api/traffic?bucket=${HOUR}`)).buckets
    expect(buckets.reduce((sum, b) => sum + (b.pageViews as number), 0)).toBe(40)
    expect(buckets.reduce((sum, b) => sum + (b.sessions as number), 0)).toBe(40)
    expect(buckets.reduce((sum, b) => sum + (b.errors as number), 0)).toBe(80)
  })

  it('actions: count, duration percentiles, success rate and frustration signals', async () => {
    const [row] = (await get('/api/actions')).actions
    expect(row).toMatchObject({ name: 'checkout', count: 40, sessions: 40, successRate: 30 / 40, rage: 8, dead: 0, error: 8 })
    expect(row.p95).toBeCloseTo(percentile(durations, 0.95), 9)
  })

  it('errors: one group for messages that differ in numbers, its sessions, releases and a sample with frames', async () => {
    const [group, ...others] = (await get('/api/errors')).errors
    expect(others).toEqual([])
    expect(group).toMatchObject({ count: 80, sessions: 40, releases: ['1.9', '2.0'], firstSeen: T0 + 4 })
    expect(group.frames).toEqual([{ function: 'pay', file: 'https://shop.example/app.js', line: 1, column: 9 }])
  })

  it('loss: what the snippets dropped, by reason', async () => {
    expect((await get('/api/loss')).dropped).toEqual([
      { reason: 'queue_full', dropped: 120, sessions: 40 },
      { reason: 'expired', dropped: 20, sessions: 20 },
    ])
  })

  it("one session's timeline, oldest first, with the events as sent", async () => {
    const { events } = await get('/api/sessions/Safari-3')
    expect(events.map((e) => e.type)).toEqual(['page_view', 'vital', 'vital', 'action', 'error', 'dropped'])
    expect(events[0]).toMatchObject({ time: T0, page: '/cart', browser: 'Safari', device: 'mobile', event: { id: expect.any(String), type: 'page_view' } })
  })

  it('filters on since and until', async () => {
    const rows = (await get(`/api/vitals?since=${T0 + HOUR}&until=${T0 + 2 * HOUR}`)).vitals
    expect(rows[0].samples).toBe(lcp.Chrome.filter((_, s) => s % 3 === 1).length * 2)
  })
})
