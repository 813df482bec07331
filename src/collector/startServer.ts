import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { dashboardPage } from './dashboardPage'
import { ERROR_GROUPS, SESSIONS, VITALS, VITALS_BY_PAGE, type SummaryFilter } from './dashboardQueries'
import { serveFile } from './serveFile'
import type { EventFilter, Store } from './openStore'
import { HttpError, readBody } from './readBody'
import { BadBatch, validateBatch } from './validateBatch'

export interface ServerOptions {
  port: number
  host: string
  /** Folder holding dist/ and demo/, served at /rumlet.js and /demo/. */
  root: string
}

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
  'Access-Control-Allow-Headers': 'Content-Type, Content-Encoding',
  'Access-Control-Max-Age': '86400',
  // Without this a page on another origin cannot read Retry-After, and retries too early.
  'Access-Control-Expose-Headers': 'Retry-After',
}

// Every file of the snippet: rumlet.js, rumlet.debug.js, rumlet.network.mjs, rumlet.core.mjs, their maps…
const SNIPPET = /^\/rumlet(\.[a-z]+)?\.(js|mjs)(\.map)?$/

/** Counts since start, before dedupe: how often resends happen. */
export interface IngestStats {
  batches: number
  events: number
  stored: number
  duplicates: number
  refused: number
}

interface State {
  stats: IngestStats
  /** Until this time (epoch ms) POST /rum answers 503: maintenance, e.g. a backup. */
  maintenanceUntil: number
  retryAfter: number
}

/** Starts the HTTP server: ingest, the events API, the snippet and the demo. */
export async function startServer(store: Store, options: ServerOptions) {
  const state: State = { stats: { batches: 0, events: 0, stored: 0, duplicates: 0, refused: 0 }, maintenanceUntil: 0, retryAfter: 0 }
  const server = createServer((request, response) => {
    // Only ingest is open to other origins: the events API and the dashboard are not, or any
    // page a visitor opens could read what the collector stored.
    const ingest = (request.url || '').split('?')[0] === '/rum'
    if (ingest) for (const [name, value] of Object.entries(CORS)) response.setHeader(name, value)
    handle(store, options, state, request, response).catch((e: unknown) => {
      // The sender went away mid-body (a closing page, a dropped connection): nobody to answer.
      if ((e as NodeJS.ErrnoException).code === 'ECONNRESET') return void response.destroy()
      const status = e instanceof HttpError ? e.status : 500
      if (status === 500) console.error('rumlet collector:', e)
      if (response.headersSent) return void response.destroy()
      // A body refused before it was read to the end: answer, then close the connection
      // rather than read the rest.
      if (!request.complete) response.setHeader('Connection', 'close')
      if (ingest && status !== 503) state.stats.refused++
      send(response, status, { error: status === 500 ? 'internal error' : (e as Error).message })
    })
  })
  // A client trickling its headers or body holds a connection: not for minutes.
  server.headersTimeout = 10_000
  server.requestTimeout = 30_000
  await new Promise<void>((ready, fail) => {
    server.once('error', fail)
    server.listen(options.port, options.host, ready)
  })
  const { port } = server.address() as AddressInfo
  const host = options.host.includes(':') ? `[${options.host}]` : options.host
  return {
    url: `http://${host}:${port}`,
    /** Stops accepting, lets requests in progress finish (2 s at most), then closes. */
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        // Browsers keep idle connections open for minutes: they would hold the shutdown.
        server.closeIdleConnections()
        setTimeout(() => server.closeAllConnections(), 2000).unref()
      }),
  }
}

async function handle(store: Store, options: ServerOptions, state: State, request: IncomingMessage, response: ServerResponse) {
  let url: URL
  try {
    url = new URL(request.url || '/', 'http://collector')
  } catch {
    throw new HttpError(400, 'malformed request target')
  }
  const path = url.pathname
  if (request.method === 'OPTIONS') return void response.writeHead(path === '/rum' ? 204 : 404).end()

  if (path === '/rum') {
    if (request.method !== 'POST') throw new HttpError(405, 'use POST')
    if (Date.now() < state.maintenanceUntil) {
      response.setHeader('Retry-After', String(state.retryAfter))
      throw new HttpError(503, 'in maintenance: retry later')
    }
    const text = await readBody(request)
    let body: unknown
    try {
      body = JSON.parse(text)
    } catch {
      throw new HttpError(400, 'body is not valid JSON')
    }
    let batch
    try {
      batch = validateBatch(body)
    } catch (e) {
      throw e instanceof BadBatch ? new HttpError(400, e.message) : e
    }
    const reply = await store.insert(batch.events, batch.sdk)
    const { stats } = state
    stats.batches++
    stats.events += batch.events.length
    stats.stored += reply.stored
    stats.duplicates += reply.duplicates
    return send(response, 200, reply)
  }

  // Maintenance (a backup, a migration): senders are told to come back later, and do.
  if (path === '/api/maintenance') {
    if (request.method !== 'POST') throw new HttpError(405, 'use POST')
    // A browser on this machine sends an Origin: a web page must not be able to stop ingest.
    if (!isLoopback(request.socket.remoteAddress) || request.headers.origin) throw new HttpError(403, 'only from this machine, not from a web page')
    const seconds = Number(url.searchParams.get('seconds') ?? 60)
    const retryAfter = Number(url.searchParams.get('retryAfter') ?? 2)
    if (!(seconds >= 0 && seconds <= 86400) || !Number.isInteger(retryAfter) || retryAfter < 0 || retryAfter > 3600)
      throw new HttpError(400, 'seconds must be 0–86400 and retryAfter a whole number 0–3600')
    state.maintenanceUntil = Date.now() + seconds * 1000
    state.retryAfter = retryAfter
    return send(response, 200, { until: state.maintenanceUntil, retryAfter })
  }

  if (request.method !== 'GET' && request.method !== 'HEAD') throw new HttpError(405, 'use GET')
  if (path === '/api/events') return send(response, 200, { events: await store.query(readFilter(url.searchParams)) })
  if (path === '/api/summary') {
    const filter = readSummaryFilter(url.searchParams)
    const [vitals, byPage, errors, sessions] = await Promise.all([VITALS, VITALS_BY_PAGE, ERROR_GROUPS, SESSIONS].map((sql) => store.summarize(sql, filter)))
    return send(response, 200, { vitals, byPage, errors, sessions })
  }
  if (path === '/api/stats') return send(response, 200, state.stats)
  if (path === '/') return void response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(dashboardPage)
  if (path === '/demo') return void response.writeHead(301, { Location: '/demo/' }).end()
  // The demo shop's own API: it answers with the trace context it received, so the demo (and the
  // end-to-end test) can see the traceparent rumlet added.
  if (path === '/demo/api/stock') return send(response, 200, { inStock: 12, traceparent: request.headers.traceparent ?? null })
  if (SNIPPET.test(path) && (await serveFile(response, join(options.root, 'dist'), path))) return
  if (path.startsWith('/demo/')) {
    const demo = join(options.root, 'demo')
    if (await serveFile(response, demo, path.slice('/demo'.length))) return
    // The demo single-page app's routes all load its one page, as an app server would.
    if (path.startsWith('/demo/spa/') && (await serveFile(response, demo, '/spa.html'))) return
  }
  if (SNIPPET.test(path)) throw new HttpError(404, 'snippet not built: run npm run build')
  throw new HttpError(404, 'not found')
}

const isLoopback = (address = '') => address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.')

/** A query parameter that must be a whole number in a range, if given. */
function whole(params: URLSearchParams, name: string, min: number, max: number): number | undefined {
  const text = params.get(name)
  if (text === null) return undefined
  const value = Number(text)
  if (!/^\d+$/.test(text) || value < min || value > max) throw new HttpError(400, `${name} must be a whole number from ${min} to ${max}`)
  return value
}

function readFilter(params: URLSearchParams): EventFilter {
  return {
    type: params.get('type') || undefined,
    sessionId: params.get('sessionId') || undefined,
    since: whole(params, 'since', 0, Number.MAX_SAFE_INTEGER),
    limit: whole(params, 'limit', 1, 100_000) ?? 1000,
  }
}

function readSummaryFilter(params: URLSearchParams): SummaryFilter {
  return {
    since: whole(params, 'since', 0, Number.MAX_SAFE_INTEGER) ?? 0,
    app: params.get('app') || undefined,
    env: params.get('env') || undefined,
  }
}

function send(response: ServerResponse, status: number, body: object) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' }).end(JSON.stringify(body))
}
