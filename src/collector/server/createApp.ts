import type { HttpBindings } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono, type Context } from 'hono'
import { methodNotAllowed } from 'hono/method-not-allowed'
import { join } from 'node:path'
import { addAlertRoutes } from '../alerts/addAlertRoutes'
import type { Alerts } from '../alerts/createAlerts'
import { dashboardFiles } from '../dashboard/dashboardFiles'
import { BadBatch } from '../ingest/validateBatch'
import type { Ingest } from '../ingest/createIngest'
import { addDashboardRoutes } from '../query/addDashboardRoutes'
import { addQueryRoutes } from '../query/addQueryRoutes'
import type { Store } from '../store/openStore'
import { createHostCheck, createTokenCheck, isLoopback, tokenOf } from './accessRules'
import { addIngestRoute } from './addIngestRoute'
import { HttpError } from './HttpError'

/** Who may do what; see the README's *Collector* section. */
export interface AccessOptions {
  /** Needed by the dashboard and every `/api/*` route when set; without it they are open (loopback only). */
  readToken?: string
  /** Origins whose pages may post to `/rum` (`https://shop.example`); empty or absent: any. */
  allowOrigins?: string[]
  /** Host names, besides IP addresses and localhost, the dashboard and API answer to. */
  allowHosts?: string[]
  /** Batches a minute one client address may post to `/rum` (a burst of that many at once); 0: no limit. */
  rateLimit?: number
  /** Serve the demo pages at `/demo/` and the demo shop's API (`npm start`). */
  demo?: boolean
}

/** Counts since start, before dedupe: how often resends happen. */
export interface IngestStats {
  batches: number
  events: number
  stored: number
  duplicates: number
  refused: number
}

/** The Hono app's environment: Node's request and response (`c.env.incoming`). */
export type App = { Bindings: HttpBindings }

// Every file of the snippet: rumlet.js, rumlet.debug.js, rumlet.network.mjs, their maps…
const SNIPPET = /^\/rumlet(\.[a-z]+)?\.(js|mjs)(\.map)?$/
// What a collector without a store (--db none) does not serve: the dashboard and the reads.
const READS = /^\/(api\/|dashboard\/|$)/

/**
 * The collector's HTTP routes (Hono): ingest at `/rum`, the dashboard, the `/api/*` reads (with
 * `alerts`, `/api/alerts` shows their state), the built snippet, and with `demo` the demo. `root`
 * holds `dist/` and `demo/`. Without `store` (`--db none`) the dashboard and the reads answer 404
 * saying why; ingest, `/api/stats`, `/api/maintenance` and the snippet are served all the same.
 */
export function createApp(deps: { ingest: Ingest; store?: Store; root: string; now?: () => number; alerts?: Alerts }, access: AccessOptions) {
  const { ingest, store, root, now = Date.now } = deps
  const stats: IngestStats = { batches: 0, events: 0, stored: 0, duplicates: 0, refused: 0 }
  const maintenance = { until: 0, retryAfter: 0 }
  const hostAllowed = createHostCheck(access.allowHosts ?? [])
  const tokenMatches = access.readToken ? createTokenCheck(access.readToken) : undefined
  const app = new Hono<App>()

  app.onError((error, c) => {
    const incoming = c.env.incoming
    // The sender went away mid-body (a closing page, a dropped connection): nobody to answer.
    if (incoming.destroyed && !incoming.complete) return c.body(null, 400)
    const status = error instanceof HttpError ? error.status : error instanceof BadBatch ? 400 : 500
    if (status === 500) console.error('rumlet collector:', error)
    // A body refused before it was read to the end: answer, then close the connection rather than read the rest.
    if (!incoming.complete) c.header('Connection', 'close')
    if (c.req.path === '/rum' && status !== 503) stats.refused++
    return c.json({ error: status === 500 ? 'internal error' : error.message }, status)
  })
  app.notFound((c) => {
    const path = c.req.path
    if (SNIPPET.test(path)) return c.json({ error: 'snippet not built: run npm run build' }, 404)
    if (!store && READS.test(path)) return c.json({ error: 'no database (--db none): the dashboard and the query API are not served' }, 404)
    return c.json({ error: 'not found' }, 404)
  })
  app.use(methodNotAllowed({ app, onMethodNotAllowed: (c) => c.json({ error: `use ${c.req.path === '/rum' || c.req.path === '/api/maintenance' ? 'POST' : 'GET'}` }, 405) }))

  addIngestRoute(app, { ingest, stats, maintenance, now }, access)

  // Reads: the dashboard and /api/* answer only to this collector's own host names (DNS
  // rebinding), and with --read-token only to requests that carry it.
  const guard = async (c: Context<App>, next: () => Promise<void>) => {
    if (!hostAllowed(c.req.header('host'))) throw new HttpError(403, 'unknown Host: add it with --allow-host')
    if (tokenMatches && !tokenMatches(tokenOf({ authorization: c.req.header('authorization'), cookie: c.req.header('cookie') }, c.req.query('token'))))
      throw new HttpError(401, 'a read token is needed: Authorization: Bearer TOKEN, or open the dashboard as /?token=TOKEN')
    await next()
  }
  app.use('/api/*', guard)
  app.use('/', guard)
  app.use('/dashboard/*', guard)

  // Maintenance (a backup, a migration): senders are told to come back later, and do.
  app.post('/api/maintenance', (c) => {
    // A browser on this machine sends an Origin: a web page must not be able to stop ingest.
    if (!isLoopback(c.env.incoming.socket.remoteAddress ?? '') || c.req.header('origin')) throw new HttpError(403, 'only from this machine, not from a web page')
    const seconds = Number(c.req.query('seconds') ?? 60)
    const retryAfter = Number(c.req.query('retryAfter') ?? 2)
    if (!(seconds >= 0 && seconds <= 86400) || !Number.isInteger(retryAfter) || retryAfter < 0 || retryAfter > 3600)
      throw new HttpError(400, 'seconds must be 0–86400 and retryAfter a whole number 0–3600')
    maintenance.until = now() + seconds * 1000
    maintenance.retryAfter = retryAfter
    return c.json({ until: maintenance.until, retryAfter })
  })
  app.get('/api/stats', (c) => c.json(stats))
  // Without a store (--db none) nothing is stored, so there is nothing to read: the dashboard and
  // the reads of /api/* are not served (404 saying why, from notFound above).
  if (store) {
    addQueryRoutes(app, store)
    addDashboardRoutes(app, store)
    addAlertRoutes(app, deps.alerts)
    const dashboard = dashboardFiles(join(root, 'dist', 'dashboard'))
    app.get('/', async (c) => {
      // Opened as /?token=T: the token goes into a cookie the dashboard's own requests carry.
      const token = c.req.query('token')
      if (token) c.header('Set-Cookie', `rumlet_token=${encodeURIComponent(token)}; Path=/; HttpOnly; SameSite=Strict`)
      return dashboard.page(c)
    })
    app.get('/dashboard/:file', (c) => dashboard.file(c, c.req.param('file')))
  }

  app.get('/:file{rumlet(\\.[a-z]+)?\\.m?js(\\.map)?}', serveStatic({ root: join(root, 'dist') }))

  if (access.demo) {
    app.get('/demo', (c) => c.redirect('/demo/', 301))
    // The demo shop's own API: it answers with the trace context it received, so the demo (and
    // the end-to-end test) can see the traceparent rumlet added.
    app.get('/demo/api/stock', (c) => c.json({ inStock: 12, traceparent: c.req.header('traceparent') ?? null }))
    const demo = join(root, 'demo')
    app.get('/demo/*', serveStatic({ root: demo, rewriteRequestPath: (path) => path.slice('/demo'.length) }))
    // The demo single-page app's routes all load its one page, as an app server would.
    app.get('/demo/spa/*', serveStatic({ path: join(demo, 'spa.html') }))
  }
  return app
}
