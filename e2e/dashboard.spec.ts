import type { ErrorEvent, RumEvent, VitalEvent } from '../src/wire'
import { expect, test } from './fixtures'

const has = (events: RumEvent[], type: string, name?: string) => events.some((e) => e.type === type && (!name || (e as VitalEvent).name === name))

test('the dashboard shows what a real visit stored: the LCP p75, the error group and the session', async ({ page, collector }) => {
  await page.goto(`${collector.url}/demo/`)
  await page.waitForFunction(() => 'rum' in window)
  await page.click('#add-to-cart')
  await page.click('#throw')
  // Leaving the demo for the dashboard hides it: rumlet beacons what it holds.
  await page.goto(`${collector.url}/`)
  const events = await collector.waitFor((events) => has(events, 'vital', 'LCP') && has(events, 'error') && has(events, 'view_end'))
  const lcp = events.filter((e): e is VitalEvent => e.type === 'vital' && e.name === 'LCP')
  const error = events.find((e): e is ErrorEvent => e.type === 'error')!
  expect(error.message).toContain('Demo: the buy button is broken')

  // The dashboard asked before the beacons were stored: load it again.
  await page.reload()
  const card = page.locator('[data-vital="LCP"]')
  await expect(card).toContainText('1 sample ·')
  // The p75 of one page load is its LCP, as web-vitals reported it last.
  await expect(card.locator('.value')).toHaveText(`${Math.round(lcp[lcp.length - 1].value).toLocaleString('en')} ms`)
  await page.goto(`${collector.url}/?view=pages`)
  await expect(page.locator('main table')).toContainText('/demo/')
  await page.goto(`${collector.url}/?view=errors`)
  const errorRow = page.locator('#error-groups tbody tr')
  await expect(errorRow).toHaveCount(1)
  await expect(errorRow).toContainText('Demo: the buy button is broken')
  await expect(errorRow.locator('td').nth(1)).toHaveText('1')
  await page.goto(`${collector.url}/?view=sessions`)
  const sessionLink = page.locator('#sessions tbody tr a')
  await expect(sessionLink).toHaveCount(1)
  await expect(sessionLink).toHaveAttribute('href', `/?view=session&id=${encodeURIComponent(error.sessionId)}`)
  await expect(page.locator('#sessions tbody tr')).toContainText(`${collector.url}/demo/`)
})
