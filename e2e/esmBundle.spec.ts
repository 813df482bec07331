import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import nodeResolve from '@rollup/plugin-node-resolve'
import { rollup } from 'rollup'
import type { ActionEvent, PageViewEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { startSite } from './startSite'

// A single-page app as a customer builds it: `import … from 'rumlet'` in its own source, bundled
// by rollup through the package's `exports` (a node_modules/rumlet link to this repository),
// served from its own origin. Its router calls trackPageView on every route change.
const APP = `
import { init, setUser, startAction, trackAction, trackPageView, flush, getSessionId } from 'rumlet'

// Its router makes the views: spa: false, or each route change would make two.
init({ endpoint: window.COLLECTOR + '/rum', app: 'bundled-spa', flushInterval: 60000, trackPageViews: false, spa: false })
setUser('customer-7')
trackPageView()

const routes = { '/products': 'Products', '/products/42': 'Tea 42', '/cart': 'Cart' }
window.go = async (path) => {
  const load = startAction('route_load', { path })
  history.pushState(null, '', path)
  document.querySelector('h1').textContent = routes[path]
  trackPageView(path, { route: path.replace(/\\/\\d+$/, '/[id]') })
  load.end()
  trackAction('viewed', { title: routes[path] })
}
window.send = () => flush()
window.sessionId = getSessionId
`

let workdir: string
let bundled: string

test.beforeAll(async () => {
  workdir = mkdtempSync(join(tmpdir(), 'rumlet-app-'))
  mkdirSync(join(workdir, 'node_modules'))
  symlinkSync(resolve('.'), join(workdir, 'node_modules', 'rumlet'), 'dir')
  writeFileSync(join(workdir, 'app.js'), APP)
  const bundle = await rollup({ input: join(workdir, 'app.js'), plugins: [nodeResolve({ browser: true, rootDir: workdir })] })
  bundled = (await bundle.generate({ format: 'es' })).output[0].code
})

test.afterAll(() => rmSync(workdir, { recursive: true, force: true }))

test('an app bundled with rollup from `import … from "rumlet"` records its route views and actions', async ({ page, collector }) => {
  // The app's bundle holds rumlet itself: nothing of it is loaded from elsewhere.
  expect(bundled).not.toMatch(/from ['"]rumlet['"]/)
  expect(bundled).toContain('rumlet-send')
  const site = await startSite({
    '/': `<!doctype html><title>app</title><h1>Home</h1>
      <script>window.COLLECTOR = ${JSON.stringify(collector.url)}</script>
      <script type="module">${bundled}</script>`,
  })
  try {
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(`${site.url}/`)
    await page.waitForFunction(() => 'go' in window)
    for (const path of ['/products', '/products/42', '/cart']) await page.evaluate((path) => (window as any).go(path), path)
    await page.evaluate(() => (window as any).send())

    const views = (await collector.events({ type: 'page_view' })) as PageViewEvent[]
    expect(views.map((view) => new URL(view.url).pathname)).toEqual(['/', '/products', '/products/42', '/cart'])
    // Each view's referrer is the view before it.
    expect(views.slice(1).map((view) => view.referrer)).toEqual(views.slice(0, -1).map((view) => view.url))
    expect(views.slice(1).map((view) => view.navigationType)).toEqual(['manual', 'manual', 'manual'])
    expect(new Set(views.map((view) => view.viewId)).size).toBe(4)

    // Every action belongs to the view of its route, and carries the user and the session.
    const sessionId = await page.evaluate(() => (window as any).sessionId())
    const viewed = ((await collector.events({ type: 'action' })) as ActionEvent[]).filter((action) => action.name === 'viewed')
    expect(viewed.map((action) => action.viewId)).toEqual(views.slice(1).map((view) => view.viewId))
    expect(viewed.map((action) => action.attributes?.title)).toEqual(['Products', 'Tea 42', 'Cart'])
    for (const event of [...views, ...viewed]) expect(event).toMatchObject({ userId: 'customer-7', sessionId, app: 'bundled-spa' })
    expect(views[2].attributes).toEqual({ route: '/products/[id]' })
    expect(errors).toEqual([])
  } finally {
    await site.close()
  }
})
