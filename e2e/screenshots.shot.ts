import { expect, test } from '@playwright/test'
import { launchCollector } from './launchCollector'
import { seedShop } from './seedShop'

// Takes docs/screenshots/*.png from a seeded day of a made-up shop (seedShop.ts), with an alert
// file whose rules fire on it. Run by `npm run screenshots`, not by `npm test`.

const ALERTS = `
interval: 1s
alerts:
  - { name: Checkout LCP, kind: vital, vital: LCP, above: 2500, window: 6h, filter: { page: /checkout } }
  - { name: Error rate, kind: errorRate, above: 0.05, window: 6h }
  - { name: New error after a release, kind: newErrorGroup, window: 24h }
slos:
  - name: Good LCP
    vital: LCP
    objective: 0.75
    window: 28d
    burnRates: [{ long: 6h, short: 30m, factor: 1.5 }, { long: 3d, short: 6h, factor: 1 }]
`

test('screenshots of every view', async ({ page }) => {
  const collector = await launchCollector({ alerts: ALERTS })
  try {
    await seedShop(collector.url, Date.now())
    const shot = async (name: string, query: string, ready: string) => {
      await page.goto(`${collector.url}/${query}`)
      await expect(page.locator(ready).first()).toBeVisible()
      await page.waitForTimeout(300)
      await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage: true })
    }
    // The alerts need one evaluation after the seeding.
    await page.waitForTimeout(1500)
    await shot('overview', '?live=0', '[data-chart] canvas')
    await shot('pages', '?view=pages&live=0', 'table')
    await shot('page', '?view=page&id=%2Fcheckout&live=0', '[data-chart] canvas')
    await shot('breakdowns', '?view=breakdowns&by=device&live=0', 'table')
    await shot('errors', '?view=errors&live=0', '#error-groups')
    await page.locator('#error-groups a').first().click()
    await expect(page.locator('[data-error-title]')).toBeVisible()
    await page.screenshot({ path: 'docs/screenshots/error.png', fullPage: true })
    await shot('sessions', '?view=sessions&live=0', '#sessions')
    await page.locator('#sessions a').nth(2).click()
    await expect(page.locator('#timeline')).toBeVisible()
    await page.screenshot({ path: 'docs/screenshots/session.png', fullPage: true })
    await shot('actions', '?view=actions&live=0', '#actions')
    await shot('health', '?view=health&live=0', '#health-notice')
    await shot('alerts', '?view=alerts&live=0', '#rules')
  } finally {
    await collector.close()
  }
})
