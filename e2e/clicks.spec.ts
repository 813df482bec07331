import type { ActionEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { rumPage } from './rumPage'
import { startSite } from './startSite'

test('clicks become named actions with their signs of frustration: dead, rage, error', async ({ page, collector }) => {
  const site = await startSite({
    '/': rumPage(collector.url, {
      body: `<button id="nothing">Apply coupon</button>
        <button id="more" aria-label="Load more" onclick="document.body.append('+')">▼</button>
        <a href="#" id="broken" data-rum-action="open_help" onclick="event.preventDefault(); null.open()">Help</a>`,
    }),
  })
  try {
    await page.goto(`${site.url}/`)
    await page.waitForFunction(() => 'rum' in window && !('q' in (window as any).rum))
    // rumlet's own sends are not a reaction to a click (a first one goes out when the page is idle).
    await page.click('#nothing')
    await page.waitForTimeout(1100)
    for (let i = 0; i < 3; i++) await page.click('#more', { delay: 10 })
    await page.waitForTimeout(1100)
    await page.click('#broken')
    await page.close() // the click still waiting is recorded at hide

    const clicks = (await collector.waitFor((events) => events.filter((e) => e.type === 'action').length >= 5)).filter(
      (e): e is ActionEvent => e.type === 'action' && e.source === 'click',
    )
    expect(clicks.map((c) => [c.name, c.target, c.frustration])).toEqual([
      ['Apply coupon', 'button#nothing', ['dead']],
      ['Load more', 'button#more', ['rage']],
      ['Load more', 'button#more', ['rage']],
      ['Load more', 'button#more', ['rage']],
      ['open_help', 'a#broken', ['error']],
    ])
  } finally {
    await site.close()
  }
})
