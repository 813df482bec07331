import type { Release, TrafficBucket } from '../lib/apiTypes'
import { bucketStarts } from '../lib/bucketStarts'
import { formatCount } from '../lib/format'
import type { ViewContext } from '../views/viewContext'
import { alignTo, timeChart } from './timeChart'
import { markersOf } from './vitalTrend'

type Key = 'pageViews' | 'sessions' | 'actions' | 'errors' | 'events'
const SERIES: Record<Key, { label: string; color: string }> = {
  pageViews: { label: 'page views', color: '#2f6fde' },
  sessions: { label: 'sessions', color: '#7a56d6' },
  actions: { label: 'actions', color: '#00a3a3' },
  errors: { label: 'errors', color: '#ff4e42' },
  events: { label: 'events received', color: '#2f6fde' },
}

/** Counts per bucket from /api/traffic, one line each of `keys` (a bucket without events: 0). */
export function trafficChart(context: ViewContext, title: string, buckets: TrafficBucket[], keys: Key[], releases: Release[] = [], extra: { label: string; values: (number | null)[]; color: string; bars?: boolean }[] = []): HTMLElement {
  const { since, until, bucket } = context.range
  const times = bucketStarts(since, until, bucket)
  return timeChart(context.mount, {
    title,
    times,
    series: [...keys.map((key) => ({ ...SERIES[key], values: alignTo(times, buckets, (b) => b[key]).map((v) => v ?? 0), bars: key === 'errors' })), ...extra],
    format: formatCount,
    integer: true,
    markers: markersOf(releases),
    range: [since, until],
  })
}
