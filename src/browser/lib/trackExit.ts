import { guard } from './guard'
import { listen } from './listen'

/**
 * The one page-exit signal. Calls `onExit` once each time the page may be leaving: on
 * `visibilitychange` to hidden or on `pagehide` (which some browsers fire without a visibility
 * change), whichever comes first — a navigation fires both, and beaconing twice would spend the
 * shared 64 KiB beacon quota twice. `left()` stays true from then until the page is shown again
 * (`visibilitychange` to visible, or `pageshow` from the back/forward cache): whatever is
 * recorded meanwhile — by web-vitals' final CLS and INP, or by the page's own exit handlers —
 * is late, and leaves at once. It is read from these events, not from `visibilityState`, which
 * still says `visible` inside Chromium's `pagehide`.
 *
 * Listens on `window`, in the bubble phase; start it after the listeners that must run before it
 * (Chromium runs a target's own listeners in the order they were added). Never `unload` or
 * `beforeunload`: they keep pages out of the back/forward cache.
 */
export function trackExit(onExit: () => void) {
  let left = false
  const stop = listen(
    'visibilitychange pagehide pageshow',
    guard((event: Event) => {
      if (event.type === 'pageshow' || (event.type === 'visibilitychange' && document.visibilityState === 'visible')) left = false
      else if (!left && (event.type === 'pagehide' || document.visibilityState === 'hidden')) {
        left = true
        onExit()
      }
    }),
  )
  return { _left: () => left, stop }
}
