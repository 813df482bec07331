import type { Page } from '@playwright/test'
import type { RumEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { hostPage, openHostPage } from './hostPage'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'

// Issue 14, kind 2: a click inside a shadow root. rumlet's listener is on the window, where the
// event's target is retargeted to the outermost shadow host; the element the user clicked is
// composedPath()[0] for open roots, at any depth. A closed root hides its inside from the page
// and from rumlet alike (verified in Chromium: composedPath() starts at the host).

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

/** A custom element `tag` whose shadow root (`mode`) holds `html`. */
const component = (tag: string, mode: 'open' | 'closed', html: string) =>
  `customElements.define('${tag}', class extends HTMLElement {
    connectedCallback() { this.attachShadow({ mode: '${mode}' }).innerHTML = ${JSON.stringify(html)} }
  })`

const open = async (page: Page, collectorUrl: string, body: string, components: string[]) => {
  site = await startHostSite({
    '/': hostPage('script tag', collectorUrl, { options: { frustrationWindow: 300 }, body: `${body}<script>${components.join('\n')}</script>` }),
  })
  await openHostPage(page, `${site.url}/`)
}

/** Clicks whose frustration window has passed, as stored: name, target and frustration. */
const storedClicks = async (page: Page, collector: { waitFor: (done: (events: RumEvent[]) => boolean, timeout?: number) => Promise<RumEvent[]> }, count: number) => {
  await page.waitForTimeout(400) // the last click's 300 ms frustration window
  await page.evaluate(() => (window as any).rum.flush())
  const events = await collector.waitFor((events) => ofType(events, 'action').filter((action) => action.source === 'click').length >= count, 5000)
  return ofType(events, 'action')
    .filter((action) => action.source === 'click')
    .map(({ name, target, frustration }) => ({ name, target, frustration }))
}

test('a button in an open shadow root is named, targeted and found dead as the button itself, like one in the light DOM (case 02)', async ({ page, collector }) => {
  await open(page, collector.url, '<buy-button id="host"></buy-button><button id="light">Checkout</button>', [
    component('buy-button', 'open', '<button id="inner" aria-label="Add to cart">Add to cart</button>'),
  ])
  await page.click('#light')
  await page.click('#inner') // Playwright pierces open shadow roots
  const clicks = await storedClicks(page, collector, 2)
  // What rumlet's own naming chain says of the button the user pressed.
  const explained = await page.evaluate(() => (window as any).rum.explainAction(document.querySelector('#host')!.shadowRoot!.querySelector('#inner')))
  expect(explained).toEqual({ name: 'Add to cart', rule: 'aria-label' })
  // Neither button does anything: both are dead clicks.
  expect(clicks).toEqual([
    { name: 'Checkout', target: 'button#light', frustration: ['dead'] },
    { name: 'Add to cart', target: expect.stringMatching(/button#inner$/), frustration: ['dead'] },
  ])
})

test('a button in a shadow root inside another shadow root is named after itself, and its reaction inside that root means it is not dead', async ({ page, collector }) => {
  await open(page, collector.url, '<checkout-panel id="panel"></checkout-panel>', [
    component('pay-button', 'open', `<button id="pay" onclick="this.textContent = 'Paid'">Pay now</button>`),
    component('checkout-panel', 'open', '<section><h2>Your order</h2><pay-button></pay-button></section>'),
  ])
  await page.click('#pay')
  await expect(page.locator('#pay')).toHaveText('Paid')
  expect(await storedClicks(page, collector, 1)).toEqual([{ name: 'Pay now', target: expect.stringMatching(/button#pay$/), frustration: undefined }])
})

test('a click inside a closed shadow root is named after its host, and nothing inside the closed root leaks into the name', async ({ page, collector }) => {
  await open(page, collector.url, '<card-field id="card"></card-field>', [
    component('card-field', 'closed', '<button id="reveal">Reveal 4111 1111 1111 1111</button>'),
  ])
  // The closed root cannot be pierced: click where its button is.
  await page.click('#card')
  expect(await storedClicks(page, collector, 1)).toEqual([{ name: 'card-field#card', target: 'card-field#card', frustration: undefined }])
})

test('a click inside a web component placed in a data-rum-private section is named [private], and one in data-rum-ignore is not recorded', async ({ page, collector }) => {
  // closest() stops at a shadow root: the section's attribute is on the light-DOM side.
  await open(page, collector.url, `<section data-rum-private><account-card id="account"></account-card></section>
    <aside data-rum-ignore><account-card id="ignored"></account-card></aside>`, [
    component('account-card', 'open', '<button class="show">Show IBAN DE89 3704 0044 0532 0130 00</button>'),
  ])
  await page.click('#ignored .show')
  await page.click('#account .show')
  expect((await storedClicks(page, collector, 1)).map((click) => click.name)).toEqual(['[private]'])
})
