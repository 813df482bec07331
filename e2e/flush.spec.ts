import type { ActionEvent } from '../src/wire'
import { afterFirstSend } from './afterFirstSend'
import { expect, test } from './fixtures'
import { startSite } from './startSite'
import { tagPage } from './tagPage'

test('rum.flush() called while a send is in flight also sends what was recorded after that send began', async ({ page, collector }) => {
  const site = await startSite({ '/': tagPage(collector.url) })
  try {
    await page.goto(`${site.url}/`)
    await afterFirstSend(page)
    await page.evaluate(async () => {
      const rum = (window as any).rum
      rum.trackAction('first')
      const inFlight = rum.flush()
      rum.trackAction('late')
      await rum.flush()
      await inFlight
    })
    // flush "resolves when the collector has answered" and "sends every recorded event now": both
    // are stored by then, not at the next flush interval (a minute here).
    const actions = (await collector.events({ type: 'action' })) as ActionEvent[]
    expect(actions.map((e) => e.name)).toEqual(['first', 'late'])
  } finally {
    await site.close()
  }
})
