// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { MetricType } from 'web-vitals'
import { startViews, type Views } from '../src/browser/capture/views'

// Saved before any startViews patches history.
const moveUnseen = history.replaceState.bind(history)

let t = 0
beforeEach(() => {
  moveUnseen(null, '', '/home')
  t = 0
  vi.restoreAllMocks()
  // The view clock reads performance.now(): the tests move it by hand.
  vi.spyOn(performance, 'now').mockImplementation(() => t)
})

/**
 * startViews with a fake emit. Like startRum's, it notes the view current when each event was
 * emitted (startRum stamps that id on events that bring none).
 */
let started: Views[] = []
afterEach(() => started.splice(0).forEach((views) => views.stop()))
const start = (spa: boolean, pageViews?: boolean) => {
  let views: Views | undefined
  const emit = vi.fn()
  const events: Record<string, unknown>[] = []
  emit.mockImplementation((event: object) => events.push({ ...event, viewId: views!._id }))
  views = startViews(emit, () => {}, spa, pageViews)
  started.push(views)
  return { views, emit, events }
}

/** The end of the task: a route change's page view is recorded then. */
const tick = () => new Promise((resolve) => setTimeout(resolve))

/** The view web-vitals measures outside soft navigations: the hard load's, or the last restore's. */
const navigation = (views: Views) => views._of({ navigationType: 'navigate' } as MetricType)

/** A `pageshow` event, as the browser fires it at window. */
const pageshow = (persisted: boolean) => {
  const event = new Event('pageshow')
  Object.defineProperty(event, 'persisted', { value: persisted })
  dispatchEvent(event)
}

describe('startViews', () => {
  it('a route change ends the old view (view_end) and starts a new one (page_view, referrer: the old URL) at the end of its task', async () => {
    const { views, events } = start(true)
    const first = views._id
    t = 1500
    history.pushState(null, '', '/cart?step=1')
    // The task's own events after the change already belong to the new view.
    expect(views._id).not.toBe(first)
    await tick()
    expect(events).toMatchObject([
      { type: 'view_end', duration: 1500, visible: 1500, viewId: first },
      { type: 'page_view', referrer: 'http://localhost:3000/home', navigationType: 'route_change', url: 'http://localhost:3000/cart?step=1', attributes: undefined, viewId: views._id },
    ])
    expect(views._id).not.toBe(first)
    expect(views._url).toBe('http://localhost:3000/cart?step=1')
  })

  it('each view counts its own time, and the next page_view has the last view as referrer', async () => {
    const { views, events } = start(true)
    t = 1000
    history.pushState(null, '', '/a')
    const a = views._id
    await tick()
    t = 1600
    history.back()
    await tick()
    expect(events.slice(2)).toMatchObject([
      { type: 'view_end', duration: 600, visible: 600, viewId: a },
      expect.objectContaining({ type: 'page_view', referrer: 'http://localhost:3000/a', url: 'http://localhost:3000/home', navigationType: 'route_change' }),
    ])
    expect(views._id).not.toBe(a)
  })

  it('route changes keep the navigation’s view on the hard load’s view', () => {
    const { views } = start(true)
    const first = views._id
    expect(navigation(views)).toBe(first)
    history.pushState(null, '', '/a')
    expect(navigation(views)).toBe(first)
  })

  it('with spa false, route changes emit nothing and keep the view', () => {
    const { views, emit } = start(false)
    const first = views._id
    history.pushState(null, '', '/a')
    history.replaceState(null, '', '/b')
    history.back()
    expect(emit).not.toHaveBeenCalled()
    expect(views._id).toBe(first)
  })

  it('a back/forward-cache restore starts a view (no view_end: sent at hide) and makes it the navigation’s view', async () => {
    const { views, events } = start(true)
    history.pushState(null, '', '/a')
    await tick()
    events.length = 0
    const before = views._id
    t = 5000
    pageshow(true)
    expect(events).toMatchObject([
      { type: 'page_view', referrer: 'http://localhost:3000/a', navigationType: 'back_forward_cache', url: 'http://localhost:3000/a', attributes: undefined, viewId: views._id },
    ])
    expect(views._id).not.toBe(before)
    expect(navigation(views)).toBe(views._id)
    // The restored view's time starts at the restore.
    t = 5300
    history.pushState(null, '', '/b')
    expect(events[1]).toMatchObject({ type: 'view_end', duration: 300, visible: 300, viewId: events[0].viewId })
  })

  it('has made the restored view the navigation’s view before capture listeners added later run (web-vitals reports TTFB there)', () => {
    const { views } = start(true)
    const before = navigation(views)
    let seen = ''
    addEventListener('pageshow', () => (seen = navigation(views)), true)
    pageshow(true)
    expect(seen).not.toBe(before)
    expect(seen).toBe(views._id)
  })

  it('with page views off, a restore starts a view but records no page view (trackPageView still does)', () => {
    const { views, events } = start(false, false)
    const before = views._id
    pageshow(true)
    expect(views._id).not.toBe(before)
    expect(navigation(views)).toBe(views._id)
    expect(events.filter((e) => e.type === 'page_view')).toEqual([])
    views._start('manual', '/x')
    expect(events.filter((e) => e.type === 'page_view')).toMatchObject([{ navigationType: 'manual' }])
  })

  it('a pageshow that is not a restore (the first load) does nothing', () => {
    const { views, emit } = start(true)
    const ids = [views._id, navigation(views)]
    pageshow(false)
    expect(emit).not.toHaveBeenCalled()
    expect([views._id, navigation(views)]).toEqual(ids)
  })

  it('a page exit (flush) sends a view_end of the current view; shown and left again, a larger one of the same view', async () => {
    const { views, events } = start(true)
    history.pushState(null, '', '/a')
    await tick()
    const current = views._id
    events.length = 0
    t = 2000
    views._flush()
    pageshow(false)
    t = 3500
    views._flush()
    expect(events).toMatchObject([
      { type: 'view_end', duration: 2000, visible: 2000, viewId: current },
      { type: 'view_end', duration: 3500, visible: 3500, viewId: current },
    ])
    expect(views._id).toBe(current)
  })

  it('gives a soft navigation the route view of its URL, and the view of now for a URL it does not know', async () => {
    const { views } = start(true)
    history.pushState(null, '', '/a')
    const a = views._id
    await tick()
    history.pushState(null, '', '/b')
    await tick()
    const soft = (url: string) => views._of({ navigationType: 'soft-navigation', navigationURL: url } as MetricType)
    expect(soft('http://localhost:3000/a')).toBe(a)
    expect(soft('http://localhost:3000/elsewhere')).toBe(views._id)
  })

  it('stops: route changes after it start no view, and history is as it was', () => {
    const pushState = history.pushState
    const { views, emit } = start(true)
    expect(history.pushState).not.toBe(pushState)
    views.stop()
    expect(history.pushState).toBe(pushState)
    history.pushState(null, '', '/after')
    expect(emit).not.toHaveBeenCalled()
  })

  it('route changes in one task make one view, of the route the task left: a redirect, a burst of pushState', async () => {
    const { views, events } = start(true)
    const first = views._id
    history.pushState(null, '', '/admin')
    history.replaceState(null, '', '/login')
    const login = views._id
    await tick()
    for (let i = 0; i < 100; i++) history.pushState(null, '', `/item/${i}`)
    await tick()
    expect(events.map(({ type, url, referrer, viewId }) => ({ type, url, referrer, viewId }))).toEqual([
      { type: 'view_end', url: 'http://localhost:3000/home', referrer: undefined, viewId: first },
      { type: 'page_view', url: 'http://localhost:3000/login', referrer: 'http://localhost:3000/home', viewId: login },
      { type: 'view_end', url: 'http://localhost:3000/login', referrer: undefined, viewId: login },
      { type: 'page_view', url: 'http://localhost:3000/item/99', referrer: 'http://localhost:3000/login', viewId: views._id },
    ])
  })

  it('the back button before the end of the task of a pushState (a fast hand, a busy page) is a view of its own, after the pushed one', async () => {
    const { events } = start(true)
    history.pushState(null, '', '/products')
    await tick()
    history.pushState(null, '', '/cart')
    // The browser moves back, then fires popstate, before the pushState's 0 ms timer ran.
    moveUnseen(null, '', '/products')
    dispatchEvent(new PopStateEvent('popstate', { state: null }))
    await tick()
    expect(events.filter(({ type }) => type === 'page_view').map(({ url, referrer }) => [url, referrer])).toEqual([
      ['http://localhost:3000/products', 'http://localhost:3000/home'],
      ['http://localhost:3000/cart', 'http://localhost:3000/products'],
      ['http://localhost:3000/products', 'http://localhost:3000/cart'],
    ])
  })

  it('the view a traversal overtakes keeps the query its task left; a hashchange (the page\'s own hash assignment) is no traversal', async () => {
    const { events } = start(true)
    history.pushState(null, '', '/search')
    history.replaceState(null, '', '/search?q=tea')
    moveUnseen(null, '', '/home')
    dispatchEvent(new PopStateEvent('popstate', { state: null }))
    await tick()
    history.pushState(null, '', '/app')
    // location.hash = '#/b' in the same task: its hashchange came before the pushState's timer.
    moveUnseen(null, '', '/app#/b')
    dispatchEvent(new HashChangeEvent('hashchange'))
    await tick()
    expect(events.filter(({ type }) => type === 'page_view').map(({ url }) => url)).toEqual([
      'http://localhost:3000/search?q=tea',
      'http://localhost:3000/home',
      'http://localhost:3000/app#/b',
    ])
  })

  it('a page exit or a trackPageView in the task of a route change records its page view first', () => {
    const { views, events } = start(true)
    history.pushState(null, '', '/a')
    views._flush()
    history.pushState(null, '', '/b')
    views._start('manual', '/c')
    expect(events.map(({ type, url, navigationType }) => [type, url, navigationType])).toEqual([
      ['view_end', 'http://localhost:3000/home', undefined],
      ['page_view', 'http://localhost:3000/a', 'route_change'],
      ['view_end', 'http://localhost:3000/a', undefined],
      ['view_end', 'http://localhost:3000/a', undefined],
      ['page_view', 'http://localhost:3000/b', 'route_change'],
      ['view_end', 'http://localhost:3000/b', undefined],
      ['page_view', 'http://localhost:3000/c', 'manual'],
    ])
  })
})
