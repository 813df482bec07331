import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { ActionEvent, PageViewEvent, VitalEvent } from '../src/wire'
import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { launchChromium } from './launchChromium'
import { actionNames, rumPage } from './rumPage'
import { startSite } from './startSite'

// Whether the page came back from the back/forward cache. (rumlet adds its listeners with the
// browser's own EventTarget methods even when the page wrapped them, so a page-side wrapper
// cannot list them: DevTools' DOMDebugger.getEventListeners does, below.)
const WATCH = `<script>addEventListener('pageshow', (event) => { window.restored = event.persisted })</script>`

/** The event types with a listener on window or document, as DevTools lists them. */
const listenerTypes = async (page: Page): Promise<string[]> => {
  const cdp = await page.context().newCDPSession(page)
  const types: string[] = []
  for (const expression of ['window', 'document']) {
    const { result } = await cdp.send('Runtime.evaluate', { expression })
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId! })
    types.push(...listeners.map((listener) => listener.type))
  }
  await cdp.detach()
  return types
}

test('with rumlet running and sending, the page is still restored from the back/forward cache', async ({ collector }) => {
  // Playwright's own launch turns the back/forward cache off: start Chromium directly.
  const profile = mkdtempSync(join(tmpdir(), 'rumlet-bfcache-'))
  const chromium = await launchChromium(profile)
  const site = await startSite({
    '/': rumPage(collector.url, { flushInterval: 1000, head: WATCH }),
    '/next': '<!doctype html><title>next</title><p>another page',
  })
  try {
    const page = await chromium.context.newPage()
    await page.goto(`${site.url}/`)
    await page.evaluate(() => (window as any).record(10, 'bf'))
    await collector.waitFor((events) => actionNames(events, 'bf').length >= 10)

    await page.goto(`${site.url}/next`)
    await page.goBack({ waitUntil: 'commit' }) // a restore fires no load event
    await page.waitForFunction(() => (window as any).restored !== undefined)
    expect(await page.evaluate(() => (window as any).restored)).toBe(true)

    const types = await listenerTypes(page)
    expect(types).toContain('pagehide')
    expect(types).not.toContain('unload')
    expect(types).not.toContain('beforeunload')

    // The restored page keeps recording and sending.
    await page.evaluate(() => (window as any).record(5, 'after'))
    await page.evaluate(() => (window as any).rum.flush())
    const events = await collector.waitFor((events) => actionNames(events, 'after').length >= 5)
    expect(actionNames(events, 'after')).toHaveLength(5)

    // The restore is a view of its own, and what happens after it belongs to that view.
    const views = events.filter((e) => e.type === 'page_view') as PageViewEvent[]
    expect(views.map((view) => view.navigationType)).toEqual(['navigate', 'back_forward_cache'])
    const after = events.filter((e) => e.type === 'action' && (e as ActionEvent).name.startsWith('after_'))
    expect(new Set(after.map((e) => e.viewId))).toEqual(new Set([views[1].viewId]))
    // web-vitals reports the restore's TTFB at once: it belongs to the restored view.
    const ttfb = events.find((e) => e.type === 'vital' && (e as VitalEvent).name === 'TTFB' && (e as VitalEvent).navigationType === 'back_forward_cache')
    expect(ttfb?.viewId).toBe(views[1].viewId)
    // The first view ended when the page went into the cache.
    expect(events.some((e) => e.type === 'view_end' && e.viewId === views[0].viewId)).toBe(true)
  } finally {
    await chromium.close()
    await site.close()
    rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 })
  }
})
