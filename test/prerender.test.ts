// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionEvent } from '../src/wire'
import { QUIET, T0, databases, fetchMock, freshPage, idle, leftByEarlierPage, loadRum, sent } from './fakePage'

// A page prerendered by speculation rules sends nothing until the user is shown it.

let prerendering = false
Object.defineProperty(document, 'prerendering', { configurable: true, get: () => prerendering })
/** The user is shown the page: browsers clear the flag, then fire a (non-bubbling) prerenderingchange at document. */
const activate = () => {
  prerendering = false
  document.dispatchEvent(new Event('prerenderingchange'))
}

let rum: Awaited<ReturnType<typeof loadRum>>
beforeEach(async () => {
  freshPage()
  prerendering = true
  rum = await loadRum()
})
afterEach(() => {
  prerendering = false
  // Silences this test's instance for the tests after it.
  rum.setConsent('denied')
})

/** flush, and every timer a pipeline would have set. */
const waitLong = async () => {
  await rum.flush()
  vi.advanceTimersByTime(120_000)
  await idle()
}

describe('a prerendered page', () => {
  it('holds its events in memory: nothing posted (not even what earlier pages left), nothing stored', async () => {
    rum.init(QUIET)
    rum.trackAction('a')
    await waitLong()
    expect(await databases()).toEqual([])
    await leftByEarlierPage()
    rum.trackAction('b')
    await waitLong()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('sends the held events, with the times they happened, once shown (prerenderingchange at document)', async () => {
    rum.init(QUIET)
    rum.trackAction('a')
    vi.setSystemTime(T0 + 1000)
    rum.trackAction('b')
    await waitLong()
    expect(fetchMock).not.toHaveBeenCalled()
    vi.setSystemTime(T0 + 300_000)
    activate()
    vi.setSystemTime(T0 + 301_000)
    rum.trackAction('c')
    await rum.flush()
    expect((sent() as ActionEvent[]).map((e) => [e.name, e.time])).toEqual([['a', T0], ['b', T0 + 1000], ['c', T0 + 301_000]])
  })

  it('records its page view once shown: type prerender, timings and time on page from the activation', async () => {
    // Loaded while prerendered: the browser sets activationStart when the user is shown the page.
    const nav = { type: 'navigate', activationStart: 0, responseStart: 40, domContentLoadedEventEnd: 90, loadEventEnd: 120 }
    vi.spyOn(performance, 'getEntriesByType').mockImplementation(((type: string) => (type === 'navigation' ? [nav] : [])) as never)
    let now = 1000
    vi.spyOn(performance, 'now').mockImplementation(() => now)
    rum.init({ ...QUIET, trackPageViews: true })
    vi.advanceTimersByTime(30_000)
    now = 31_000
    nav.activationStart = 30_000
    activate()
    vi.advanceTimersByTime(10)
    now = 36_000
    rum.trackPageView('/next')
    await rum.flush()
    const [pageView, viewEnd] = sent()
    expect(pageView).toMatchObject({ type: 'page_view', navigationType: 'prerender', ttfb: 0, load: 0 })
    expect(pageView.time).toBe(Math.round(performance.timeOrigin + 30_000))
    // The first view lasted from the activation to the next view: 5 s, not the 35 s since prerendering began.
    expect(viewEnd).toMatchObject({ type: 'view_end', duration: 5000 })
  })

  it('consent granted while prerendering still waits for the page to be shown', async () => {
    rum.init({ ...QUIET, consent: 'pending' })
    rum.trackAction('a')
    rum.setConsent('granted')
    await waitLong()
    expect(fetchMock).not.toHaveBeenCalled()
    activate()
    await rum.flush()
    expect((sent() as ActionEvent[]).map((e) => e.name)).toEqual(['a'])
  })
})
