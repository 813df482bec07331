import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { RumEvent } from '../src/wire'
import { startTestServer } from './startTestServer'

// The dashboard's numbers, from a real server over a real in-memory DuckDB, checked against the
// same figures worked out here from the events posted.

const T0 = 1_700_000_000_000
const HOUR = 3600e3
let n = 0
const base = (sessionId: string, time: number, url = 'https://shop.example/') => ({ id: `e${n++}`, time, sessionId, viewId: `v-${sessionId}`, url, app: 'shop', env: 'prod' })
const vital = (name: string, metricId: string, value: number, rating: string, time = T0, more: object = {}) =>
  ({ ...base('s1', time), type: 'vital', name, value, delta: value, rating, metricId, ...more }) as RumEvent
/** An error thrown in function `where` of app.js; the snippet's own fingerprint is not what the collector groups on. */
const error = (sessionId: string, where: string, count: number, time: number, message = 'boom') =>
  ({ ...base(sessionId, time), type: 'error', message, errorType: 'TypeError', stack: `TypeError: ${message}\n    at ${where} (https://shop.example/app.js:1:${where.length * 10})`, source: 'onerror', count, fingerprint: 'snippet' }) as RumEvent

/** p75 as DuckDB's quantile_cont has it: linear between the two nearest ranks. */
function p75(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (sorted.length - 1) * 0.75
  const low = Math.floor(at)
  return sorted[low] + (sorted[Math.min(low + 1, sorted.length - 1)] - sorted[low]) * (at - low)
}

let url: string
let stop: () => Promise<void>

beforeEach(async () => {
  ;({ url, stop } = await startTestServer('dashboard'))
})

afterEach(async () => {
  await stop()
})

const post = async (...events: RumEvent[]) => {
  const response = await fetch(`${url}/rum`, { method: 'POST', body: JSON.stringify({ schema: 1, sdk: '0.1.0', events }) })
  expect(response.status).toBe(200)
}
const summary = async (query = '') => {
  const response = await fetch(`${url}/api/summary${query}`)
  expect(response.status).toBe(200)
  return response.json() as Promise<{ vitals: Record<string, unknown>[]; byPage: Record<string, unknown>[]; errors: Record<string, unknown>[]; sessions: Record<string, unknown>[] }>
}

describe('GET /api/summary', () => {
  it('gives the p75 of each vital over one value per metric, the latest report of each, and the share of each rating', async () => {
    const lcp = [1200, 2100, 2600, 4800, 900]
    await post(
      ...lcp.map((value, i) => vital('LCP', `lcp-${i}`, value, value <= 2500 ? 'good' : value <= 4000 ? 'needs-improvement' : 'poor', T0 + i)),
      // CLS grows until the page is hidden: only its last report counts.
      vital('CLS', 'cls-1', 0.02, 'good', T0), vital('CLS', 'cls-1', 0.3, 'poor', T0 + 5000),
      vital('CLS', 'cls-2', 0.05, 'good', T0 + 10),
    )
    const { vitals } = await summary()
    expect(vitals.map((v) => v.name)).toEqual(['LCP', 'CLS'])
    expect(vitals[0]).toMatchObject({ name: 'LCP', samples: 5, good: 3 / 5, needsImprovement: 1 / 5, poor: 1 / 5 })
    expect(vitals[0].p75).toBeCloseTo(p75(lcp), 9)
    expect(vitals[1]).toMatchObject({ name: 'CLS', samples: 2, good: 0.5, poor: 0.5 })
    expect(vitals[1].p75).toBeCloseTo(p75([0.3, 0.05]), 9)
  })

  it('groups vitals by page: the route when the page names one, else the path; samples are the views measured', async () => {
    await post(
      vital('LCP', 'a', 1000, 'good', T0, { url: 'https://shop.example/product/1?ref=x', route: '/product/[id]', viewId: 'v1' }),
      vital('CLS', 'a-cls', 0.2, 'needs-improvement', T0, { url: 'https://shop.example/product/1?ref=x', route: '/product/[id]', viewId: 'v1' }),
      vital('LCP', 'b', 3000, 'needs-improvement', T0, { url: 'https://shop.example/product/2', route: '/product/[id]', viewId: 'v2' }),
      vital('LCP', 'c', 500, 'good', T0, { url: 'https://shop.example/cart?step=2#top', viewId: 'v3' }),
    )
    const { byPage } = await summary()
    expect(byPage.map(({ group, name, samples, p75 }) => ({ group, name, samples, p75 }))).toEqual([
      { group: '/product/[id]', name: 'LCP', samples: 2, p75: p75([1000, 3000]) },
      { group: '/product/[id]', name: 'CLS', samples: 1, p75: 0.2 },
      { group: '/cart', name: 'LCP', samples: 1, p75: 500 },
    ])
  })

  it('gives the same vitals and pages as /api/vitals and /api/vitals?by=page, the 50 most measured pages', async () => {
    const events: RumEvent[] = []
    for (let page = 0; page < 55; page++)
      for (let i = 0; i <= page % 4; i++) {
        const more = { url: `https://shop.example/p${page}`, viewId: `v${page}-${i}` }
        events.push(vital('LCP', `l${page}-${i}`, 100 * page + i, 'good', T0 + i, more), vital('INP', `i${page}-${i}`, page + i, 'good', T0 + i, more))
      }
    await post(...events)
    const read = async (path: string) => (await (await fetch(`${url}${path}`)).json()).vitals
    const { vitals, byPage } = await summary()
    expect(byPage.length).toBe(100)
    expect(vitals).toEqual(await read('/api/vitals'))
    expect(byPage).toEqual(await read('/api/vitals?by=page'))
  })

  it('puts a vital on the page of the view it measures, though reported from the next URL', async () => {
    await post(
      { ...base('s1', T0, 'https://shop.example/a'), viewId: 'va', type: 'page_view', referrer: '', navigationType: 'navigate' } as RumEvent,
      // CLS of the first view, reported at hide after a route change to /b.
      vital('CLS', 'cls-a', 0.2, 'needs-improvement', T0 + 9000, { url: 'https://shop.example/b', viewId: 'va' }),
      vital('LCP', 'lcp-c', 900, 'good', T0, { url: 'https://shop.example/c', viewId: 'vc' }),
    )
    const { byPage } = await summary()
    expect(byPage.map((row) => [row.group, row.name])).toEqual([['/a', 'CLS'], ['/c', 'LCP']])
  })

  it('groups errors by type, message without its numbers and top frame, summing their counts over the sessions they hit, most frequent first', async () => {
    await post(
      error('s1', 'load', 3, T0, 'timeout after 3012 ms'),
      error('s2', 'load', 2, T0 + 100, 'timeout after 3187 ms'),
      error('s1', 'save', 1, T0 + 50, 'timeout after 3012 ms'),
    )
    const { errors } = await summary()
    expect(errors).toMatchObject([
      { count: 5, sessions: 2, errorType: 'TypeError', message: 'timeout after 3187 ms', firstSeen: T0, lastSeen: T0 + 100, stack: expect.stringContaining('at load') },
      { count: 1, sessions: 1, message: 'timeout after 3012 ms' },
    ])
    expect(errors[0].fingerprint).not.toBe(errors[1].fingerprint)
  })

  it('lists sessions, the latest first: their length, user, entry page and what happened', async () => {
    await post(
      { ...base('s1', T0), type: 'page_view', referrer: '', navigationType: 'navigate', url: 'https://shop.example/landing' } as RumEvent,
      { ...base('s1', T0 + 60_000), type: 'action', name: 'buy', duration: 0, ok: true, source: 'api', userId: 'u-7' } as RumEvent,
      error('s1', 'f1', 4, T0 + 90_000),
      { ...base('s2', T0 + 10), type: 'page_view', referrer: '', navigationType: 'navigate' } as RumEvent,
    )
    const { sessions } = await summary()
    const device = { browser: null, os: null, device: null } // fetch sends no browser's User-Agent
    expect(sessions).toEqual([
      { sessionId: 's1', start: T0, end: T0 + 90_000, userId: 'u-7', entryUrl: 'https://shop.example/landing', ...device, pageViews: 1, actions: 1, errors: 4, events: 3 },
      { sessionId: 's2', start: T0 + 10, end: T0 + 10, userId: null, entryUrl: 'https://shop.example/', ...device, pageViews: 1, actions: 0, errors: 0, events: 1 },
    ])
  })

  it('filters on since, app and env', async () => {
    await post(
      vital('LCP', 'old', 9000, 'poor', T0 - 2 * HOUR),
      vital('LCP', 'new', 1000, 'good', T0),
      { ...vital('LCP', 'other-app', 5000, 'poor', T0), app: 'blog' } as RumEvent,
      { ...vital('LCP', 'staging', 7000, 'poor', T0), env: 'staging' } as RumEvent,
    )
    expect((await summary()).vitals[0].samples).toBe(4)
    expect((await summary(`?since=${T0 - HOUR}`)).vitals[0].samples).toBe(3)
    expect((await summary(`?since=${T0 - HOUR}&app=shop&env=prod`)).vitals[0]).toMatchObject({ samples: 1, p75: 1000 })
    expect((await summary('?app=nobody')).vitals).toEqual([])
  })

  it('refuses a since that is not a whole number with 400', async () => {
    const response = await fetch(`${url}/api/summary?since=yesterday`)
    expect(response.status).toBe(400)
    expect(((await response.json()) as { error: string }).error).toMatch(/since/)
  })
})
