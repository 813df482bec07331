import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A customer's site on an origin of its own (another port is another origin): serves the given
 * pages (HTML, or JavaScript for a path ending in .js), and the built snippet at /rumlet.js (and its add-ons, /rumlet.network.js…) as a site that hosts it itself does, once
 * `bundleReady` resolves (at once by default).
 */
export async function startSite(pages: Record<string, string>, bundleReady: () => Promise<void> = async () => {}) {
  const server = createServer((request, response) => {
    const path = new URL(request.url || '/', 'http://site').pathname
    if (/^\/rumlet(\.[a-z]+)?\.js$/.test(path))
      return void bundleReady().then(() => response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(`dist${path}`)))
    if (path === '/favicon.ico') return void response.writeHead(204).end()
    const page = pages[path]
    if (page === undefined) return void response.writeHead(404).end('not found')
    response.writeHead(200, { 'Content-Type': path.endsWith('.js') ? 'text/javascript' : 'text/html; charset=utf-8' }).end(page)
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        // A browser still open keeps its keep-alive connections: do not wait for them.
        server.closeAllConnections()
      }),
  }
}
