import { listen } from './listen'

/**
 * How long the current view has lasted, in all and while visible, since `from` (default: now):
 * `lap()` gives both in ms and starts the next view (`keep` carries on the same view, for a page
 * hidden and shown again). `stop` removes its listener.
 */
export function viewClock(now: () => number = () => performance.now(), from = now()) {
  let start = from
  let visible = 0
  // Visible now: taken as visible since `from` (what happened before rumlet came is not known).
  let shownAt = document.visibilityState === 'visible' ? start : -1
  // A prerendered page's first view starts when the user is shown it.
  const stops = [
    listen('prerenderingchange', () => (start = now()), { once: true }, document),
    listen(
      'visibilitychange',
      () => {
        if (document.visibilityState === 'visible') shownAt = now()
        else if (shownAt >= 0) (visible += now() - shownAt), (shownAt = -1)
      },
      true,
    ),
  ]
  const lap = (keep?: boolean) => {
    const at = now()
    const lap = { duration: Math.round(at - start), visible: Math.round(visible + (shownAt >= 0 ? at - shownAt : 0)) }
    if (!keep) {
      start = at
      visible = 0
      if (shownAt >= 0) shownAt = at
    }
    return lap
  }
  lap.stop = () => stops.map((stop) => stop())
  return lap
}
