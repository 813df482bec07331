/**
 * Skew under which event times are kept as sent, in ms. A batch's `sentAt` and its arrival differ
 * by the upload time too (a beacon on a slow mobile link takes a second or more), so a smaller
 * "skew" is more likely the network than the clock, and correcting it would trade one error for
 * another. Clocks that are wrong are usually wrong by minutes or hours (a clock set by hand, a
 * wrong time zone).
 */
export const SKEW_TOLERANCE_MS = 2000

/**
 * How far the sender's clock is off, from a batch's `sentAt` (its clock) and the time the
 * collector received it (ours): `skew` is receivedAt − sentAt, in ms (positive: the sender's clock
 * is behind), and `offset` what to add to each event's time: the skew, or 0 within the tolerance
 * or without `sentAt`.
 */
export function clockOffset(sentAt: number | undefined, receivedAt: number): { skew: number; offset: number } {
  if (sentAt === undefined) return { skew: 0, offset: 0 }
  const skew = Math.round(receivedAt - sentAt)
  return { skew, offset: Math.abs(skew) > SKEW_TOLERANCE_MS ? skew : 0 }
}
