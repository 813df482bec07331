/** The first retry comes after 1–2 s… */
const MIN_MS = 1000
/** …and the wait doubles up to 30–60 s. */
const MAX_MS = 60_000
/**
 * A Retry-After longer than this is read as this: a misconfigured server must not mute us for
 * days (the collector's own maintenance asks for an hour at most).
 */
const MAX_RETRY_AFTER_MS = 3600e3

/**
 * How long to wait before retry number `attempt` (1, 2, …): exponential backoff from 1 s to
 * 60 s with jitter (a random point in the upper half, so tabs and visitors that failed together
 * do not retry together), and never sooner than the server's `Retry-After` (seconds or a date).
 */
export function retryDelay(attempt: number, retryAfter: string | null | undefined, now: number, random: number): number {
  const base = Math.min(MAX_MS, MIN_MS * 2 ** attempt)
  let wait = base / 2 + (random * base) / 2
  if (retryAfter) {
    const seconds = Number(retryAfter)
    const asked = isNaN(seconds) ? Date.parse(retryAfter) - now : seconds * 1000
    if (asked > 0) wait = Math.max(wait, Math.min(asked, MAX_RETRY_AFTER_MS))
  }
  return wait
}
