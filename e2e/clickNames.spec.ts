import type { Page } from '@playwright/test'
import { expect, test } from './fixtures'
import { hostPage, openHostPage } from './hostPage'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'
import type { Collector } from './startCollector'

// Issue 14, kind 7: a click's name comes from what was clicked: the element, its own label and
// its own text, else its selector. Clicking the empty padding of a container must not name the
// action after something found deeper inside it (an image's alt, a heading): that misnames the
// action and copies page content into the data.

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

const open = async (page: Page, collectorUrl: string, body: string) => {
  site = await startHostSite({ '/': hostPage('script tag', collectorUrl, { options: { frustrationWindow: 100 }, body }) })
  await openHostPage(page, `${site.url}/`)
}

const storedClicks = async (page: Page, collector: Collector, count: number) => {
  await page.waitForTimeout(200) // the last click's 100 ms frustration window
  await page.evaluate(() => (window as any).rum.flush())
  const events = await collector.waitFor((events) => ofType(events, 'action').filter((action) => action.source === 'click').length >= count, 5000)
  return ofType(events, 'action')
    .filter((action) => action.source === 'click')
    .map(({ name, target }) => ({ name, target }))
}

const PADDED = 'style="display:block; padding:40px; border:1px solid"'

test('a click on a container\'s padding with an <img alt> deep inside is named after the container, not the image', async ({ page, collector }) => {
  await open(page, collector.url, `<div id="gallery" ${PADDED}><figure><figcaption></figcaption>
    <img alt="Passport scan of Jane Doe" width="40" height="40" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></figure></div>`)
  await page.click('#gallery', { position: { x: 5, y: 5 } })
  expect(await storedClicks(page, collector, 1)).toEqual([{ name: 'div#gallery', target: 'div#gallery' }])
})

test('a click on a list item\'s padding, with a heading and an avatar deep inside, is named by its selector', async ({ page, collector }) => {
  await open(page, collector.url, `<ul id="results"><li class="result" ${PADDED}>
    <article><header><h3>Q3 layoffs: list of names</h3></header>
    <img alt="Avatar of the author" width="20" height="20" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></article></li></ul>`)
  await page.click('li.result', { position: { x: 5, y: 5 } })
  const clicks = await storedClicks(page, collector, 1)
  expect(clicks).toEqual([{ name: 'ul#results>li.result', target: 'ul#results>li.result' }])
})

test('an element\'s own alt, and an image that is a link\'s or button\'s only content, still name the click', async ({ page, collector }) => {
  const pixel = 'width="30" height="30" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="'
  await open(page, collector.url, `<a id="home" href="#top"><img ${pixel} alt="Home"></a>
    <button id="close"><img ${pixel} alt="Close dialog"></button>
    <img id="chart" ${pixel} alt="Sales by month">`)
  for (const selector of ['#home img', '#close', '#chart']) await page.click(selector)
  expect(await storedClicks(page, collector, 3)).toEqual([
    { name: 'Home', target: 'a#home' },
    { name: 'Close dialog', target: 'button#close' },
    { name: 'Sales by month', target: 'img#chart' },
  ])
})
