import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROME, IPHONE, queryClient } from './queryClient'
import { startTestServer } from './startTestServer'

// The dashboard's filters (release, browser, device, page, app, env and the time range) on the
// vitals routes, which read the `vitals` table (one row per metric, its last report) rather
// than `events`: every filter the dashboard passes narrows them as it narrows the other routes.

const T0 = 1_700_000_000_000
const HOUR = 3_600_000

let url: string
let stop: () => Promise<void>
let n = 0
/** A path as ids may hold it: `/cart` → `-cart`. */
const slug = (path: string) => path.replace(/\W/g, '-')
const base = (sessionId: string, time: number, release: string, path: string, env = 'prod') =>
  ({ id: `e${n++}`, time, sessionId, viewId: `v-${sessionId}${slug(path)}`, url: `https://shop.example${path}`, release, app: 'shop', env })
const view = (sessionId: string, time: number, release: string, path: string, env?: string) =>
  ({ ...base(sessionId, time, release, path, env), type: 'page_view', referrer: '', navigationType: 'navigate' })
const vital = (sessionId: string, time: number, release: string, path: string, name: string, value: number, env?: string) =>
  ({ ...base(sessionId, time, release, path, env), type: 'vital', name, value, delta: value, rating: 'good', metricId: `${name}-${sessionId}${slug(path)}` })

const { post, get } = queryClient(() => url)
/** Each row's name (and group), samples and p50, for comparing. */
const brief = (rows: Record<string, unknown>[]) => rows.map(({ name, group, samples, p50 }) => (group === undefined ? [name, samples, p50] : [name, group, samples, p50]))

beforeAll(async () => {
  ;({ url, stop } = await startTestServer('vitalfilters'))
  // Chrome on a desktop, release 1.0: /cart (LCP reported twice, 800 then 1000) and /home (3000).
  await post(CHROME, [
    view('a', T0, '1.0', '/cart'), vital('a', T0 + 1, '1.0', '/cart', 'LCP', 800), vital('a', T0 + 2, '1.0', '/cart', 'LCP', 1000),
    view('a', T0 + 60_000, '1.0', '/home'), vital('a', T0 + 60_001, '1.0', '/home', 'LCP', 3000),
  ])
  // An iPhone, release 1.1, two hours later: /cart (LCP 5000, CLS 0.3); and one LCP in staging.
  await post(IPHONE, [
    view('b', T0 + 2 * HOUR, '1.1', '/cart'), vital('b', T0 + 2 * HOUR + 1, '1.1', '/cart', 'LCP', 5000), vital('b', T0 + 2 * HOUR + 2, '1.1', '/cart', 'CLS', 0.3),
    view('c', T0 + 2 * HOUR, '1.1', '/cart', 'staging'), vital('c', T0 + 2 * HOUR + 1, '1.1', '/cart', 'LCP', 9000, 'staging'),
  ])
})
afterAll(async () => {
  await stop()
})

describe('the common filter on the vitals routes', () => {
  it('narrows /api/vitals by browser, device, release, page and env, each metric counted with its last report', async () => {
    expect(brief((await get('/api/vitals?browser=Chrome')).vitals)).toEqual([['LCP', 2, 2000]])
    expect(brief((await get('/api/vitals?device=mobile&env=prod')).vitals)).toEqual([['LCP', 1, 5000], ['CLS', 1, 0.3]])
    expect(brief((await get('/api/vitals?release=1.0&page=/cart')).vitals)).toEqual([['LCP', 1, 1000]])
    expect(brief((await get('/api/vitals?env=staging')).vitals)).toEqual([['LCP', 1, 9000]])
    expect(brief((await get('/api/vitals?app=other')).vitals)).toEqual([])
  })

  it('narrows the groups of /api/vitals?by= and the dashboard summary', async () => {
    expect(brief((await get('/api/vitals?by=page&browser=Chrome')).vitals)).toEqual([['LCP', '/cart', 1, 1000], ['LCP', '/home', 1, 3000]])
    expect(brief((await get('/api/vitals?by=release&page=/home')).vitals)).toEqual([['LCP', '1.0', 1, 3000]])
    const summary = await get('/api/summary?device=desktop')
    expect(brief(summary.vitals)).toEqual([['LCP', 2, 2000]])
    expect(brief(summary.byPage)).toEqual([['LCP', '/cart', 1, 1000], ['LCP', '/home', 1, 3000]])
  })

  it('narrows /api/vitals/timeline by the filters, the time range and the name', async () => {
    const start = T0 - (T0 % HOUR)
    expect(brief((await get(`/api/vitals/timeline?bucket=${HOUR}&name=LCP&device=desktop`)).buckets)).toEqual([['LCP', 2, 2000]])
    const mobile = (await get(`/api/vitals/timeline?bucket=${HOUR}&browser=Safari&env=prod`)).buckets
    expect(mobile.map(({ start, name, samples }) => [start, name, samples])).toEqual([[start + 2 * HOUR, 'LCP', 1], [start + 2 * HOUR, 'CLS', 1]])
    expect((await get(`/api/vitals/timeline?bucket=${HOUR}&since=${T0 + HOUR}&name=LCP&page=/cart`)).buckets.map((b) => b.samples)).toEqual([2])
  })
})
