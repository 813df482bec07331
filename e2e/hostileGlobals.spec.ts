import { readFileSync } from 'node:fs'
import type { Page } from '@playwright/test'
import type { RumEvent } from '../src/wire'
import { expect, test } from './fixtures'
import { BUILDS, hostPage, openHostPage } from './hostPage'
import { ofType } from './ofType'
import { startHostSite, type HostSite } from './startHostSite'

// Issue 14, kind 1: the host page changed a global that rumlet patches or calls. An
// instrumentation that cannot be installed is skipped and reported once in debug mode; everything
// else runs, and rumlet's own transport keeps working whatever the page did.

let site: HostSite | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

// Made read-only (non-writable, non-configurable) before rumlet loads, as an in-app browser or a
// hardening script does (DataDog/browser-sdk#5045, #2317).
const LOCK = `const lock = (object, name) => Object.defineProperty(object, name, { value: object[name], writable: false, configurable: false })`

interface Locked {
  lock: string
  modules?: ('network' | 'console')[]
  /** How rumlet's debug line names the method it skipped. */
  named: RegExp
  /** Exercises an instrumentation next to the locked one, which must still work… */
  sibling: (page: Page) => Promise<unknown>
  /** …as this stored event shows. */
  siblingStored: (events: RumEvent[]) => boolean
}

const LOCKED: Record<string, Locked> = {
  'history.pushState': {
    lock: `lock(history, 'pushState')`,
    named: /history\.pushState/,
    // A fragment route change is seen by rumlet's hashchange listener, not by its pushState patch.
    sibling: (page) => page.evaluate(() => (location.hash = '#/cart')),
    siblingStored: (events) => ofType(events, 'page_view').some((view) => view.navigationType === 'route_change' && view.url.endsWith('#/cart')),
  },
  'window.fetch': {
    lock: `lock(window, 'fetch')`,
    modules: ['network'],
    named: /\bfetch\b/,
    sibling: (page) =>
      page.evaluate(() => new Promise((done) => {
        const request = new XMLHttpRequest()
        request.open('GET', '/data')
        request.onloadend = done
        request.send()
      })),
    siblingStored: (events) => ofType(events, 'resource').some((request) => request.kind === 'xhr' && request.resource.endsWith('/data')),
  },
  'XMLHttpRequest.prototype.send': {
    lock: `lock(XMLHttpRequest.prototype, 'send')`,
    modules: ['network'],
    named: /XMLHttpRequest/,
    sibling: (page) => page.evaluate(() => fetch('/data').then(() => undefined)),
    siblingStored: (events) => ofType(events, 'resource').some((request) => request.kind === 'fetch' && request.resource.endsWith('/data')),
  },
  'console.error': {
    lock: `lock(console, 'error')`,
    modules: ['console'],
    named: /console/,
    // Clicks are started after the console patch.
    sibling: (page) => page.click('h1'),
    siblingStored: (events) => ofType(events, 'action').some((action) => action.source === 'click'),
  },
}

for (const [name, locked] of Object.entries(LOCKED))
  for (const build of BUILDS)
    test(`${build}: a read-only ${name} is skipped and reported once in debug mode; page views, actions, errors and the other instrumentations still work`, async ({ page, collector }) => {
      site = await startHostSite({
        '/': hostPage(build, collector.url, { before: `${LOCK}\n${locked.lock}`, modules: locked.modules, options: { debug: true, frustrationWindow: 100 } }),
      })
      const { debug, pageErrors } = await openHostPage(page, `${site.url}/`)
      await page.evaluate(() => {
        ;(window as any).rum.trackAction('after_init')
        setTimeout(() => {
          throw new Error('an uncaught error after init')
        })
      })
      await locked.sibling(page)
      await page.waitForTimeout(200) // the click's 100 ms frustration window
      await page.evaluate(() => (window as any).rum.flush())

      const done = (events: RumEvent[]) =>
        ofType(events, 'page_view').some((view) => view.navigationType === 'navigate') &&
        ofType(events, 'action').some((action) => action.name === 'after_init') &&
        ofType(events, 'error').some((error) => error.message === 'an uncaught error after init') &&
        locked.siblingStored(events)
      const events = await collector.waitFor(done, 5000)
      // Soft: a failure lists everything that is missing, not only the first.
      expect.soft(ofType(events, 'page_view').map((view) => view.navigationType), 'the hard load is a page view').toContain('navigate')
      expect.soft(ofType(events, 'action').map((action) => action.name), 'trackAction after init').toContain('after_init')
      expect.soft(ofType(events, 'error').map((error) => error.message), 'uncaught errors').toContain('an uncaught error after init')
      expect.soft(locked.siblingStored(events), 'the instrumentation next to the locked one').toBe(true)
      expect.soft(pageErrors.filter((message) => !message.includes('an uncaught error after init')), 'nothing thrown into the page').toEqual([])
      expect.soft(debug.filter((line) => locked.named.test(line)), `one debug line names ${name}`).toHaveLength(1)
    })

const names = (events: RumEvent[], prefix: string) => ofType(events, 'action').filter((action) => action.name.startsWith(prefix)).map((action) => action.name)
const all = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${i}`).sort()

test('a fetch wrapper the page adds after rumlet, whose then() drops the response, does not stop rumlet\'s sends: 60 actions arrive while the page is open', async ({ page, collector }) => {
  // A common bug: the wrapper's then() logs the response and forgets to return it, so every
  // fetch of the page resolves to undefined. rumlet's own requests are its business.
  const wrapper = `const pageFetch = window.fetch
    window.fetch = function (input, init) { return pageFetch.call(this, input, init).then((response) => { window.lastStatus = response.status }) }`
  site = await startHostSite({ '/': hostPage('script tag', collector.url, { options: { flushInterval: 1000 }, after: wrapper }) })
  await openHostPage(page, `${site.url}/`)
  await page.evaluate(() => {
    for (let i = 0; i < 60; i++) (window as any).rum.trackAction(`wrapped${i}`)
  })
  // rumlet sends batch after batch, each once the one before it is acknowledged: the actions
  // leave only if rumlet reads the collector's answer, not the page's wrapper's undefined.
  const events = await collector.waitFor((events) => names(events, 'wrapped').length >= 60, 8000)
  expect(names(events, 'wrapped').sort()).toEqual(all('wrapped', 60))
})

// Replaced before rumlet loaded: by an APM's tracing wrapper that adds a header to every request
// (which the collector's CORS preflight refuses), or removed by a page that forces a polyfill. The
// build before sent through whatever was there: nothing arrived while the page was open.
const REPLACED_FETCH = {
  'wrapped by a script that adds a header': `window.seen = []
    const pageFetch = window.fetch
    window.fetch = function (input, init = {}) {
      seen.push(String(input))
      const headers = new Headers(init.headers)
      headers.set('x-request-id', String(Math.random()))
      return pageFetch.call(this, input, { ...init, headers })
    }`,
  'set to undefined': `window.seen = []; window.fetch = undefined`,
}
for (const [how, before] of Object.entries(REPLACED_FETCH))
  test(`window.fetch ${how} before rumlet loads: rumlet sends with the browser's own fetch, and the events arrive while the page is open`, async ({ page, collector }) => {
    site = await startHostSite({ '/': hostPage('script tag', collector.url, { before }) })
    const { pageErrors } = await openHostPage(page, `${site.url}/`)
    await page.evaluate(() => (window as any).rum.trackAction('open_page'))
    await page.evaluate(() => (window as any).rum.flush())
    const events = await collector.waitFor((events) => names(events, 'open_page').length > 0, 5000)
    expect(names(events, 'open_page')).toEqual(['open_page'])
    expect(await page.evaluate(() => (window as any).seen)).toEqual([])
    expect(pageErrors).toEqual([])
  })

test('navigator.sendBeacon replaced by a function that throws: the events of a page being closed still arrive', async ({ page, collector }) => {
  const before = `navigator.sendBeacon = () => { throw new Error('beacons are blocked on this page') }`
  site = await startHostSite({ '/': hostPage('script tag', collector.url, { before }) })
  const { pageErrors } = await openHostPage(page, `${site.url}/`)
  // Past rumlet's first send (at the first idle moment): these events can leave only at exit.
  await page.evaluate(() => new Promise((idle) => requestIdleCallback(() => setTimeout(idle, 100))).then(() => (window as any).rum.flush()))
  await page.evaluate(() => {
    for (let i = 0; i < 10; i++) (window as any).rum.trackAction(`closing${i}`)
  })
  await page.close()
  const events = await collector.waitFor((events) => names(events, 'closing').length >= 10)
  expect(names(events, 'closing').sort()).toEqual(all('closing', 10))
  expect(pageErrors).toEqual([])
})

test('a page with Prototype.js\'s Array.prototype.toJSON: a dead click is stored with its frustration', async ({ page, collector }) => {
  // Prototype.js < 1.7 defines Array.prototype.toJSON, so JSON.stringify writes every array as
  // a string: ["dead"] becomes "[\"dead\"]", which the collector refuses.
  const before = `Array.prototype.toJSON = function () { return '[' + this.map((item) => JSON.stringify(item)).join(',') + ']' }`
  site = await startHostSite({ '/': hostPage('script tag', collector.url, { before, options: { frustrationWindow: 300 }, body: '<button id="apply">Apply coupon</button>' }) })
  await openHostPage(page, `${site.url}/`)
  await page.click('#apply')
  await page.waitForTimeout(400) // the click's 300 ms frustration window
  await page.evaluate(() => (window as any).rum.flush())
  const events = await collector.waitFor((events) => ofType(events, 'action').some((action) => action.source === 'click'), 5000)
  expect(ofType(events, 'action').map(({ name, frustration }) => ({ name, frustration }))).toEqual([{ name: 'Apply coupon', frustration: ['dead'] }])
})

// Prototype.js 1.7 before rumlet's tag, as on Magento 1 shops (e2e/vendor/README.md): arrays
// without a working `entries()`, and `Array.from` that ignores its map function. The build before
// stored nothing at all on such a page (every write threw), and with `entries` put back it wrote
// `buttonbtnprimary` selectors and decimal trace ids the collector refused. The form's hidden
// `<input name="id">` shadows `form.id` (the build before wrote `form#\[object\ HTMLInputElement\]`).
for (const version of ['1.7.0', '1.7.3'])
  test(`a page with Prototype.js ${version}: actions, clicks with their selectors and traced requests are stored`, async ({ page, collector }) => {
    site = await startHostSite({
      '/': hostPage('script tag', collector.url, {
        before: readFileSync(`e2e/vendor/prototype-${version}.js`, 'utf8'),
        modules: ['network'],
        options: { frustrationWindow: 300 },
        body: '<form class="edit"><input type="hidden" name="id" value="42"><button type="button" class="btn primary">Save</button></form>',
      }),
      '/api/ping': 'pong',
    })
    const { pageErrors } = await openHostPage(page, `${site.url}/`)
    await page.evaluate(() => (window as any).rum.trackAction('checkout', { step: 2 }))
    await page.evaluate(() => fetch('/api/ping').then((response) => response.text()))
    await page.click('button')
    await page.waitForTimeout(400) // the click's 300 ms frustration window
    await page.evaluate(() => (window as any).rum.flush())
    const events = await collector.waitFor((events) => ofType(events, 'resource').length > 0 && ofType(events, 'action').length >= 2, 5000)
    const actions = ofType(events, 'action')
    expect(actions.filter((action) => action.source === 'api').map(({ name, attributes }) => ({ name, attributes }))).toEqual([{ name: 'checkout', attributes: { step: 2 } }])
    expect(actions.filter((action) => action.source === 'click').map(({ name, target }) => ({ name, target }))).toEqual([{ name: 'Save', target: 'html>body>form.edit>button.btn.primary' }])
    const [request] = ofType(events, 'resource').filter((request) => request.resource.endsWith('/api/ping'))
    expect(request.traceId).toMatch(/^[0-9a-f]{32}$/)
    expect(ofType(events, 'dropped')).toEqual([])
    expect(pageErrors).toEqual([])
  })

test('an addEventListener wrapper that drops the options argument: a failed image load (seen only in the capture phase) is still recorded', async ({ page, collector }) => {
  // The wrapper passes (type, listener) only: every listener is a bubbling one, and an <img>'s
  // error event does not bubble.
  const before = `const add = EventTarget.prototype.addEventListener
    EventTarget.prototype.addEventListener = function (type, listener) { return add.call(this, type, listener) }`
  site = await startHostSite({ '/': hostPage('script tag', collector.url, { before }) })
  await openHostPage(page, `${site.url}/`)
  await page.evaluate(() => new Promise((done) => {
    const image = new Image()
    image.onerror = done
    image.src = '/missing-avatar.png'
    document.body.append(image)
  }))
  await page.evaluate(() => (window as any).rum.flush())
  const events = await collector.waitFor((events) => ofType(events, 'error').length > 0, 5000)
  expect(ofType(events, 'error').map(({ source, resource }) => ({ source, resource }))).toEqual([{ source: 'resource', resource: `${site!.url}/missing-avatar.png` }])
})

// A global rumlet calls while starting, which the page removed or made throw: that capture is
// left out and counted; the rest of rumlet, and its API, must not go with it.
const dropped = (events: RumEvent[], reason: string) => ofType(events, 'dropped').reduce((sum, event) => sum + (event.counts[reason] || 0), 0)
// openHostPage without page.waitForFunction, whose own script needs the globals these pages break.
const open = async (page: Page, url: string) => {
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  await page.goto(url)
  await page.evaluate(() => new Promise((started) => {
    const check = () => ((window as any).started ? started(true) : setTimeout(check, 20))
    check()
  }))
  return { pageErrors }
}

for (const build of BUILDS)
  test(`${build}: MutationObserver that throws when constructed: clicks are not recorded and counted as not instrumented; page views, actions and errors are, and init throws nothing into the page`, async ({ page, collector }) => {
    const before = `window.MutationObserver = function () { throw new TypeError('MutationObserver is disabled on this page') }`
    site = await startHostSite({ '/': hostPage(build, collector.url, { before, body: '<button id="buy">Buy</button>' }) })
    const { pageErrors } = await open(page, `${site.url}/`)
    await page.click('#buy')
    await page.evaluate(() => {
      const rum = (window as any).rum
      rum.trackAction('after_init')
      rum.trackError(new Error('recorded anyway'))
      return rum.flush()
    })
    const events = await collector.waitFor((events) => names(events, 'after_init').length > 0 && dropped(events, 'not_instrumented') > 0, 5000)
    expect(ofType(events, 'page_view')).toHaveLength(1)
    expect(names(events, 'after_init')).toEqual(['after_init'])
    expect(ofType(events, 'error').map((error) => error.message)).toEqual(['recorded anyway'])
    expect(ofType(events, 'action').filter((action) => action.source === 'click')).toEqual([])
    expect(dropped(events, 'not_instrumented')).toBe(1)
    expect(pageErrors).toEqual([])
  })

test('addEventListener replaced by one that throws (web-vitals cannot listen): the exit listener still starts, and the actions of a page being closed arrive', async ({ page, collector }) => {
  // rumlet's own listeners use the browser's functions (lib/native.ts); web-vitals calls the
  // page's, which throws for the page-lifecycle events it listens to first.
  const before = `const add = EventTarget.prototype.addEventListener
    EventTarget.prototype.addEventListener = function (type, ...rest) {
      if (type === 'pageshow' || type === 'visibilitychange') throw new Error('lifecycle listeners are blocked on this page')
      return add.call(this, type, ...rest)
    }`
  site = await startHostSite({ '/': hostPage('script tag', collector.url, { before }) })
  const { pageErrors } = await open(page, `${site.url}/`)
  // web-vitals and the exit listener start in the task after init.
  await page.evaluate(() => new Promise((done) => setTimeout(done, 100)))
  await page.evaluate(() => {
    for (let i = 0; i < 10; i++) (window as any).rum.trackAction(`leaving${i}`)
  })
  // The flush interval is a minute: these leave only in the exit beacons.
  await page.close({ runBeforeUnload: true })
  // The exit's beacons may arrive in any order: the drop count travels in one of them.
  const events = await collector.waitFor((events) => names(events, 'leaving').length >= 10 && dropped(events, 'not_instrumented') > 0, 5000)
  expect(names(events, 'leaving').sort()).toEqual(all('leaving', 10))
  expect(dropped(events, 'not_instrumented')).toBe(1)
  expect(pageErrors).toEqual([])
})
