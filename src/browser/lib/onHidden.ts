import { guard } from './guard'

/**
 * Calls `cb` when the page may be leaving: `visibilitychange` to hidden, and `pagehide` (which
 * some browsers fire without a visibility change). Both on `window`, in the bubble phase, so
 * web-vitals' own capture-phase listeners have reported CLS and INP before `cb` runs. Never
 * `unload`/`beforeunload`: they keep pages out of the back/forward cache.
 */
export function onHidden(cb: () => void): () => void {
  const listener = guard((event: Event) => {
    if (event.type === 'pagehide' || document.visibilityState === 'hidden') cb()
  })
  addEventListener('visibilitychange', listener)
  addEventListener('pagehide', listener)
  return () => {
    removeEventListener('visibilitychange', listener)
    removeEventListener('pagehide', listener)
  }
}
