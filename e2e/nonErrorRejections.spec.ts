import type { Page } from '@playwright/test'
import type { ErrorEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { hostPage, openHostPage } from './hostPage'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'
import type { Collector } from './startCollector'

// Issue 14, kind 4: what a page rejects with (or throws) is not always an Error. A non-Error is
// described by what it is: an Event by its type and target (tag and URL), a DOM node by its
// selector, any other object by its constructor name and own keys; different ones group apart.

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

const open = async (page: Page, collector: Collector, body = '') => {
  site = await startHostSite({ '/': hostPage('script tag', collector.url, { body }) })
  // The page's own count of its unhandled rejections (an init script runs before rumlet).
  await page.addInitScript(() => addEventListener('unhandledrejection', () => ((window as any).rejected = ((window as any).rejected || 0) + 1)))
  await openHostPage(page, `${site.url}/`)
}

/** The stored unhandled rejections, once `count` are there. */
const rejections = async (page: Page, collector: Collector, count: number) => {
  // A load fails when the server has answered 404: flush once the browser has rejected them all.
  await page.waitForFunction((count) => (window as any).rejected >= count, count)
  await page.evaluate(() => (window as any).rum.flush())
  const events = await collector.waitFor((events) => ofType(events, 'error').filter((error) => error.source === 'unhandledrejection').length >= count, 5000)
  return ofType(events, 'error').filter((error) => error.source === 'unhandledrejection')
}

const fingerprints = (errors: ErrorEvent[]) => new Set(errors.map((error) => error.fingerprint)).size

test('promises rejected with a script\'s and an image\'s error Event say so, with the element and its URL, and group apart (case 05)', async ({ page, collector }) => {
  await open(page, collector, `<script>
    window.loadScript = (src) => new Promise((resolve, reject) => {
      const script = document.createElement('script'); script.src = src; script.onload = resolve; script.onerror = reject; document.head.append(script)
    })
    window.loadImage = (src) => new Promise((resolve, reject) => { const image = new Image(); image.onload = resolve; image.onerror = reject; image.src = src })
  </script>`)
  // Both unhandled: a code chunk that failed to load, and an avatar image (both 404).
  await page.evaluate(() => {
    ;(window as any).loadScript('/chunks/checkout.js')
    ;(window as any).loadImage('/img/avatar.png')
  })
  const errors = await rejections(page, collector, 2)
  // The URL may be in the message or, scrubbed like any URL, in `resource`.
  const about = (error: ErrorEvent) => `${error.message} ${error.resource || ''}`
  const script = errors.find((error) => about(error).includes('/chunks/checkout.js'))
  const image = errors.find((error) => about(error).includes('/img/avatar.png'))
  expect.soft(errors.map(about), 'each names its URL').toEqual(expect.arrayContaining([expect.stringContaining('/chunks/checkout.js'), expect.stringContaining('/img/avatar.png')]))
  expect.soft(script, 'an error Event of a <script>').toMatchObject({ errorType: 'Event', message: expect.stringMatching(/\berror\b.*\bscript\b|\bscript\b.*\berror\b/) })
  expect.soft(image, 'an error Event of an <img>').toMatchObject({ errorType: 'Event', message: expect.stringMatching(/\berror\b.*\bimg\b|\bimg\b.*\berror\b/) })
  expect(fingerprints(errors)).toBe(2)
})

test('a promise rejected with a DOM element is described by its selector; instances of two classes without own fields, by their class names; all group apart', async ({ page, collector }) => {
  // Classes whose state is private or behind getters: JSON.stringify gives {} for both.
  await open(page, collector, `<form id="checkout-form"><button>Pay</button></form><script>
    class PaymentDeclined { #code = 'card_declined'; get code() { return this.#code } }
    class SessionExpired { #at = Date.now(); get at() { return this.#at } }
    window.rejectAll = () => {
      Promise.reject(document.getElementById('checkout-form'))
      Promise.reject(new PaymentDeclined())
      Promise.reject(new SessionExpired())
    }
  </script>`)
  await page.evaluate(() => (window as any).rejectAll())
  const errors = await rejections(page, collector, 3)
  expect.soft(errors.map((error) => error.errorType).sort(), 'each by its constructor').toEqual(['HTMLFormElement', 'PaymentDeclined', 'SessionExpired'])
  expect.soft(errors.map((error) => error.message), 'the element by its selector').toContainEqual(expect.stringContaining('form#checkout-form'))
  expect(fingerprints(errors)).toBe(3)
})

test('plain objects, strings, null and undefined rejected are each described by what they hold, and group apart', async ({ page, collector }) => {
  await open(page, collector)
  await page.evaluate(() => {
    Promise.reject({ code: 'E_TIMEOUT', retry: true })
    Promise.reject({ status: 503 })
    Promise.reject('timeout')
    Promise.reject(null)
    Promise.reject(undefined)
  })
  const errors = await rejections(page, collector, 5)
  const described = errors.map((error) => error.message)
  expect(described).toEqual(expect.arrayContaining([expect.stringMatching(/code.*retry/), expect.stringContaining('status'), 'timeout', 'null', 'undefined']))
  expect(fingerprints(errors)).toBe(5)
})
