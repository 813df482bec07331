import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { expect, test } from '@playwright/test'
import { minify } from 'terser'
import { launchCollector } from './launchCollector'
import { startSite } from './startSite'
import { watchConsole } from './watchConsole'

// A minified script throws in Chromium under the real snippet; the real collector, started with
// --sourcemaps, resolves the frames with the script's real source map (terser's), and the
// dashboard's error page shows the original functions, files and lines beside the minified places.

const SOURCE = `function totalOf(cart) {
  return cart.items.reduce((sum, item) => sum + item.price, 0)
}

function pay(cart) {
  document.title = 'paying ' + totalOf(cart)
}

document.getElementById('pay').addEventListener('click', () => pay({}))
`

test('an error group shows its stack resolved with the source map of its release', async ({ page }) => {
  const maps = mkdtempSync(join(tmpdir(), 'rumlet-maps-'))
  const minified = await minify({ 'checkout.js': SOURCE }, { sourceMap: { filename: 'checkout.min.js' }, compress: false, mangle: { toplevel: true } })
  // The collector reads DIR/<release>/<path of the script's URL>.map.
  mkdirSync(join(maps, '3.1', 'assets'), { recursive: true })
  writeFileSync(join(maps, '3.1', 'assets', 'checkout.min.js.map'), minified.map as string)
  const collector = await launchCollector({ args: ['--sourcemaps', maps] })
  const site = await startSite({
    '/': `<!doctype html><meta charset="utf-8"><title>shop</title>
<script src="/rumlet.js" data-endpoint="${collector.url}/rum" data-app="shop" data-release="3.1" data-flush-interval="60000"></script>
<button id="pay">Pay</button><script src="/assets/checkout.min.js"></script>`,
    '/assets/checkout.min.js': minified.code!,
  })
  try {
    await page.goto(`${site.url}/`)
    await page.waitForFunction(() => 'rum' in window && !('q' in (window as any).rum))
    await page.click('#pay')
    await page.evaluate(async () => {
      await new Promise((done) => setTimeout(done, 100))
      await (window as any).rum.flush()
    })
    await expect.poll(async () => (await (await fetch(`${collector.url}/api/errors`)).json()).errors.length).toBe(1)

    const problems = await watchConsole(page)
    await page.goto(`${collector.url}/?view=errors&live=0`)
    await page.locator('#error-groups a').first().click()
    await expect(page.locator('[data-error-title]')).toHaveText("TypeError: Cannot read properties of undefined (reading 'reduce')")
    await expect(page.locator('main')).toContainText('Releases: 3.1')
    // Innermost first: totalOf (line 2 of checkout.js), called by pay (line 6), called by the listener (line 9).
    const rows = page.locator('table.frames tbody tr')
    await expect(rows.nth(0).locator('td').nth(0)).toHaveText('totalOf')
    await expect(rows.nth(0).locator('td').nth(1)).toHaveText(/^checkout\.js:2:\d+$/)
    await expect(rows.nth(0).locator('td').nth(2)).toHaveText(new RegExp(`^${site.url.replace(/\./g, '\\.')}/assets/checkout\\.min\\.js:1:\\d+$`))
    await expect(rows.nth(1).locator('td').nth(0)).toHaveText('pay')
    await expect(rows.nth(1).locator('td').nth(1)).toHaveText(/^checkout\.js:6:\d+$/)
    await expect(rows.nth(2).locator('td').nth(1)).toHaveText(/^checkout\.js:9:\d+$/)
    // The stack as Chromium reported it: minified places only.
    await expect(page.locator('pre')).toContainText('/assets/checkout.min.js:1:')
    await expect(page.locator('pre')).not.toContainText('checkout.js:')
    expect(await problems()).toEqual([])
  } finally {
    await site.close()
    await collector.close()
    rmSync(maps, { recursive: true, force: true })
  }
})
