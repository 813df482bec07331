import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { expect, test } from '@playwright/test'
import { minify } from 'terser'
import { launchCollector } from './launchCollector'
import { seedShop } from './seedShop'

// Takes docs/screenshots/*.png from a seeded day of a made-up shop (seedShop.ts), with an alert
// file whose rules fire on it. Run by `npm run screenshots`, not by `npm test`.

// Release 1.5.0's checkout script, minified by terser with its source map (given to the collector
// with --sourcemaps), run once in Node for the stack its new error carries: the error page then
// shows real resolved frames.
const CHECKOUT = `function renderSummary(order) {
  return 'Total: ' + order.summary.total.toFixed(2)
}

function pay(cart) {
  return renderSummary({ items: cart.items })
}

pay({ items: [] })
`

/** Writes the map into `maps` and returns the stack the script throws, without Node's frames below it. */
async function checkoutStack(maps: string): Promise<string> {
  const url = 'https://shop.example/assets/checkout.js'
  const built = await minify({ 'src/checkout.js': CHECKOUT }, { sourceMap: { filename: 'checkout.js' }, compress: false, mangle: { toplevel: true } })
  mkdirSync(join(maps, '1.5.0', 'assets'), { recursive: true })
  writeFileSync(join(maps, '1.5.0', 'assets', 'checkout.js.map'), built.map as string)
  try {
    runInNewContext(built.code!, {}, { filename: url })
  } catch (e) {
    // Node puts the source line and a caret above the message: a browser does not.
    const lines = (e as Error).stack!.split('\n')
    return lines.slice(lines.findIndex((line) => line.startsWith('TypeError'))).filter((line) => !line.trim().startsWith('at ') || line.includes(url)).join('\n')
  }
  throw new Error('the checkout script did not throw')
}

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
  const maps = mkdtempSync(join(tmpdir(), 'rumlet-maps-'))
  const stack = await checkoutStack(maps)
  const collector = await launchCollector({ alerts: ALERTS, args: ['--sourcemaps', maps] })
  try {
    await seedShop(collector.url, Date.now(), 400, stack)
    // Long lists are cut at the window's height.
    const shot = async (name: string, query: string, ready: string, fullPage = true) => {
      await page.goto(`${collector.url}/${query}`)
      await expect(page.locator(ready).first()).toBeVisible()
      await page.waitForTimeout(300)
      await page.screenshot({ path: `docs/screenshots/${name}.png`, fullPage })
    }
    // The alerts need one evaluation after the seeding.
    await page.waitForTimeout(1500)
    await shot('overview', '?live=0', '[data-chart] canvas')
    await shot('pages', '?view=pages&live=0', 'table')
    await shot('page', '?view=page&id=%2Fcheckout&live=0', '[data-chart] canvas')
    await shot('breakdowns', '?view=breakdowns&by=device&live=0', 'table')
    await shot('errors', '?view=errors&live=0', '#error-groups')
    await page.locator('#error-groups a', { hasText: 'total' }).click()
    await expect(page.locator('[data-error-title]')).toBeVisible()
    await page.screenshot({ path: 'docs/screenshots/error.png', fullPage: true })
    await shot('sessions', '?view=sessions&live=0', '#sessions', false)
    await page.locator('#sessions a').nth(2).click()
    await expect(page.locator('#timeline')).toBeVisible()
    await page.screenshot({ path: 'docs/screenshots/session.png' })
    await shot('actions', '?view=actions&live=0', '#actions')
    await shot('health', '?view=health&live=0', '#health-notice')
    await shot('alerts', '?view=alerts&live=0', '#rules')
  } finally {
    await collector.close()
    rmSync(maps, { recursive: true, force: true })
  }
})
