import { guard } from './guard'

/**
 * Calls `cb` once each time the page may be leaving: on `visibilitychange` to hidden or on
 * `pagehide` (which some browsers fire without a visibility change), whichever comes first — a
 * navigation fires both, and beaconing twice would spend the shared 64 KiB beacon quota twice.
 * Re-armed when the page is visible again or shown from the back/forward cache. Listens on
 * `window`, in the bubble phase, so web-vitals' capture-phase listeners have reported CLS and INP
 * before `cb` runs. Never `unload`/`beforeunload`: they keep pages out of the back/forward cache.
 */
export function onHidden(cb: () => void): void {
  let hidden = false
  const listener = guard((event: Event) => {
    // A restored page may still read as hidden in its pageshow: that re-arms, never fires.
    if (event.type === 'pageshow' || (event.type !== 'pagehide' && document.visibilityState === 'visible')) hidden = false
    else if (!hidden) {
      hidden = true
      cb()
    }
  })
  addEventListener('visibilitychange', listener)
  addEventListener('pagehide', listener)
  addEventListener('pageshow', listener)
}
