import { readFileSync, statSync } from 'node:fs'
import type { ActionEvent, ErrorEvent as RumError, RumEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { startSlowSite } from './startSlowSite'

// The inline loader pasted into a page's <head>, loading a bundle that comes late.
const loaderPage = (siteUrl: string, collectorUrl: string) => `<!doctype html><html><head><meta charset="utf-8">
<title>loader</title>
<script data-src="${siteUrl}/rumlet.js" data-endpoint="${collectorUrl}/rum" data-app="loader"
  data-flush-interval="60000">${readFileSync('dist/loader.js', 'utf8')}</script>
<script>
  // A few ms between calls, so that each call has a time of its own.
  const pause = (ms) => { for (const end = Date.now() + ms; Date.now() < end; ); }
  window.before = Date.now()
  pause(3)
  rum.setUser('u1')
  rum.trackAction('a1')
  pause(3)
  window.upload = rum.startAction('upload')
  pause(3)
  rum.trackAction('a2')
  setTimeout(() => { throw new Error('early boom') })
  Promise.reject(new Error('early rejection'))
</script></head><body><h1>A page with the inline loader</h1></body></html>`

let site: Awaited<ReturnType<typeof startSlowSite>> | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

test('calls and errors made before the bundle arrives are stored in order, with the times they were made', async ({ page, collector }) => {
  const pages: Record<string, string> = {}
  site = await startSlowSite(pages)
  pages['/'] = loaderPage(site.url, collector.url)
  // The held bundle holds the load event back too: wait for the document only.
  await page.goto(`${site.url}/`, { waitUntil: 'domcontentloaded' })
  // The loader inserted the bundle's script (the server holds the answer back).
  await site.bundleRequested
  await page.waitForFunction(() => (window as any).rum.q.filter((call: unknown[]) => call[0] === '_early').length === 2)

  const early = await page.evaluate(async () => {
    const w = window as any
    await new Promise((r) => setTimeout(r, 100))
    w.upload.end()
    w.after = Date.now()
    return { before: w.before as number, after: w.after as number, queued: w.rum.q.map((call: unknown[]) => call[0]) as string[] }
  })
  // Everything so far met the loader's stub: the bundle has not run.
  expect(early.queued.filter((name) => name !== '_early')).toEqual(['setUser', 'trackAction', 'startAction', 'trackAction', 'end'])
  expect(early.queued.filter((name) => name === '_early')).toHaveLength(2)

  site.releaseBundle()
  // The bundle replaces the stub (which has `q`) with the real API.
  await page.waitForFunction(() => !('q' in (window as any).rum))
  await page.evaluate(() => (window as any).rum.flush())

  const events = await collector.events()
  const madeBeforeTheBundle = (event: RumEvent) => event.time >= early.before && event.time <= early.after
  // The collector returns events ordered by time.
  const actions = events.filter((e) => e.type === 'action') as ActionEvent[]
  expect(actions.map((e) => e.name)).toEqual(['a1', 'upload', 'a2'])
  for (const action of actions) {
    expect(madeBeforeTheBundle(action), `${action.name} at ${action.time}, not in [${early.before}, ${early.after}]`).toBe(true)
    expect(action).toMatchObject({ userId: 'u1', app: 'loader', source: 'api', url: `${site.url}/` })
  }
  // Each call kept its own time: none is the time of the replay.
  expect(actions[0].time).toBeLessThan(actions[1].time)
  expect(actions[1].time).toBeLessThan(actions[2].time)
  // startAction's time is its start; end came after the 100 ms wait.
  const upload = actions[1]
  expect(upload.ok).toBe(true)
  expect(upload.duration).toBeGreaterThanOrEqual(100)
  expect(upload.time + upload.duration).toBeLessThanOrEqual(early.after)
  expect(actions[0].duration).toBe(0)

  const errors = events.filter((e) => e.type === 'error') as RumError[]
  expect(errors.map(({ source, message, errorType, userId }) => ({ source, message, errorType, userId })).sort((a, b) => a.source.localeCompare(b.source))).toEqual([
    { source: 'error', message: 'early boom', errorType: 'Error', userId: 'u1' },
    { source: 'unhandledrejection', message: 'early rejection', errorType: 'Error', userId: 'u1' },
  ])
  for (const error of errors) expect(madeBeforeTheBundle(error), `${error.message} at ${error.time}`).toBe(true)
})

test('the inline loader is at most 600 bytes', () => {
  expect(statSync('dist/loader.js').size).toBeLessThanOrEqual(600)
})
