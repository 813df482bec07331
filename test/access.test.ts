import { mkdtempSync, rmSync } from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { startServer, type ServerOptions } from '../src/collector/server/startServer'
import { openStore, type Store } from '../src/collector/store/openStore'

// Access control on a real server over a real DuckDB: the read token, the Host check, the origin
// allowlist, the rate limit, and the demo only with --demo.

const batch = JSON.stringify({ events: [{ id: 'a1', type: 'page_view', time: 1_764_000_000_000, sessionId: 's1', viewId: 'v1', url: 'https://shop.example/', referrer: '', navigationType: 'navigate' }] })
let store: Store
let close = async () => {}
let root: string
afterEach(async () => {
  await close()
  await store.close()
  rmSync(root, { recursive: true, force: true })
})

async function start(options: Partial<ServerOptions>) {
  root = mkdtempSync(join(tmpdir(), 'rumlet-access-'))
  store = await openStore(':memory:')
  const server = await startServer(store, { port: 0, host: '127.0.0.1', root, ...options })
  close = server.close
  return server.url
}

/** A GET with a Host header of our choosing (fetch would not send a foreign one). */
function getWithHost(url: string, path: string, host: string): Promise<number> {
  return new Promise((done, fail) => {
    const { hostname, port } = new URL(url)
    request({ hostname, port, path, headers: { Host: host } }, (response) => done(response.resume().statusCode!)).on('error', fail).end()
  })
}

describe('the read token', () => {
  it('is needed by /api/* and the dashboard when set, by header, cookie or query; /rum stays open', async () => {
    // The built dashboard (dist/dashboard) of this checkout, which / serves.
    const url = await start({ readToken: 's3cret', root: resolve('.') })
    expect((await fetch(`${url}/rum`, { method: 'POST', body: batch })).status).toBe(200)
    for (const path of ['/api/events', '/api/stats', '/api/vitals', '/api/errors', '/api/sessions/s1', '/']) {
      const refused = await fetch(`${url}${path}`)
      expect(refused.status, path).toBe(401)
      expect(((await refused.json()) as { error: string }).error).toMatch(/token/)
    }
    expect((await fetch(`${url}/api/events`, { headers: { Authorization: 'Bearer wrong' } })).status).toBe(401)
    const events = await fetch(`${url}/api/events`, { headers: { Authorization: 'Bearer s3cret' } })
    expect(((await events.json()) as { events: unknown[] }).events).toHaveLength(1)
    const dashboard = await fetch(`${url}/?token=s3cret`)
    expect(dashboard.status).toBe(200)
    const cookie = dashboard.headers.get('set-cookie')!.split(';')[0]
    expect(cookie).toBe('rumlet_token=s3cret')
    expect((await fetch(`${url}/api/summary`, { headers: { Cookie: cookie } })).status).toBe(200)
  })

  it('is refused as missing: the server will not listen beyond loopback without one', async () => {
    root = mkdtempSync(join(tmpdir(), 'rumlet-access-'))
    store = await openStore(':memory:')
    await expect(startServer(store, { port: 0, host: '0.0.0.0', root })).rejects.toThrow(/read token/)
  })
})

describe('the Host check', () => {
  it('answers 127.0.0.1:port, localhost:port and --allow-host names; refuses other names (DNS rebinding)', async () => {
    const url = await start({ allowHosts: ['rum.example.com'] })
    const port = new URL(url).port
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, 'rum.example.com', `[::1]:${port}`]) expect(await getWithHost(url, '/api/stats', host), host).toBe(200)
    expect(await getWithHost(url, '/api/events', `evil.example:${port}`)).toBe(403)
    expect(await getWithHost(url, '/', 'evil.example')).toBe(403)
  })
})

describe('POST /rum limits', () => {
  it('with --allow-origin, refuses pages of other origins with 403 and names only the allowed one in CORS', async () => {
    const url = await start({ allowOrigins: ['https://shop.example'] })
    const allowed = await fetch(`${url}/rum`, { method: 'POST', body: batch, headers: { Origin: 'https://shop.example' } })
    expect(allowed.status).toBe(200)
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://shop.example')
    const other = await fetch(`${url}/rum`, { method: 'POST', body: batch, headers: { Origin: 'https://evil.example' } })
    expect(other.status).toBe(403)
    expect(other.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('answers a client over its rate limit with 429 and Retry-After, and counts per address', async () => {
    const url = await start({ rateLimit: 3 })
    const statuses = []
    for (let i = 0; i < 4; i++) statuses.push(await fetch(`${url}/rum`, { method: 'POST', body: batch }))
    expect(statuses.map((response) => response.status)).toEqual([200, 200, 200, 429])
    // 3 a minute: the next token comes in 20 s.
    expect(Number(statuses[3].headers.get('retry-after'))).toBe(20)
    expect(statuses[3].headers.get('access-control-expose-headers')).toContain('Retry-After')
  })
})

describe('the demo', () => {
  it('is served only with demo', async () => {
    const url = await start({})
    expect((await fetch(`${url}/demo/`)).status).toBe(404)
    expect((await fetch(`${url}/demo/api/stock`)).status).toBe(404)
  })
})
