// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { QUIET, T0, freshPage, loadRum, sent } from './fakePage'

// The `route` option of init, driven through the public API the way a page drives it.

let rum: Awaited<ReturnType<typeof loadRum>>
beforeEach(async () => {
  freshPage()
  rum = await loadRum()
})
// An instance of an earlier test would still hear this test's history changes and record them.
afterEach(() => rum.setConsent('denied'))

/** `/product/12` → `/product/[id]`. */
const byPath = (url: string) => new URL(url).pathname.replace(/\/\d+/g, '/[id]')
const routes = () => sent().map((e) => [e.type, e.route])
/**
 * Ends the current task: rumlet reads the address bar once per task, and records a route
 * change's page view at the end of its task (a timer of 0 ms, faked here).
 */
const nextTask = () => (vi.advanceTimersByTime(0), new Promise((resolve) => setImmediate(resolve)))

describe('the route option', () => {
  it('stores its name for the URL on every event, following route changes, asked once per URL with the scrubbed URL', async () => {
    history.replaceState(null, '', '/product/12?token=abc')
    const asked: string[] = []
    rum.init({ ...QUIET, route: (url: string) => (asked.push(url), byPath(url)) })
    rum.trackAction('a')
    vi.setSystemTime(T0 + 1)
    rum.trackAction('b')
    await nextTask()
    vi.setSystemTime(T0 + 2)
    history.pushState(null, '', '/cart')
    await nextTask()
    vi.setSystemTime(T0 + 3)
    rum.trackAction('c')
    rum.trackError(new Error('boom'))
    await rum.flush()
    expect(sent().every((e) => typeof e.route === 'string')).toBe(true)
    // The view_end's own URL and route are checked in a test of their own, below.
    expect(routes().filter(([type]) => type !== 'view_end')).toEqual([
      ['action', '/product/[id]'],
      ['action', '/product/[id]'],
      ['page_view', '/cart'],
      ['action', '/cart'],
      ['error', '/cart'],
    ])
    expect(asked).toEqual(['http://localhost:3000/product/12?token=redacted', 'http://localhost:3000/cart'])
  })

  it('cuts a route at 256 characters', async () => {
    rum.init({ ...QUIET, route: () => 'r'.repeat(300) })
    rum.trackAction('a')
    await rum.flush()
    expect(sent()[0].route).toBe('r'.repeat(256))
  })

  it('a route function that throws or returns no string gives events without route; nothing breaks', async () => {
    const route = (url: string) => {
      if (url.includes('/broken')) throw new Error('no route')
      if (url.includes('/odd')) return 42 as unknown as string
      return byPath(url)
    }
    rum.init({ ...QUIET, route })
    rum.trackAction('a')
    await nextTask()
    vi.setSystemTime(T0 + 1)
    expect(() => history.pushState(null, '', '/broken')).not.toThrow()
    expect(location.pathname).toBe('/broken')
    await nextTask()
    rum.trackAction('b')
    vi.setSystemTime(T0 + 2)
    history.pushState(null, '', '/odd')
    await nextTask()
    vi.setSystemTime(T0 + 3)
    history.pushState(null, '', '/item/3')
    await nextTask()
    rum.trackAction('c')
    await rum.flush()
    expect(routes().filter(([type]) => type !== 'view_end')).toEqual([
      ['action', '/'],
      ['page_view', undefined],
      ['action', undefined],
      ['page_view', undefined],
      ['page_view', '/item/[id]'],
      ['action', '/item/[id]'],
    ])
  })

  it('the view_end of a route change carries the URL and route of the view it ends', async () => {
    history.replaceState(null, '', '/product/12')
    rum.init({ ...QUIET, route: byPath })
    rum.trackAction('a')
    await nextTask()
    vi.setSystemTime(T0 + 1)
    history.pushState(null, '', '/cart')
    await rum.flush()
    const [action, end] = sent()
    expect(end).toMatchObject({ type: 'view_end', viewId: action.viewId, url: 'http://localhost:3000/product/12', route: '/product/[id]' })
  })

  it('an event recorded right after a route change, in the same task, carries the new view’s URL and route', async () => {
    history.replaceState(null, '', '/product/12')
    rum.init({ ...QUIET, route: byPath })
    // A click handler: records the click, navigates, and the new route records an event at once.
    rum.trackAction('add')
    vi.setSystemTime(T0 + 1)
    history.pushState(null, '', '/cart')
    vi.setSystemTime(T0 + 2)
    rum.trackAction('cart-shown')
    await nextTask()
    await rum.flush()
    const page = sent().find((event) => event.type === 'page_view')!
    const shown = sent().find((event) => event.type === 'action' && event.name === 'cart-shown')
    expect(page).toMatchObject({ url: 'http://localhost:3000/cart', route: '/cart', time: T0 + 1 })
    expect(shown).toMatchObject({ type: 'action', viewId: page.viewId, url: 'http://localhost:3000/cart', route: '/cart' })
  })
})
