import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { resolve } from 'node:path'

const PAGES = resolve(import.meta.dirname, '../pages')
const TYPES = { js: 'text/javascript', css: 'text/css' }

/**
 * The site on 127.0.0.1: `/page?sdk=ID&run=RUN` is bench/pages/bench.html with the SDK's snippet
 * in its head, sending to `<sinkUrl>/r/RUN`; the page's own files and every SDK's are read once
 * and served from memory, `no-store`, so that every run loads every byte as a first visit does.
 */
export async function startSite({ sdks, sinkUrl }) {
  const files = { '/pages/scenario.js': `${PAGES}/scenario.js`, '/pages/bench.css': `${PAGES}/bench.css` }
  for (const sdk of sdks) Object.assign(files, sdk.files)
  const bodies = Object.fromEntries(Object.entries(files).map(([path, file]) => [path, readFileSync(file)]))
  const page = readFileSync(`${PAGES}/bench.html`, 'utf8')

  const server = createServer((request, response) => {
    const url = new URL(request.url, 'http://localhost')
    const headers = { 'Cache-Control': 'no-store' }
    if (url.pathname === '/page') {
      const sdk = sdks.find((s) => s.id === url.searchParams.get('sdk'))
      if (!sdk) return response.writeHead(404).end()
      const html = page.replace('<!--SDK-->', sdk.head(`${sinkUrl}/r/${url.searchParams.get('run')}`))
      return response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(html)
    }
    const body = bodies[url.pathname]
    if (!body) return response.writeHead(404).end()
    response.writeHead(200, { ...headers, 'Content-Type': TYPES[url.pathname.split('.').pop()] }).end(body)
  })
  await new Promise((ready) => server.listen(0, '127.0.0.1', ready))
  const origin = `http://127.0.0.1:${server.address().port}`
  return {
    /** Path → file of everything a page may load. */
    files,
    pageUrl: (sdk, run) => `${origin}/page?sdk=${sdk.id}&run=${run}`,
    stop: () => new Promise((done) => { server.closeAllConnections(); server.close(done) }),
  }
}
