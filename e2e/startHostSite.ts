import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'

/** A page as the server answers it: HTML, or a body with headers of its own (a CSP, a script's type). */
export type Served = string | { body: string; headers?: Record<string, string> }

/**
 * A site on an origin of its own, like startSite, that also serves the ESM build at /rumlet.mjs
 * (and every other snippet file: rumlet.debug.js, rumlet.network.js, rumlet.console.mjs…)
 * and answers a page with the headers it comes with: the hostile pages of issue 14 need both.
 * `requests` lists the paths asked for, in order.
 */
export async function startHostSite(pages: Record<string, Served>) {
  const requests: string[] = []
  const server = createServer((request, response) => {
    const path = new URL(request.url || '/', 'http://site').pathname
    requests.push(path)
    if (/^\/rumlet(\.[a-z]+)?\.m?js$/.test(path))
      return void response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(`dist${path}`))
    if (path === '/favicon.ico') return void response.writeHead(204).end()
    const page = pages[path]
    if (page === undefined) return void response.writeHead(404).end('not found')
    const { body, headers } = typeof page === 'string' ? { body: page, headers: {} } : page
    response.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8', ...headers }).end(body)
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done())
        server.closeAllConnections()
      }),
  }
}

export type HostSite = Awaited<ReturnType<typeof startHostSite>>
