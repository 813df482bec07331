// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { trackRoutes } from '../src/browser/capture/routes'
import { createDrops } from '../src/browser/lib/createDrops'

// Saved before any trackRoutes patches history: moves the URL without telling anyone, the way
// the browser itself does before it fires popstate.
const moveUnseen = history.replaceState.bind(history)
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Starts trackRoutes with a callback that records the path and hash it saw on each call. */
let stops: (() => void)[] = []
afterEach(() => stops.splice(0).forEach((stop) => stop()))
const track = (hashRoutes?: boolean) => {
  const seen: string[] = []
  stops.push(trackRoutes(() => seen.push(location.pathname + location.hash), () => {}, hashRoutes))
  return seen
}

beforeEach(() => moveUnseen(null, '', '/'))

describe('trackRoutes', () => {
  it('calls back once when pushState changes the path, after the URL changed', () => {
    const seen = track()
    history.pushState(null, '', '/products')
    expect(seen).toEqual(['/products'])
    history.pushState(null, '', '/products')
    expect(seen).toEqual(['/products'])
  })

  it('does not call back for a pushState that changes only the query or the state', () => {
    const seen = track()
    history.pushState(null, '', '/?page=2')
    history.pushState({ filter: 'red' }, '', '/?page=2')
    history.pushState({ filter: 'blue' }, '')
    expect(seen).toEqual([])
    history.pushState(null, '', '/cart?page=2')
    expect(seen).toEqual(['/cart'])
  })

  it('calls back when replaceState changes the path', () => {
    const seen = track()
    history.replaceState(null, '', '/login')
    expect(seen).toEqual(['/login'])
    history.replaceState({ step: 2 }, '', '/login?step=2')
    expect(seen).toEqual(['/login'])
  })

  it('tells a traversal (popstate), with the address before it, from a change the page made (pushState, a hash assignment)', () => {
    const lefts: (string | undefined)[] = []
    stops.push(trackRoutes((left) => lefts.push(left), () => {}))
    history.pushState(null, '', '/a')
    // A change of the query alone is no route change, but it is the address the back button leaves.
    history.replaceState(null, '', '/a?q=tea')
    history.back()
    // location.hash = '#/b': its hashchange comes in a later task, and is not a traversal.
    moveUnseen(null, '', '/#/b')
    dispatchEvent(new HashChangeEvent('hashchange'))
    expect(lefts).toEqual([undefined, 'http://localhost:3000/a?q=tea', undefined])
  })

  it('calls back on back and forward (popstate) that change the path, not on one that does not', () => {
    const seen = track()
    history.pushState(null, '', '/a')
    history.back()
    history.forward()
    expect(seen).toEqual(['/a', '/', '/a'])
    // The browser moved within the same path (a query-only entry): not a new route.
    moveUnseen(null, '', '/a?tab=2')
    dispatchEvent(new PopStateEvent('popstate', { state: null }))
    expect(seen).toEqual(['/a', '/', '/a'])
  })

  it('calls back once for a fragment route (#/cart), not for an anchor (#top)', async () => {
    const seen = track()
    location.hash = '#top'
    await nextTask()
    expect(seen).toEqual([])
    location.hash = '#/cart'
    await nextTask()
    expect(seen).toEqual(['/#/cart'])
    // Browsers fire popstate too on a fragment navigation: the second look sees no change.
    dispatchEvent(new PopStateEvent('popstate', { state: null }))
    expect(seen).toEqual(['/#/cart'])
  })

  it('calls back for AngularJS hashbang routes (#!/cart), by hashchange and by pushState, not for a change of their query alone', async () => {
    const seen = track()
    location.hash = '#!/home'
    await nextTask()
    history.pushState(null, '', '#!/cart')
    history.pushState(null, '', '#!/cart?coupon=1')
    location.hash = '#!/cart?coupon=2'
    await nextTask()
    expect(seen).toEqual(['/#!/home', '/#!/cart'])
  })

  it('takes neither an anchor nor a fragment that only starts like a route (#!top, #/ inside) as a route by default', async () => {
    const seen = track()
    for (const hash of ['#pricing', '#!top', '#faq/#/x', '#section-2']) {
      location.hash = hash
      await nextTask()
    }
    expect(seen).toEqual([])
  })

  it('with hashRoutes: true, every fragment is a route (Backbone, noslash routers), still without its query', async () => {
    const seen = track(true)
    location.hash = '#products'
    await nextTask()
    location.hash = '#products?page=2'
    await nextTask()
    location.hash = '#help/faq'
    await nextTask()
    expect(seen).toEqual(['/#products', '/#help/faq'])
  })

  it('with hashRoutes: false, no fragment is a route (anchors shaped like #/…), the path still is', async () => {
    const seen = track(false)
    location.hash = '#/installation'
    await nextTask()
    location.hash = '#!/usage'
    await nextTask()
    history.pushState(null, '', '/docs#/api')
    expect(seen).toEqual(['/docs#/api'])
  })

  it("leaves the page's own pushState and replaceState working: URL, history.state, return value", () => {
    track()
    const length = history.length
    expect(history.pushState({ id: 7 }, '', '/item/7?x=1')).toBeUndefined()
    expect([location.pathname + location.search, history.state, history.length]).toEqual(['/item/7?x=1', { id: 7 }, length + 1])
    expect(history.replaceState({ id: 8 }, '', '/item/8')).toBeUndefined()
    expect([location.pathname, history.state, history.length]).toEqual(['/item/8', { id: 8 }, length + 1])
  })

  it('never throws into the page when the callback throws', () => {
    stops.push(
      trackRoutes(() => {
        throw new Error('boom')
      }, () => {}),
    )
    expect(() => history.pushState(null, '', '/next')).not.toThrow()
    expect(location.pathname).toBe('/next')
  })

  it('skips a pushState the page made read-only, counted as not_instrumented; replaceState and popstate still work', () => {
    const pushState = history.pushState
    Object.defineProperty(history, 'pushState', { value: pushState, writable: false, configurable: true })
    try {
      const drops = createDrops(() => {})
      const seen: string[] = []
      const skipped: string[] = []
      stops.push(trackRoutes(() => seen.push(location.pathname), (label) => (skipped.push(label), drops._count('not_instrumented'))))
      expect(drops._take()).toEqual({ not_instrumented: 1 })
      // The debug build's warning names it as the page would write it.
      expect(skipped).toEqual(['history.pushState'])
      history.replaceState(null, '', '/replaced')
      expect(seen).toEqual(['/replaced'])
    } finally {
      Object.defineProperty(history, 'pushState', { value: pushState, writable: true, configurable: true })
    }
  })
})
