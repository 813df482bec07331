/**
 * A per-client rate limit: a token bucket per key (the client's address) that holds `perMinute`
 * requests and refills at perMinute / 60 a second, so a burst of a whole minute's allowance is
 * let through at once (a tab flushing its backlog after being offline) and a steady flood is not.
 * `take(key, now)` answers 0 when the request may go on, else the seconds to wait (Retry-After).
 * Buckets that refilled are forgotten, so memory follows the clients of the last minute.
 */
export function createRateLimit(perMinute: number) {
  const buckets = new Map<string, { tokens: number; at: number }>()
  const perMs = perMinute / 60_000
  let swept = 0

  return function take(key: string, now: number): number {
    if (now - swept > 60_000) {
      swept = now
      for (const [k, bucket] of buckets) if (bucket.tokens + (now - bucket.at) * perMs >= perMinute) buckets.delete(k)
    }
    const bucket = buckets.get(key) ?? { tokens: perMinute, at: now }
    bucket.tokens = Math.min(perMinute, bucket.tokens + (now - bucket.at) * perMs)
    bucket.at = now
    buckets.set(key, bucket)
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1
      return 0
    }
    return Math.ceil((1 - bucket.tokens) / perMs / 1000)
  }
}
