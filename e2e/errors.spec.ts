import type { ErrorEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { rumPage } from './rumPage'
import { startSite } from './startSite'

test('50 identical uncaught errors become at most 2 events whose counts sum to 50; an unhandled rejection is its own', async ({ page, collector }) => {
  const site = await startSite({ '/': rumPage(collector.url) })
  try {
    await page.goto(`${site.url}/`)
    await page.waitForFunction(() => 'rum' in window && !('q' in (window as any).rum))
    await page.evaluate(async () => {
      // Each throw in its own task: 50 uncaught errors, all from the same line.
      for (let i = 0; i < 50; i++) setTimeout(() => { throw new TypeError('cart is undefined') })
      Promise.reject(new RangeError('quantity out of range'))
      await new Promise((done) => setTimeout(done, 100))
      await (window as any).rum.flush()
    })
    const errors = (await collector.waitFor((events) => events.filter((e) => e.type === 'error').length >= 3)).filter(
      (e): e is ErrorEvent => e.type === 'error',
    )
    const repeated = errors.filter((e) => e.message === 'cart is undefined')
    expect(repeated.length).toBeLessThanOrEqual(2)
    expect(repeated.reduce((sum, e) => sum + e.count, 0)).toBe(50)
    expect(new Set(repeated.map((e) => e.fingerprint)).size).toBe(1)
    expect(repeated[0]).toMatchObject({ errorType: 'TypeError', source: 'error' })
    expect(repeated[0].stack).toContain('cart is undefined')
    expect(errors.filter((e) => e.source === 'unhandledrejection')).toMatchObject([{ errorType: 'RangeError', message: 'quantity out of range', count: 1 }])
  } finally {
    await site.close()
  }
})

test('a broken image is a resource error with its URL; an error right after a click names that click', async ({ page, collector }) => {
  const site = await startSite({
    '/': rumPage(collector.url, {
      body: `<button id="pay" onclick="setTimeout(() => { throw new Error('payment failed') }, 50)">Pay now</button>`,
    }),
  })
  try {
    await page.goto(`${site.url}/`)
    await page.waitForFunction(() => 'rum' in window && !('q' in (window as any).rum))
    await page.evaluate(() => {
      const img = document.createElement('img')
      img.src = '/missing.png?token=abc'
      document.body.append(img)
    })
    await page.click('#pay')
    await page.waitForTimeout(200)
    await page.evaluate(() => (window as any).rum.flush())
    const errors = (await collector.waitFor((events) => events.filter((e) => e.type === 'error').length >= 2)).filter(
      (e): e is ErrorEvent => e.type === 'error',
    )
    expect(errors.find((e) => e.source === 'resource')).toMatchObject({
      message: 'img failed to load', errorType: 'ResourceError', resource: `${site.url}/missing.png?token=redacted`,
    })
    expect(errors.find((e) => e.message === 'payment failed')).toMatchObject({ source: 'error', action: 'Pay now' })
  } finally {
    await site.close()
  }
})

test('with the console add-on (rumlet.console.js), console.error becomes an error event of source console', async ({ page, collector }) => {
  const site = await startSite({ '/': rumPage(collector.url, { head: '<script src="/rumlet.console.js"></script>' }) })
  try {
    await page.goto(`${site.url}/`)
    await page.waitForFunction(() => 'rum' in window && !('q' in (window as any).rum))
    await page.evaluate(() => {
      console.error('price feed failed:', { status: 503 })
      return (window as any).rum.flush()
    })
    const events = await collector.waitFor((events) => events.some((e) => e.type === 'error'))
    expect(events.filter((e) => e.type === 'error')).toMatchObject([
      { source: 'console', errorType: 'console.error', message: 'price feed failed: {"status":503}' },
    ])
  } finally {
    await site.close()
  }
})

test('an uncaught error leaves within about a second, with the events written before it, however long flushInterval is', async ({ page, collector }) => {
  const site = await startSite({ '/': rumPage(collector.url, { flushInterval: 60_000 }) })
  try {
    await page.goto(`${site.url}/`)
    await page.waitForFunction(() => 'rum' in window && !('q' in (window as any).rum))
    await page.evaluate(() => (window as any).rum.trackAction('before the error'))
    await page.evaluate(() => setTimeout(() => { throw new Error('checkout crashed') }))
    // No flush, no exit: only the error's own send can deliver within the 60 s interval.
    const events = await collector.waitFor((events) => events.some((e) => e.type === 'error'), 10_000)
    expect(events.filter((e) => e.type === 'error')).toMatchObject([{ message: 'checkout crashed' }])
    expect(events.some((e) => e.type === 'action' && e.name === 'before the error')).toBe(true)
  } finally {
    await site.close()
  }
})
