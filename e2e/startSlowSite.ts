import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A site on an origin of its own (see startSite) whose /rumlet.js comes late, as from a slow
 * CDN: the server answers it only once the test calls `releaseBundle()`. Until then the page runs
 * with whatever stub it has; `bundleRequested` resolves when the browser has asked for the bundle.
 */
export async function startSlowSite(pages: Record<string, string>) {
  let release!: () => void
  const released = new Promise<void>((resolve) => (release = resolve))
  let requested!: () => void
  const bundleRequested = new Promise<void>((resolve) => (requested = resolve))

  const server = createServer((request, response) => {
    const path = new URL(request.url || '/', 'http://site').pathname
    if (path === '/rumlet.js') {
      requested()
      return void released.then(() => response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync('dist/rumlet.js')))
    }
    if (path === '/favicon.ico') return void response.writeHead(204).end()
    const page = pages[path]
    if (page === undefined) return void response.writeHead(404).end('not found')
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page)
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bundleRequested,
    /** Answers the held request for /rumlet.js (and any later one at once). */
    releaseBundle: () => release(),
    close: () =>
      new Promise<void>((done) => {
        release()
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}
