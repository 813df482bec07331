import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DASHBOARD_CSP } from '../src/collector/dashboard/dashboardFiles'
import { startServer, type ServerOptions } from '../src/collector/server/startServer'
import { openStore, type Store } from '../src/collector/store/openStore'

// The built dashboard (npm run build: dist/dashboard/) served by a real server: the page, its
// files, the Content-Security-Policy on each, and the read token in front of them.

let store: Store
let close = async () => {}
const folders: string[] = []
afterEach(async () => {
  await close()
  await store.close()
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

async function start(options: Partial<ServerOptions> = {}) {
  store = await openStore(':memory:')
  const server = await startServer(store, { port: 0, host: '127.0.0.1', root: resolve('.'), ...options })
  close = server.close
  return server.url
}

describe('the dashboard files', () => {
  it('serves the page at / with a CSP that allows its own files only, no inline code, and Trusted Types', async () => {
    const url = await start()
    const page = await fetch(`${url}/`)
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(page.headers.get('content-security-policy')).toBe(DASHBOARD_CSP)
    expect(DASHBOARD_CSP).toContain("script-src 'self';")
    expect(DASHBOARD_CSP).not.toMatch(/unsafe-inline|unsafe-eval|https?:/)
    expect(page.headers.get('x-content-type-options')).toBe('nosniff')
    const html = await page.text()
    expect(html).toContain('<script defer src="/dashboard/dashboard.js"></script>')
    // No inline script or style in the shell: the CSP would refuse them.
    expect(html.match(/<script/g)).toHaveLength(1)
    expect(html).not.toMatch(/<style|style=/)
  })

  it('serves the script, the stylesheet (uPlot’s rules within) and the icon with their types; other names 404', async () => {
    const url = await start()
    const script = await fetch(`${url}/dashboard/dashboard.js`)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await script.text()).toContain('uplot')
    const css = await fetch(`${url}/dashboard/dashboard.css`)
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8')
    expect(await css.text()).toContain('.uplot')
    expect((await fetch(`${url}/dashboard/favicon.svg`)).headers.get('content-type')).toBe('image/svg+xml')
    for (const path of ['/dashboard/index.html', '/dashboard/..%2Fcollector.js', '/dashboard/secret']) expect((await fetch(`${url}${path}`)).status, path).toBe(404)
  })

  it('needs the read token for the page and its files, as for /api/*', async () => {
    const url = await start({ readToken: 't0k' })
    expect((await fetch(`${url}/dashboard/dashboard.js`)).status).toBe(401)
    expect((await fetch(`${url}/dashboard/dashboard.js`, { headers: { Cookie: 'rumlet_token=t0k' } })).status).toBe(200)
    expect((await fetch(`${url}/?token=t0k`)).status).toBe(200)
  })

  it('says so when the dashboard is not built', async () => {
    const root = mkdtempSync(join(tmpdir(), 'rumlet-unbuilt-'))
    folders.push(root)
    const url = await start({ root })
    const page = await fetch(`${url}/`)
    expect(page.status).toBe(503)
    expect(await page.json()).toEqual({ error: 'dashboard not built: run npm run build' })
  })
})
