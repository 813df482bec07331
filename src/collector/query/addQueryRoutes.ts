import type { HttpBindings } from '@hono/node-server'
import type { Hono } from 'hono'
import type { Store } from '../store/openStore'
import { ACTIONS, LOSS, TRAFFIC } from './activityQueries'
import { SUMMARY } from './dashboardQueries'
import { ERROR_GROUPS } from './errorQueries'
import { filterParams, oneOf, readFilter, whole } from './readFilter'
import { SESSION_TIMELINE, SESSIONS } from './sessionQueries'
import { VITAL_GROUPS, VITALS_OVER_TIME, vitalsSql } from './vitalQueries'

const HOUR = 3_600_000
/** Smallest bucket: a minute; a day's range is then 1,440 buckets at most. */
const MIN_BUCKET = 60_000
const VITAL_NAMES = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const
const parseJson = (text: unknown) => (typeof text === 'string' ? JSON.parse(text) : null)

/**
 * The read API, JSON over GET (see the README's *Query API*). Every route takes the common filter
 * (readFilter.ts): `since` and `until` (epoch ms, corrected event times; default: all), `app`,
 * `env`, `release`, `browser`, `device` and `page`; times in answers are epoch ms, durations ms.
 * A bad parameter gets 400 naming it.
 */
export function addQueryRoutes(app: Hono<{ Bindings: HttpBindings }>, store: Store) {
  const params = (url: string) => new URL(url).searchParams
  const run = (sql: string, url: string, ...extra: unknown[]) => store.query(sql, [...filterParams(readFilter(params(url))), ...extra] as never[])
  const bucketOf = (url: string) => whole(params(url), 'bucket', MIN_BUCKET, 366 * 24 * HOUR) ?? HOUR

  /** GET /api/events?type&sessionId&since&limit: `{events}` as they came over the wire, oldest first (limit 1–100,000, default 1,000). */
  app.get('/api/events', async (c) => {
    const query = params(c.req.url)
    const events = await store.events({
      type: query.get('type') || undefined,
      sessionId: query.get('sessionId') || undefined,
      since: whole(query, 'since', 0, 8.64e15),
      limit: whole(query, 'limit', 1, 100_000) ?? 1000,
    })
    return c.json({ events })
  })

  /** GET /api/vitals?by=page|release|browser|os|device: `{vitals: [{name, group?, samples, p50, p75, p95, good, needsImprovement, poor}]}`. */
  app.get('/api/vitals', async (c) => c.json({ vitals: await run(vitalsSql(oneOf(params(c.req.url), 'by', VITAL_GROUPS)), c.req.url) }))

  /** GET /api/vitals/timeline?bucket=ms&name=LCP: `{buckets: [{start, name, samples, p50, p75, p95, good, needsImprovement, poor}]}`; bucket default 1 h. */
  app.get('/api/vitals/timeline', async (c) =>
    c.json({ buckets: await run(VITALS_OVER_TIME, c.req.url, bucketOf(c.req.url), oneOf(params(c.req.url), 'name', VITAL_NAMES) ?? null) }),
  )

  /** GET /api/traffic?bucket=ms: `{buckets: [{start, pageViews, sessions, actions, errors, events}]}`; bucket default 1 h. */
  app.get('/api/traffic', async (c) => c.json({ buckets: await run(TRAFFIC, c.req.url, bucketOf(c.req.url)) }))

  /** GET /api/actions: `{actions: [{name, count, sessions, p50, p75, p95, successRate, rage, dead, error}]}`, the 100 most frequent. */
  app.get('/api/actions', async (c) => c.json({ actions: await run(ACTIONS, c.req.url) }))

  /** GET /api/errors?limit=50: `{errors: [{fingerprint, errorType, message, count, sessions, firstSeen, lastSeen, releases, release, url, stack, frames}]}`. */
  app.get('/api/errors', async (c) => {
    const rows = await run(ERROR_GROUPS, c.req.url, whole(params(c.req.url), 'limit', 1, 1000) ?? 50)
    return c.json({ errors: rows.map((row) => ({ ...row, frames: parseJson(row.frames) })) })
  })

  /** GET /api/loss: `{dropped: [{reason, dropped, sessions}]}`, the events snippets lost before sending, by reason. */
  app.get('/api/loss', async (c) => c.json({ dropped: await run(LOSS, c.req.url) }))

  /** GET /api/sessions?limit=50: `{sessions: [{sessionId, start, end, userId, entryUrl, browser, os, device, pageViews, actions, errors, events}]}`, latest first. */
  app.get('/api/sessions', async (c) => c.json({ sessions: await run(SESSIONS, c.req.url, whole(params(c.req.url), 'limit', 1, 1000) ?? 50) }))

  /** GET /api/sessions/:id: `{sessionId, events: [{time, type, page, fingerprint, frames, browser, os, device, event}]}`, oldest first. */
  app.get('/api/sessions/:id', async (c) => {
    const rows = await store.query(SESSION_TIMELINE, [c.req.param('id')])
    const events = rows.map(({ body, frames, ...row }) => ({ ...row, frames: parseJson(frames), event: parseJson(body) }))
    return c.json({ sessionId: c.req.param('id'), events })
  })

  /** GET /api/summary: what the dashboard shows, `{vitals, byPage, errors, sessions}` (shapes as /api/vitals, ?by=page, /api/errors, /api/sessions). */
  app.get('/api/summary', async (c) => {
    const [vitalRows, errors, sessions] = await Promise.all([run(SUMMARY.vitals, c.req.url), run(SUMMARY.errors, c.req.url, 50), run(SUMMARY.sessions, c.req.url, 50)])
    const vitals = vitalRows.filter((row) => row.overall).map(({ overall, group, ...row }) => row)
    const byPage = vitalRows.filter((row) => !row.overall).map(({ overall, ...row }) => row)
    return c.json({ vitals, byPage, errors: errors.map((row) => ({ ...row, frames: parseJson(row.frames) })), sessions })
  })
}
