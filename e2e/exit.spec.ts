import { expect, test } from './fixtures'
import { actionNames, rumPage } from './rumPage'
import { startSite } from './startSite'

// Every way a page can end: the events recorded on it reach the collector, each stored once.
// The flush interval is a minute, so only the exit path can deliver them in time.
test.describe('events recorded before the page ends are stored exactly once', () => {
  let site: Awaited<ReturnType<typeof startSite>>
  test.afterEach(() => site?.close())

  const open = async (page: import('@playwright/test').Page, collector: import('./startCollector').Collector) => {
    site = await startSite({
      '/': rumPage(collector.url, { body: `<a id="leave" onclick="location.assign('/next')">leave</a>` }),
      '/next': '<!doctype html><title>next</title><p>next page',
    })
    await page.goto(`${site.url}/`)
    // rumlet sends what is pending when the page is first idle: let that pass, so the events
    // below can leave only by the exit path.
    await page.evaluate(() => new Promise((idle) => requestIdleCallback(() => setTimeout(idle, 100))).then(() => (window as any).rum.flush()))
    await page.evaluate(() => (window as any).record(30, 'exit'))
    await page.waitForTimeout(300)
    expect(actionNames(await collector.events(), 'exit')).toEqual([])
  }

  const expectStoredOnce = async (collector: import('./startCollector').Collector) => {
    const events = await collector.waitFor((events) => actionNames(events, 'exit').length >= 30)
    const names = actionNames(events, 'exit')
    expect(names.sort()).toEqual(Array.from({ length: 30 }, (_, i) => `exit_${i}`).sort())
  }

  test('closing the page', async ({ page, collector }) => {
    await open(page, collector)
    await page.close()
    await expectStoredOnce(collector)
  })

  test('navigating to another origin', async ({ page, collector }) => {
    await open(page, collector)
    await page.goto(`${collector.url}/`)
    await expectStoredOnce(collector)
  })

  test('location.assign from a click', async ({ page, collector }) => {
    await open(page, collector)
    await page.click('#leave')
    await page.waitForURL(`${site.url}/next`)
    await expectStoredOnce(collector)
  })

  test('reloading', async ({ page, collector }) => {
    await open(page, collector)
    await page.reload()
    await expectStoredOnce(collector)
    // The reloaded page resends what the first one beaconed (it is still in IndexedDB until
    // acknowledged): the collector keeps one row per id.
    await page.evaluate(() => (window as any).rum.flush())
    await expectStoredOnce(collector)
  })
})
