import type { ErrorEvent } from '../../wire'
import type { DropCounter } from '../lib/createDrops'
import { guard } from '../lib/guard'
import type { Captured, Emit } from '../types'

/** Error events a page sends per minute at most; the rest are counted as `rate_limited`. */
const PER_MINUTE = 100
/** Repeats of an error are recorded as one event this long after the first of them. */
const REPEATS_MS = 5000

type Held = Captured<ErrorEvent> & { viewId: string; time: number }

/**
 * Keeps a page's errors from flooding the collector. The first error of a fingerprint in a view
 * is recorded at once; its repeats in that view become one event whose `count` grows, recorded
 * 5 s after the first repeat, or at `flush` (the page may be leaving). At most 100 error events
 * a minute are recorded; the errors of the others are counted in `drops`.
 */
export function dedupeErrors(emit: Emit, drops: DropCounter, now: () => number = Date.now) {
  const seen = new Set<string>()
  const repeats = new Map<string, Held>()
  let timer: ReturnType<typeof setTimeout> | undefined
  // When the last (at most 100) error events were recorded: a sliding minute, so that no 60 s
  // ever hold more than 100 (a fixed one would let 100 through at its end and 100 at the next start).
  const times: number[] = []

  const send = (event: Captured<ErrorEvent>, time?: number) => {
    const at = now()
    while (times.length && at - times[0] >= 60_000) times.shift()
    if (times.length < PER_MINUTE) times.push(at), emit(event, time)
    else drops._count('rate_limited', event.count)
  }

  const flush = () => {
    clearTimeout(timer)
    timer = undefined
    for (const held of repeats.values()) send(held, held.time)
    repeats.clear()
  }

  return {
    /** Records an error of view `viewId` at `time` (epoch ms), or counts it as a repeat. */
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
      timer ||= setTimeout(guard(flush), REPEATS_MS)
    },

    /** Records the repeats counted so far, one event per fingerprint and view. */
    _flush: flush,

    /** Forgets the repeats not yet recorded, and their timer (consent was denied). */
    stop(): void {
      clearTimeout(timer)
      timer = undefined
      repeats.clear()
    },
  }
}
