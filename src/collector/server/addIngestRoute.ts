import type { Hono, MiddlewareHandler } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { cors } from 'hono/cors'
import type { Ingest } from '../ingest/createIngest'
import type { AccessOptions, App, IngestStats } from './createApp'
import { createRateLimit } from './createRateLimit'
import { HttpError } from './HttpError'
import { MAX_BODY, readBody } from './readBody'

/** What the ingest route shares with the rest of the app: counters it adds to, maintenance it obeys. */
export interface IngestState {
  ingest: Ingest
  stats: IngestStats
  /** Until `until` (epoch ms) POST /rum answers 503 with `Retry-After: retryAfter` (s). */
  maintenance: { until: number; retryAfter: number }
  now: () => number
}

/**
 * `POST /rum` and its CORS preflight: the origin allowlist (403), the per-address rate limit
 * (429), maintenance (503), the body limit (413), then ingest; 200 `{stored, duplicates}` once
 * committed.
 */
export function addIngestRoute(app: Hono<App>, { ingest, stats, maintenance, now }: IngestState, access: AccessOptions) {
  const tooLarge = () => {
    throw new HttpError(413, `body over ${MAX_BODY} bytes`)
  }
  const chunkedLimit = bodyLimit({ maxSize: MAX_BODY, onError: tooLarge })
  // Hono's bodyLimit first asks for `c.req.raw.body`, and that makes @hono/node-server build a
  // WHATWG Request whose body then streams through web streams: ~6 µs an event of the collector's
  // main thread in a profile at 64 senders (bench/RESULTS.md, *Collector ingest, 2026-12-01
  // (branch collector4)*). With a Content-Length (what browsers send) the limit is the header's,
  // as bodyLimit itself decides then, and the body is read straight from Node's request; a chunked
  // body still goes through bodyLimit, which counts it as it comes.
  const limitBody: MiddlewareHandler<App> = async (c, next) => {
    const length = c.req.header('content-length')
    if (length === undefined || c.req.header('transfer-encoding') !== undefined) return chunkedLimit(c, next)
    if (parseInt(length, 10) > MAX_BODY) tooLarge()
    await next()
  }
  const allowOrigins = access.allowOrigins?.length ? new Set(access.allowOrigins) : undefined
  const rateLimit = access.rateLimit ? createRateLimit(access.rateLimit) : undefined
  // Ingest: open to every origin (or those of --allow-origin); the only route that is.
  app.use(
    '/rum',
    cors({
      origin: (origin) => (allowOrigins ? (allowOrigins.has(origin) ? origin : null) : '*'),
      allowMethods: ['POST', 'OPTIONS'],
      allowHeaders: ['Content-Type', 'Content-Encoding'],
      maxAge: 86400,
      // Without this a page on another origin cannot read Retry-After, and retries too early.
      exposeHeaders: ['Retry-After'],
    }),
  )
  app.post(
    '/rum',
    async (c, next) => {
      const origin = c.req.header('origin')
      if (allowOrigins && origin && !allowOrigins.has(origin)) throw new HttpError(403, `origin ${origin} may not post here`)
      const wait = rateLimit?.(c.env.incoming.socket.remoteAddress ?? '', now()) ?? 0
      if (wait) {
        c.header('Retry-After', String(wait))
        throw new HttpError(429, 'too many batches from this address: retry later')
      }
      if (now() < maintenance.until) {
        c.header('Retry-After', String(maintenance.retryAfter))
        throw new HttpError(503, 'in maintenance: retry later')
      }
      await next()
    },
    limitBody,
    async (c) => {
      const reply = await ingest(await readBody(c.req.raw), { userAgent: c.req.header('user-agent') })
      stats.batches++
      stats.events += reply.stored + reply.duplicates
      stats.stored += reply.stored
      stats.duplicates += reply.duplicates
      return c.json(reply)
    },
  )
}
