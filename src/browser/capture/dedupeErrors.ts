import type { ErrorEvent } from '../../wire'
import type { Captured, Emit } from '../types'

/** Error events a page sends per minute at most; the rest are counted as `rate_limited`. */
const PER_MINUTE = 100

type Held = Captured<ErrorEvent> & { viewId: string; time: number }

/**
 * Keeps a page's errors from flooding the collector. The first error of a fingerprint in a view
 * is recorded at once; its repeats in that view become one event whose `count` grows, recorded
 * by `flush` (at each send and when the page is hidden). At most 100 error events a minute are
 * recorded; the others are counted with `drop`.
 */
export function dedupeErrors(emit: Emit, drop: (reason: string, count: number) => void, now: () => number = Date.now) {
  const seen = new Set<string>()
  const repeats = new Map<string, Held>()
  // When the last (at most 100) error events were recorded: a sliding minute, so that no 60 s
  // ever hold more than 100 (a fixed one would let 100 through at its end and 100 at the next start).
  const times: number[] = []

  const send = (event: Captured<ErrorEvent>, time?: number) => {
    const at = now()
    while (times.length && at - times[0] >= 60_000) times.shift()
    if (times.length < PER_MINUTE) times.push(at), emit(event, time)
    else drop('rate_limited', event.count)
  }

  return {
    /** Records an error of view `viewId`, or counts it as a repeat. */
    _add(event: Captured<ErrorEvent>, viewId: string, time: number): void {
      const key = viewId + event.fingerprint
      if (!seen.has(key)) {
        // A page of many views keeps only recent keys.
        if (seen.size > 1000) seen.clear()
        seen.add(key)
        return send({ ...event, viewId }, time)
      }
      const held = repeats.get(key)
      if (held) held.count++
      else repeats.set(key, { ...event, viewId, time })
    },

    /** Records the repeats counted so far, one event per fingerprint and view. */
    _flush(): void {
      for (const held of repeats.values()) send(held, held.time)
      repeats.clear()
    },
  }
}
