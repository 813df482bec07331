import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROME, IPHONE, queryClient } from './queryClient'
import { startTestServer } from './startTestServer'

// The routes the dashboard adds to the query API (query/addDashboardRoutes.ts) and the common
// filter's release, browser, device and page, over events posted to a real server and DuckDB.

const T0 = 1_700_000_000_000
const HOUR = 3_600_000

let url: string
let stop: () => Promise<void>
let n = 0
const base = (sessionId: string, time: number, release: string, path = '/cart') =>
  ({ id: `e${n++}`, time, sessionId, viewId: `v-${sessionId}-${path.slice(1)}`, url: `https://shop.example${path}`, release, app: 'shop', env: 'prod' })
const view = (sessionId: string, time: number, release: string, path?: string) => ({ ...base(sessionId, time, release, path), type: 'page_view', referrer: '', navigationType: 'navigate' })
const error = (sessionId: string, time: number, release: string, count: number, where = 'pay') =>
  ({ ...base(sessionId, time, release), type: 'error', message: 'boom', errorType: 'TypeError', stack: `TypeError: boom\n    at ${where} (https://shop.example/app.js:1:9)`, source: 'onerror', count, fingerprint: 'x' })

const { post, get } = queryClient(() => url)

beforeAll(async () => {
  ;({ url, stop } = await startTestServer('dashroutes'))
  // Release 1.0 from T0 (Chrome, desktop), 1.1 from T0 + 2 h (iPhone, mobile); /cart and /home.
  await post(CHROME, [view('a', T0, '1.0'), view('a', T0 + 60_000, '1.0', '/home'), error('a', T0 + 1000, '1.0', 2), view('b', T0 + HOUR, '1.0')])
  await post(IPHONE, [
    view('c', T0 + 2 * HOUR, '1.1'), error('c', T0 + 2 * HOUR + 5, '1.1', 3), error('c', T0 + 2 * HOUR + 6, '1.1', 1, 'save'),
    { ...base('c', T0 + 2 * HOUR + 9, '1.1'), type: 'dropped', counts: { queue_full: 4, expired: 1 } },
    { ...base('d', T0 + 3 * HOUR, '1.1'), type: 'dropped', counts: { queue_full: 2 } },
  ])
})
afterAll(async () => {
  await stop()
})

describe('GET /api/breakdown', () => {
  it('counts page views, sessions, errors and errors per page view by browser, device, release and page', async () => {
    expect((await get('/api/breakdown?by=browser')).groups).toEqual([
      { group: 'Chrome', pageViews: 3, sessions: 2, errors: 2, errorRate: 2 / 3, firstSeen: T0, lastSeen: T0 + HOUR },
      { group: 'Safari', pageViews: 1, sessions: 2, errors: 4, errorRate: 4, firstSeen: T0 + 2 * HOUR, lastSeen: T0 + 3 * HOUR },
    ])
    expect((await get('/api/breakdown?by=device')).groups.map((g) => [g.group, g.pageViews])).toEqual([['desktop', 3], ['mobile', 1]])
    expect((await get('/api/breakdown?by=page')).groups.map((g) => [g.group, g.pageViews, g.errors])).toEqual([['/cart', 3, 6], ['/home', 1, 0]])
  })

  it('needs by, one of the known columns', async () => {
    for (const query of ['', '?by=password']) {
      const response = await fetch(`${url}/api/breakdown${query}`)
      expect(response.status).toBe(400)
      expect(((await response.json()) as { error: string }).error).toMatch(/^by must be one of page, release/)
    }
  })
})

describe('the common filter', () => {
  it('takes release, browser, device and page on the routes of issue 15 too', async () => {
    expect((await get('/api/traffic?bucket=86400000&release=1.1')).buckets).toMatchObject([{ pageViews: 1, errors: 4, sessions: 2 }])
    expect((await get('/api/sessions?browser=Chrome')).sessions.map((s) => s.sessionId)).toEqual(['b', 'a'])
    expect((await get('/api/errors?device=desktop')).errors.map((e) => e.count)).toEqual([2])
    expect((await get('/api/traffic?bucket=86400000&page=/home')).buckets).toMatchObject([{ pageViews: 1, events: 1 }])
  })
})

describe('GET /api/releases', () => {
  it('lists releases oldest first with their first event of all time, though the range starts later', async () => {
    expect((await get(`/api/releases?since=${T0 + HOUR}`)).releases).toEqual([
      { release: '1.0', firstSeen: T0, lastSeen: T0 + HOUR, pageViews: 1, sessions: 1, errors: 0 },
      { release: '1.1', firstSeen: T0 + 2 * HOUR, lastSeen: T0 + 3 * HOUR, pageViews: 1, sessions: 2, errors: 4 },
    ])
  })
})

describe('GET /api/facets', () => {
  it('gives the values each filter can take in the range, most events first', async () => {
    const facets = await get(`/api/facets?since=${T0 + 90 * 60_000}`)
    expect(facets).toEqual({
      app: [{ value: 'shop', events: 5 }],
      env: [{ value: 'prod', events: 5 }],
      release: [{ value: '1.1', events: 5 }],
      browser: [{ value: 'Safari', events: 5 }],
      device: [{ value: 'mobile', events: 5 }],
    })
  })
})

describe('GET /api/errors/FINGERPRINT', () => {
  it('gives one group, as /api/errors does, with its occurrences per bucket', async () => {
    const [pay] = (await get('/api/errors')).errors
    const { error, buckets } = await get(`/api/errors/${pay.fingerprint}?bucket=${HOUR}`)
    expect(error).toEqual(pay)
    expect(buckets).toEqual([{ start: T0 - (T0 % HOUR), count: 2, sessions: 1 }, { start: T0 + 2 * HOUR - (T0 % HOUR), count: 3, sessions: 1 }])
  })

  it('answers 404 for a group not seen in the range', async () => {
    const [pay] = (await get('/api/errors')).errors
    expect((await fetch(`${url}/api/errors/${pay.fingerprint}?since=${T0 + 4 * HOUR}`)).status).toBe(404)
  })
})

describe('GET /api/loss/timeline', () => {
  it('sums the dropped counts per bucket and reason', async () => {
    expect((await get(`/api/loss/timeline?bucket=${HOUR}`)).buckets).toEqual([
      { start: T0 + 2 * HOUR - (T0 % HOUR), reason: 'expired', dropped: 1 },
      { start: T0 + 2 * HOUR - (T0 % HOUR), reason: 'queue_full', dropped: 4 },
      { start: T0 + 3 * HOUR - (T0 % HOUR), reason: 'queue_full', dropped: 2 },
    ])
  })
})
