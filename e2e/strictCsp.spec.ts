import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { RumEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'

// Issue 14, strict pages: a page with a strict Content Security Policy, or one enforcing Trusted
// Types, runs rumlet without a violation; a collector its CSP blocks costs a few attempts, not
// one a minute for the page's life. Verified in Chromium 156: a fetch that connect-src blocks
// rejects at once with "TypeError: Failed to fetch" (as an offline network does) and fires a
// securitypolicyviolation event each time; sendBeacon to it returns true and fires one too.

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

/** Collects the page's CSP violations (an init script is not subject to the page's CSP). */
const watchViolations = (page: Page) =>
  page.addInitScript(() => {
    ;(window as any).violations = []
    document.addEventListener('securitypolicyviolation', (event) => (window as any).violations.push(`${event.effectiveDirective} ${event.blockedURI}`))
  })
const violations = (page: Page): Promise<string[]> => page.evaluate(() => (window as any).violations)

const tag = (collectorUrl: string) =>
  `<script src="/rumlet.js" data-endpoint="${collectorUrl}/rum" data-app="strict" data-flush-interval="1000"></script>`
const LOADER = readFileSync('dist/loader.js', 'utf8')
const loader = (collectorUrl: string) =>
  `<script data-src="/rumlet.js" data-endpoint="${collectorUrl}/rum" data-app="strict" data-flush-interval="1000">${LOADER}</script>`
const sha256 = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`

/** Clicks Buy, records an action and sends; true once the page view, both actions and FCP are stored. */
const use = async (page: Page, collector: { waitFor: (done: (events: RumEvent[]) => boolean, timeout?: number) => Promise<RumEvent[]> }) => {
  await page.click('#buy')
  await page.waitForTimeout(1100) // the click's frustration window
  await page.evaluate(() => (window as any).rum.trackAction('strict_action'))
  await page.evaluate(() => (window as any).rum.flush())
  const done = (events: RumEvent[]) =>
    ofType(events, 'page_view').length > 0 &&
    ['Buy', 'strict_action'].every((name) => ofType(events, 'action').some((action) => action.name === name)) &&
    ofType(events, 'vital').some((vital) => vital.name === 'FCP')
  return done(await collector.waitFor(done, 5000))
}

const BUY = '<h1>Shop</h1><button id="buy">Buy</button>'

test('the script tag on a page with default-src \'self\'; script-src \'self\'; connect-src <collector>: everything is recorded and sent, no violation', async ({ page, collector }) => {
  const csp = `default-src 'self'; script-src 'self'; connect-src ${collector.url}`
  site = await startHostSite({ '/': { headers: { 'Content-Security-Policy': csp }, body: `<!doctype html><head>${tag(collector.url)}</head><body>${BUY}</body>` } })
  await watchViolations(page)
  await page.goto(`${site.url}/`)
  expect(await use(page, collector)).toBe(true)
  expect(await violations(page)).toEqual([])
  await page.close() // the exit beacons are allowed by connect-src too
  expect(ofType(await collector.waitFor((events) => ofType(events, 'view_end').length > 0), 'view_end')).not.toHaveLength(0)
})

test('the script tag on a page enforcing Trusted Types: everything is recorded and sent, no violation', async ({ page, collector }) => {
  site = await startHostSite({
    '/': { headers: { 'Content-Security-Policy': `require-trusted-types-for 'script'` }, body: `<!doctype html><head>${tag(collector.url)}</head><body>${BUY}</body>` },
  })
  await watchViolations(page)
  await page.goto(`${site.url}/`)
  expect(await use(page, collector)).toBe(true)
  expect(await violations(page)).toEqual([])
})

test('the inline loader on a page enforcing Trusted Types without a policy for it: the browser refuses the bundle\'s address, as the README warns (the 600-byte loader has no room for a policy of its own), and the page\'s later scripts run', async ({ page, collector }) => {
  site = await startHostSite({
    '/': {
      headers: { 'Content-Security-Policy': `require-trusted-types-for 'script'` },
      body: `<!doctype html><head>${loader(collector.url)}<script>window.later = true</script></head><body>${BUY}</body>`,
    },
  })
  await watchViolations(page)
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${site.url}/`)
  expect(await page.evaluate(() => (window as any).later)).toBe(true)
  expect(pageErrors.join('\n')).toMatch(/TrustedScriptURL/)
  expect(await violations(page)).toEqual([expect.stringMatching(/^require-trusted-types-for/)])
  expect(site.requests).not.toContain('/rumlet.js')
})

test('the inline loader on a page enforcing Trusted Types, whose default policy lets rumlet\'s address through (as the README says): the bundle loads, no violation, everything is recorded', async ({ page, collector }) => {
  // The README's snippet, with this page's data-src; another address stays refused.
  const policy = `<script>
  if (window.trustedTypes) trustedTypes.createPolicy('default', {
    createScriptURL: (url) => (url === '/rumlet.js' ? url : null),
  })
</script>`
  site = await startHostSite({
    '/': { headers: { 'Content-Security-Policy': `require-trusted-types-for 'script'` }, body: `<!doctype html><head>${policy}${loader(collector.url)}</head><body>${BUY}</body>` },
  })
  await watchViolations(page)
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(`${site.url}/`)
  await page.waitForFunction(() => !('q' in (window as any).rum), null, { timeout: 3000 })
  expect(await use(page, collector)).toBe(true)
  expect(await violations(page)).toEqual([])
  expect(pageErrors).toEqual([])
  const other = await page.evaluate(() => {
    try {
      document.createElement('script').src = '/other.js'
      return 'allowed'
    } catch {
      return 'refused'
    }
  })
  expect(other).toBe('refused')
})

test('the inline loader on a page with script-src \'self\' and the loader\'s hash (no \'unsafe-inline\'): the bundle loads, no violation', async ({ page, collector }) => {
  const csp = `default-src 'self'; script-src 'self' ${sha256(LOADER)}; connect-src ${collector.url}`
  site = await startHostSite({ '/': { headers: { 'Content-Security-Policy': csp }, body: `<!doctype html><head>${loader(collector.url)}</head><body>${BUY}</body>` } })
  await watchViolations(page)
  await page.goto(`${site.url}/`)
  await page.waitForFunction(() => !('q' in (window as any).rum), null, { timeout: 3000 })
  expect(await use(page, collector)).toBe(true)
  expect(await violations(page)).toEqual([])
})

test('a collector the page\'s connect-src blocks: a few attempts, then none for the rest of the page\'s life (10 minutes on a fake clock)', async ({ page, collector }) => {
  // The site allows only its own origin; the collector is another one.
  site = await startHostSite({
    '/': { headers: { 'Content-Security-Policy': `default-src 'self'; connect-src 'self'` }, body: `<!doctype html><head>${tag(collector.url)}</head><body>${BUY}</body>` },
  })
  await watchViolations(page)
  await page.clock.install()
  await page.goto(`${site.url}/`)
  await page.evaluate(() => (window as any).rum.trackAction('blocked'))
  const attempts = async () => (await violations(page)).filter((violation) => violation.startsWith(`connect-src ${collector.url}`)).length
  for (let minute = 0; minute < 10; minute++) {
    const before = await attempts()
    await page.clock.fastForward(61_000)
    // A blocked fetch fails at once: give it half a second to show.
    await page.waitForFunction((n) => (window as any).violations.length > n, before, { timeout: 500 }).catch(() => {})
  }
  expect(await attempts()).toBeLessThanOrEqual(3)
  expect((await collector.stats()).batches).toBe(0)
})
