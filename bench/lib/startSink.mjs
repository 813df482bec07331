import { createServer } from 'node:http'

/**
 * The one server every SDK sends to: `http://127.0.0.1:PORT/r/<run>/…`, so each request is
 * put on the run it belongs to whatever path the SDK adds. It answers every protocol with 202
 * and an empty JSON object (what Elastic's intake, Faro's collector and Datadog's intake answer
 * to a good batch; Sentry takes any 2xx), and CORS preflights with whatever was asked. A run of
 * rumlet posts to `/r/<run>/rum`, which is passed through to the real collector at
 * `passThrough`, with its answer returned as it is.
 * Each request is kept with its body and its size on the wire: request line, headers and body.
 */
export async function startSink({ passThrough }) {
  const runs = new Map() // run → { requests: [], last: ms }

  const server = createServer((request, response) => {
    const match = /^\/r\/([^/?]+)(\/[^?]*)?/.exec(request.url)
    if (!match) return response.writeHead(404).end()
    const run = runs.get(match[1]) ?? runs.set(match[1], { requests: [] }).get(match[1])
    const chunks = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', async () => {
      const body = Buffer.concat(chunks)
      // "name: value\r\n" per header: 4 bytes besides the name and the value.
      const headerBytes = request.rawHeaders.reduce((sum, text) => sum + text.length + 2, 0)
      const wire = `${request.method} ${request.url} HTTP/1.1\r\n`.length + headerBytes + 2 + body.length
      run.requests.push({ method: request.method, path: match[2] ?? '/', url: request.url, headers: request.headers, body, wire, at: Date.now() })
      run.last = Date.now()
      const cors = {
        'Access-Control-Allow-Origin': request.headers.origin ?? '*',
        'Access-Control-Allow-Credentials': 'true',
        'Access-Control-Expose-Headers': 'Retry-After',
        Vary: 'Origin',
      }
      if (request.method === 'OPTIONS')
        return response
          .writeHead(204, {
            ...cors,
            'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
            'Access-Control-Allow-Headers': request.headers['access-control-request-headers'] ?? '*',
            'Access-Control-Max-Age': '600',
          })
          .end()
      if (match[2] === '/rum' && passThrough) {
        try {
          const answer = await fetch(`${passThrough}/rum`, {
            method: 'POST',
            body,
            headers: { 'Content-Type': request.headers['content-type'] ?? 'text/plain', ...(request.headers['content-encoding'] ? { 'Content-Encoding': request.headers['content-encoding'] } : {}) },
          })
          const headers = { ...cors, 'Content-Type': answer.headers.get('content-type') ?? 'application/json' }
          if (answer.headers.has('retry-after')) headers['Retry-After'] = answer.headers.get('retry-after')
          return response.writeHead(answer.status, headers).end(Buffer.from(await answer.arrayBuffer()))
        } catch {
          return response.writeHead(502, cors).end()
        }
      }
      response.writeHead(202, { ...cors, 'Content-Type': 'application/json' }).end('{}')
    })
  })
  // Chromium keeps up to 6 connections per host open; the sink must not close them under it.
  server.keepAliveTimeout = 30_000
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready))

  return {
    url: `http://127.0.0.1:${server.address().port}`,
    /** The requests of a run so far. */
    requests: (run) => runs.get(run)?.requests ?? [],
    /**
     * Waits until `run` has had no request for `quiet` ms (or none at all for that long), at
     * most `limit` ms; true when it went quiet.
     */
    async quiet(run, quiet, limit) {
      const end = Date.now() + limit
      const since = Date.now()
      for (;;) {
        const last = Math.max(runs.get(run)?.last ?? 0, since)
        if (Date.now() - last >= quiet) return true
        if (Date.now() >= end) return false
        await new Promise((wake) => setTimeout(wake, 50))
      }
    },
    stop: () => new Promise((done) => { server.closeAllConnections(); server.close(done) }),
  }
}
