const DAY = 86_400_000
/** How often old events are looked for. */
const EVERY = 3_600_000

/**
 * Deletes events older than `days` (by corrected event time) now and every hour, until `stop()`.
 * A failed pass is logged and the next one tries again.
 */
export function startRetention(store: { deleteBefore(epochMs: number): Promise<number> }, days: number, now: () => number = Date.now) {
  const pass = () => store.deleteBefore(now() - days * DAY).catch((e: unknown) => console.error('rumlet collector: retention:', e))
  let running = pass()
  const timer = setInterval(() => (running = pass()), EVERY)
  timer.unref()
  return {
    /** Stops the hourly passes; resolves once a pass under way has ended. */
    async stop() {
      clearInterval(timer)
      await running
    },
  }
}
