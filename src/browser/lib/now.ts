let replayed = 0

/**
 * Epoch milliseconds of the call being made: `Date.now()`, except while a call made earlier (in
 * the pre-load queue, or before `init`) is replayed, which keeps its own time.
 */
export function now(): number {
  return replayed || Date.now()
}

/** Runs `fn` as if called at `time` (epoch ms; 0 or missing means now). */
export function at(time: unknown, fn: () => void): void {
  replayed = typeof time === 'number' && time > 0 ? time : 0
  try {
    fn()
  } finally {
    replayed = 0
  }
}
