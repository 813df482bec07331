import type { HttpBindings } from '@hono/node-server'
import type { Hono } from 'hono'
import { HttpError } from '../server/HttpError'
import type { Store } from '../store/openStore'
import { BREAKDOWNS, breakdownSql, FACETS, RELEASES } from './breakdownQueries'
import { errorGroupsSql } from './errorQueries'
import { filterParams, oneOf, readFilter, whole } from './readFilter'
import { ERROR_TIMELINE, LOSS_TIMELINE } from './trendQueries'

const HOUR = 3_600_000
const MIN_BUCKET = 60_000
const FACET_NAMES = ['app', 'env', 'release', 'browser', 'device'] as const
const parseJson = (text: unknown) => (typeof text === 'string' ? JSON.parse(text) : null)

/**
 * The reads the dashboard needs beyond addQueryRoutes' (README, *Query API*), with the same
 * common filter (`since`, `until`, `app`, `env`, `release`, `browser`, `device`, `page`), times
 * in epoch ms, a bad parameter answered 400 naming it.
 */
export function addDashboardRoutes(app: Hono<{ Bindings: HttpBindings }>, store: Store) {
  const params = (url: string) => new URL(url).searchParams
  const run = (sql: string, url: string, ...extra: unknown[]) => store.query(sql, [...filterParams(readFilter(params(url))), ...extra] as never[])
  const bucketOf = (url: string) => whole(params(url), 'bucket', MIN_BUCKET, 366 * 24 * HOUR) ?? HOUR

  /** GET /api/breakdown?by=page|release|browser|os|device (required): `{groups: [{group, pageViews, sessions, errors, errorRate, firstSeen, lastSeen}]}`. */
  app.get('/api/breakdown', async (c) => {
    const by = oneOf(params(c.req.url), 'by', BREAKDOWNS)
    if (!by) throw new HttpError(400, `by must be one of ${BREAKDOWNS.join(', ')}`)
    return c.json({ groups: await run(breakdownSql(by), c.req.url) })
  })

  /** GET /api/releases: `{releases: [{release, firstSeen, lastSeen, pageViews, sessions, errors}]}`, oldest first; first and last seen of all time. */
  app.get('/api/releases', async (c) => c.json({ releases: await run(RELEASES, c.req.url) }))

  /** GET /api/facets?since&until: `{app, env, release, browser, device}`, each `[{value, events}]`, the values seen in the range. */
  app.get('/api/facets', async (c) => {
    const { since, until } = readFilter(params(c.req.url))
    const rows = await store.query(FACETS, [since, until])
    const facets = Object.fromEntries(FACET_NAMES.map((name) => [name, [] as { value: unknown; events: unknown }[]]))
    for (const { dimension, value, events } of rows) facets[dimension as string].push({ value, events })
    return c.json(facets)
  })

  /** GET /api/errors/FINGERPRINT?bucket=MS: `{error, buckets: [{start, count, sessions}]}`, the group as in /api/errors and its trend; 404 when not seen. */
  app.get('/api/errors/:fingerprint', async (c) => {
    const fingerprint = c.req.param('fingerprint')
    const [group] = await run(errorGroupsSql(true), c.req.url, 1, fingerprint)
    if (!group) throw new HttpError(404, 'no error of this group in this range')
    const buckets = await run(ERROR_TIMELINE, c.req.url, bucketOf(c.req.url), fingerprint)
    return c.json({ error: { ...group, frames: parseJson(group.frames) }, buckets })
  })

  /** GET /api/loss/timeline?bucket=MS: `{buckets: [{start, reason, dropped}]}`. */
  app.get('/api/loss/timeline', async (c) => c.json({ buckets: await run(LOSS_TIMELINE, c.req.url, bucketOf(c.req.url)) }))
}
