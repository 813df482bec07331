import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { hostPage, openHostPage } from './hostPage'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'
import type { Collector } from './startCollector'

// Issue 14, kind 8: ordinary gestures are not frustration. Double- and triple-clicks that select
// text, clicks in a text field and other multi-click gestures are not rage clicks; a click whose
// effect is a selection or a focus change is not dead. Default options: a rage click is 3 clicks
// within 1 s and 100 px; a dead click waits 1 s for a reaction.

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

const BODY = `<p id="terms">By ordering you accept the terms of sale, the privacy policy and the delivery conditions.</p>
  <input id="coupon" value="SPRING-SALE-2025" style="width:300px">
  <button id="nothing">Apply</button>
  <label for="email">Email</label> <input id="email">
  <button id="focus-email" onclick="document.getElementById('email').focus()">Edit email</button>
  <pre id="code">npm install rumlet</pre>
  <button id="select-code" onclick="getSelection().selectAllChildren(document.getElementById('code'))">Select command</button>`

const open = async (page: Page, collectorUrl: string) => {
  site = await startHostSite({ '/': hostPage('script tag', collectorUrl, { body: BODY }) })
  await openHostPage(page, `${site.url}/`)
}

/** The stored clicks (target and frustration), read once the frustration window of the last has passed and the page flushed. */
const clicksOn = async (page: Page, collector: Collector, count: number) => {
  await page.waitForTimeout(1100)
  await page.evaluate(() => (window as any).rum.flush())
  const events = await collector.waitFor((events) => ofType(events, 'action').filter((action) => action.source === 'click').length >= count, 5000)
  return ofType(events, 'action')
    .filter((action) => action.source === 'click')
    .map(({ target, frustration }) => ({ target, frustration }))
}

test('a triple-click that selects a paragraph is not a rage click; three clicks on a button that does nothing are', async ({ page, collector }) => {
  await open(page, collector.url)
  await page.click('#terms', { clickCount: 3 })
  expect(await page.evaluate(() => getSelection()!.toString())).toContain('By ordering you accept')
  await page.waitForTimeout(1100) // apart from the next gesture
  await page.click('#nothing', { clickCount: 3 })
  const clicks = await clicksOn(page, collector, 6)
  expect.soft(clicks.filter((click) => click.target === 'p#terms'), 'the selecting triple-click').toEqual(Array(3).fill({ target: 'p#terms', frustration: undefined }))
  expect(clicks.filter((click) => click.target === 'button#nothing'), 'the control: a rage click').toEqual(Array(3).fill({ target: 'button#nothing', frustration: ['rage', 'dead'] }))
})

test('clicking into a text field and triple-clicking to select its text is neither rage nor dead', async ({ page, collector }) => {
  await open(page, collector.url)
  await page.click('#coupon', { position: { x: 20, y: 5 } })
  await page.click('#coupon', { position: { x: 40, y: 5 }, clickCount: 3 })
  expect(await page.evaluate(() => { const input = document.getElementById('coupon') as HTMLInputElement; return input.value.slice(input.selectionStart!, input.selectionEnd!) })).toBe('SPRING-SALE-2025')
  const clicks = await clicksOn(page, collector, 4)
  expect(clicks).toEqual(Array(4).fill({ target: 'input#coupon', frustration: undefined }))
})

test('two double-clicks selecting two words in a row are not a rage click', async ({ page, collector }) => {
  await open(page, collector.url)
  await page.click('#terms', { position: { x: 10, y: 8 }, clickCount: 2 })
  await page.click('#terms', { position: { x: 60, y: 8 }, clickCount: 2 })
  expect(await page.evaluate(() => getSelection()!.toString().trim().length)).toBeGreaterThan(0)
  const clicks = await clicksOn(page, collector, 4)
  expect(clicks).toEqual(Array(4).fill({ target: 'p#terms', frustration: undefined }))
})

test('a button whose effect is a focus change, and one whose effect is a selection, are not dead clicks', async ({ page, collector }) => {
  await open(page, collector.url)
  await page.click('#focus-email')
  await expect(page.locator('#email')).toBeFocused()
  await page.waitForTimeout(1100) // not one rage gesture
  await page.click('#select-code')
  expect(await page.evaluate(() => getSelection()!.toString())).toBe('npm install rumlet')
  const clicks = await clicksOn(page, collector, 2)
  expect(clicks).toEqual([
    { target: 'button#focus-email', frustration: undefined },
    { target: 'button#select-code', frustration: undefined },
  ])
})
