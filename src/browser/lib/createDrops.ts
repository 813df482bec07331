/** Events lost, by reason (`queue_full`, `expired`, `rejected`, `too_large`, …). */
export type Drops = Record<string, number>

/**
 * The one drop counter of the snippet. Every stage that loses an event counts it here, by
 * reason; the assemble stage takes the counts and sends them as a `dropped` event of their own,
 * so that they are stored and delivered like any other event. `onCount` hears of each count
 * (to schedule that event).
 */
export function createDrops(onCount: () => void) {
  let counts: Drops | undefined
  return {
    /** Counts `count` events lost for `reason`. */
    _count(reason: string, count = 1): void {
      if (count > 0) ((counts ||= {})[reason] = (counts[reason] || 0) + count), onCount()
    },
    /** The counts so far (undefined when there are none), and a fresh start. */
    _take(): Drops | undefined {
      const taken = counts
      counts = undefined
      return taken
    },
  }
}

export type DropCounter = ReturnType<typeof createDrops>
