import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A customer's site on an origin of its own (another port is another origin): serves the given
 * pages, so tests can load rumlet the way a site does, from the collector's origin.
 */
export async function startSite(pages: Record<string, string>) {
  const server = createServer((request, response) => {
    const page = pages[new URL(request.url || '/', 'http://site').pathname]
    if (page === undefined) return void response.writeHead(404).end('not found')
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(page)
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((done) => server.close(() => done())),
  }
}
