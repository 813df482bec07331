import { getRequestListener } from '@hono/node-server'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { createIngest, type Sink } from '../ingest/createIngest'
import type { Alerts } from '../alerts/createAlerts'
import type { ResolveFrames } from '../enrich/createSourceMaps'
import type { Store } from '../store/openStore'
import { isLoopback } from './accessRules'
import { createApp, type AccessOptions } from './createApp'

/** Where and how the collector listens; the access options are createApp's. */
export interface ServerOptions extends AccessOptions {
  port: number
  host: string
  /** Folder holding dist/ (the snippet, served at /rumlet.js) and demo/. */
  root: string
  /** Resolves minified stack frames (createSourceMaps), when source maps are given. */
  resolveFrames?: ResolveFrames
  /** Where accepted rows go instead of the store (`--db none`: createOtlpSink). */
  sink?: Sink
  /** The alert engine (`--alerts`), whose state `GET /api/alerts` shows; needs a store. */
  alerts?: Alerts
}

/**
 * Starts the HTTP server over `store` (without one, `options.sink` takes the rows and the dashboard
 * and query API are not served). Throws without either. Refuses to listen beyond loopback without a read token:
 * the API would hand every stored event to anyone who asks. Resolves once listening, with its
 * URL and `close()`, which stops accepting, lets requests under way finish (10 s at most; so a
 * batch being stored is acknowledged), and resolves when the last connection has ended.
 */
export async function startServer(store: Store | undefined, options: ServerOptions) {
  if (!isLoopback(options.host) && !options.readToken) throw new Error(`listening on ${options.host} needs a read token`)
  const sink = options.sink ?? store
  if (!sink) throw new Error('startServer needs a store or a sink')
  const ingest = createIngest({ sink, resolveFrames: options.resolveFrames })
  const app = createApp({ ingest, store, root: options.root, alerts: options.alerts }, options)
  const listener = getRequestListener(app.fetch, {
    errorHandler: () => Response.json({ error: 'malformed request' }, { status: 400 }),
  })
  // Requests under way, so that close() waits for them and for nothing else.
  let active = 0
  let settled = () => {}
  const server = createServer((request, response) => {
    active++
    response.once('close', () => {
      if (--active === 0) settled()
    })
    // A request target that is not a URL (`GET //[`): 400 with a reason, not a server error.
    if (!URL.canParse(request.url ?? '', 'http://collector'))
      return void response.writeHead(400, { 'Content-Type': 'application/json' }).end('{"error":"malformed request target"}')
    void listener(request, response)
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
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        // Browsers keep idle connections open for minutes: they would hold the shutdown. Those
        // with a request under way (a batch being stored) end when it has been answered.
        server.closeIdleConnections()
        settled = () => server.closeAllConnections()
        if (active === 0) settled()
        setTimeout(() => server.closeAllConnections(), 10_000).unref()
      }),
  }
}
