import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { RumEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { hostPage, openHostPage } from './hostPage'
import { launchChromium } from './launchChromium'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'

// Issue 14, kind 6: the page's own exit handlers. An event recorded at any point of an exit
// (beforeunload, pagehide, visibilitychange, before or after rumlet's own exit handler ran)
// reaches the collector, by beacon or on the next load. Verified in Chromium 156: a navigation
// fires beforeunload, pagehide, then visibilitychange (on document, bubbling to window), and
// document.visibilityState still reads "visible" inside pagehide; a sendBeacon made in any of
// the three arrives.

const sites: HostSite[] = []
test.afterEach(async () => {
  await Promise.all(sites.splice(0).map((site) => site.close()))
})

const names = (events: RumEvent[]) => ofType(events, 'action').filter((action) => action.source === 'api').map((action) => action.name)

test('actions recorded in the page\'s own beforeunload and pagehide handlers, added after or before rumlet\'s, are stored when the user follows a link to another site (case 12)', async ({ collector }) => {
  // A browser of our own: Playwright's launch turns off the back/forward cache, which a real
  // browser uses for this navigation (the page is hidden with persisted = true).
  const profile = mkdtempSync(join(tmpdir(), 'rumlet-exit-'))
  const chromium = await launchChromium(profile)
  try {
    const other = await startHostSite({ '/': '<!doctype html><title>payment provider</title><p>Pay here' })
    const leave = `<a id="pay" href="${other.url}/">Pay</a>`
    const site = await startHostSite({
      // The usual order: rumlet first in <head>, the page's handlers later.
      '/after': hostPage('script tag', collector.url, {
        body: `${leave}<script>
          addEventListener('beforeunload', () => rum.trackAction('after_beforeunload'))
          addEventListener('pagehide', () => rum.trackAction('after_pagehide'))
        </script>`,
      }),
      '/before': hostPage('script tag', collector.url, {
        before: `addEventListener('pagehide', () => window.rum && rum.trackAction('before_pagehide'))`,
        body: leave,
      }),
      '/again': hostPage('script tag', collector.url),
    })
    sites.push(other, site)
    const page = await chromium.context.newPage()
    for (const path of ['/after', '/before']) {
      await openHostPage(page, `${site.url}${path}`)
      await Promise.all([page.waitForURL(`${other.url}/`), page.click('#pay')])
    }
    // What the beacons did not carry, the next load of the origin sends from IndexedDB.
    await openHostPage(page, `${site.url}/again`)
    const want = ['after_beforeunload', 'after_pagehide', 'before_pagehide']
    const events = await collector.waitFor((events) => want.every((name) => names(events).includes(name)), 5000)
    expect(names(events).sort()).toEqual(want)
  } finally {
    await chromium.close()
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
  }
})

const HANDLERS = {
  'pagehide and visibilitychange handlers': `addEventListener('pagehide', () => rum.trackAction('left_in_pagehide'))
    document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && rum.trackAction('left_in_visibilitychange'))`,
  'a visibilitychange handler alone': `document.addEventListener('visibilitychange', () => document.visibilityState === 'hidden' && rum.trackAction('left_in_visibilitychange'))`,
}

for (const [name, handlers] of Object.entries(HANDLERS))
  test(`closing the tab: actions recorded by the page's own ${name} (added after rumlet's) are stored`, async ({ page, collector }) => {
    const site = await startHostSite({ '/': hostPage('script tag', collector.url, { after: handlers }) })
    sites.push(site)
    await openHostPage(page, `${site.url}/`)
    await page.close()
    const want = [...handlers.matchAll(/trackAction\('(\w+)'\)/g)].map((match) => match[1]).sort()
    // Closing leaves no next load: only the beacons can carry them.
    const events = await collector.waitFor((events) => want.every((name) => names(events).includes(name)), 5000)
    expect(names(events).sort()).toEqual(want)
  })

// More than the exit's beacons may carry (48 KiB of the 64 KiB quota, sendBeacons.ts), recorded
// by the page's own pagehide handler (added at load, so after rumlet's exit listener: two writes
// in the exit's task): the beacons carry what fits, and the rest must survive in IndexedDB for the
// next page of the origin, although the page unloads right after the handler. The build before
// lost all of the rest. Only the closed tab is asserted: when the page leaves for another origin,
// Chromium 156 still loses about 1 in 10 of such writes, committed or not (bench/RESULTS.md).
const MANY_IN_PAGEHIDE = {
  '': `for (let i = 0; i < 400; i++) rum.trackAction('many_' + i, { note: 'x'.repeat(150) })`,
  // Past the session's 5 s between agreements, getSessionId() and flush() would read it first: the
  // exit's write queued behind that read was lost with it (121 of 400 stored, 4 of 4 runs).
  ', also when it calls getSessionId() and flush() 6 s after the last event': `window.sid = rum.getSessionId()
    for (let i = 0; i < 400; i++) rum.trackAction('many_' + i, { note: 'x'.repeat(150) })
    rum.flush()`,
}
for (const [also, handler] of Object.entries(MANY_IN_PAGEHIDE))
  test(`closing the tab: 400 actions (about 100 KB) recorded by the page's own pagehide handler are all stored, those past the beacons' 48 KiB by the next page of the origin${also}`, async ({ context, collector }) => {
    const MANY = 400
    const site = await startHostSite({
      '/': hostPage('script tag', collector.url, { after: `addEventListener('load', () => addEventListener('pagehide', () => { ${handler} }))` }),
      '/again': hostPage('script tag', collector.url),
    })
    sites.push(site)
    const page = await context.newPage()
    await openHostPage(page, `${site.url}/`)
    // A page in use: its page view written, so IndexedDB is open (opening it takes tasks of its own).
    await page.evaluate(() => (window as unknown as { rum: { flush(): Promise<void> } }).rum.flush())
    if (also) await page.waitForTimeout(6000)
    await page.close()
    const again = await context.newPage()
    await openHostPage(again, `${site.url}/again`)
    await again.evaluate(() => (window as unknown as { rum: { flush(): Promise<void> } }).rum.flush())
    const many = (events: RumEvent[]) => new Set(names(events).filter((name) => name.startsWith('many_')))
    const events = await collector.waitFor((events) => many(events).size >= MANY)
    expect(many(events).size).toBe(MANY)
  })
