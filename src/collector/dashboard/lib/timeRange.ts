import type { ViewState } from './viewState'

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR

/** The range picker's presets: how far back, and the chart bucket that keeps each under ~200 points. */
export const RANGES: Record<string, { label: string; span: number; bucket: number }> = {
  '1h': { label: 'last hour', span: HOUR, bucket: MIN },
  '6h': { label: 'last 6 hours', span: 6 * HOUR, bucket: 5 * MIN },
  '24h': { label: 'last 24 hours', span: DAY, bucket: 15 * MIN },
  '7d': { label: 'last 7 days', span: 7 * DAY, bucket: HOUR },
  '28d': { label: 'last 28 days', span: 28 * DAY, bucket: 6 * HOUR },
  '90d': { label: 'last 90 days', span: 90 * DAY, bucket: DAY },
}

/** The chart bucket for a custom range: a whole minute, hour or day giving 200 points at most. */
function bucketFor(span: number): number {
  for (const bucket of [MIN, 5 * MIN, 15 * MIN, HOUR, 6 * HOUR, DAY, 7 * DAY]) if (span / bucket <= 200) return bucket
  return 30 * DAY
}

/** The time range a state asks for, at `now` (epoch ms): `[since, until)` and the bucket (ms). */
export function timeRange(state: ViewState, now: number): { since: number; until: number; bucket: number } {
  if (state.range === 'custom') {
    const since = Number(state.from)
    const until = Number(state.to) || now
    if (Number.isFinite(since) && since >= 0 && until > since) return { since, until, bucket: bucketFor(until - since) }
  }
  const preset = RANGES[state.range] ?? RANGES['24h']
  return { since: now - preset.span, until: now, bucket: preset.bucket }
}
