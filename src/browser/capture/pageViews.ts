import type { PageViewEvent } from '../../wire'
import type { Emit } from '../types'
import { guard } from '../lib/guard'

/** Milliseconds from navigation start, or undefined when the moment has not come yet. */
const since = (end: number, start: number) => (end > 0 ? Math.round(Math.max(0, end - start)) : undefined)

/**
 * Records the `page_view` of a hard load once the load event has finished (so its timings are
 * known), or earlier when the page is hidden first: call the returned function from the hide
 * handler, before the beacons go out.
 */
export function startPageViews(emit: Emit): () => void {
  let done = false
  const send = () => {
    if (done || document.prerendering) return
    done = true
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined
    const start = (nav && nav.activationStart) || 0
    emit<PageViewEvent>(
      {
        type: 'page_view',
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
  const loaded = () => {
    if (document.readyState === 'complete') setTimeout(guard(send))
    else addEventListener('load', () => setTimeout(guard(send)), { once: true })
  }
  if (document.prerendering) document.addEventListener('prerenderingchange', loaded, { once: true })
  else loaded()
  return send
}
