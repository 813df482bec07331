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
