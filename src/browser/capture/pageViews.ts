import type { PageViewEvent } from '../../wire'
import type { Emit } from '../types'
import { guard } from '../lib/guard'
import { listen } from '../lib/listen'

/** Milliseconds from navigation start, or undefined when the moment has not come yet. */
const since = (end: number, start: number) => (end > 0 ? Math.round(Math.max(0, end - start)) : undefined)

/**
 * Records the `page_view` of the hard load, for view `viewId` and the address the page was
 * loaded at, once the load event has finished (so that its timings are known), or earlier when
 * the page may be leaving (`flush`).
 */
export function startPageViews(emit: Emit, viewId: string) {
  // The hard load's URL, also when a route change came before the load event.
  const url = location.href
  let done = false
  let timer: ReturnType<typeof setTimeout>
  const flush = () => {
    if (done || document.prerendering) return
    done = true
    stop()
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    const start = (nav && nav.activationStart) || 0
    emit<PageViewEvent>(
      {
        type: 'page_view',
        viewId,
        url,
        referrer: document.referrer,
        navigationType: start > 0 ? 'prerender' : (nav && nav.type.replace(/-/g, '_')) || 'navigate',
        ttfb: nav && since(nav.responseStart, start),
        fcp: since((performance.getEntriesByName('first-contentful-paint')[0] || { startTime: 0 }).startTime, start),
        domContentLoaded: nav && since(nav.domContentLoadedEventEnd, start),
        load: nav && since(nav.loadEventEnd, start),
      },
      Math.round(performance.timeOrigin + start),
    )
  }
  // loadEventEnd is set only after the load listeners have run: read it one task later. A
  // prerendered page usually loads before it is shown: its page view waits for the activation,
  // which sets activationStart (the `prerender` type, and timings from when the user saw it).
  const later = () => (timer = setTimeout(guard(flush)))
  const loaded = () => (document.readyState === 'complete' ? later() : (stops.push(listen('load', later, { once: true })), 0))
  const stops = [() => clearTimeout(timer)]
  if (document.prerendering) stops.push(listen('prerenderingchange', loaded, { once: true }, document))
  else loaded()
  const stop = () => stops.map((stop) => stop())
  return { _flush: flush, stop }
}
