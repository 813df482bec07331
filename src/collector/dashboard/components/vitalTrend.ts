import type { Release, VitalBucket } from '../lib/apiTypes'
import { bucketStarts } from '../lib/bucketStarts'
import { formatPercent } from '../lib/format'
import { formatVital, THRESHOLDS, type VitalName } from '../lib/vitalThresholds'
import type { ViewContext } from '../views/viewContext'
import { alignTo, timeChart } from './timeChart'

/** Release markers: each release at its first event. */
export const markersOf = (releases: Release[]) => releases.map((r) => ({ time: r.firstSeen, label: r.release }))

/** The p75 of one vital per bucket, with its good and poor thresholds and the release markers. */
export function vitalTrend(context: ViewContext, name: VitalName, buckets: VitalBucket[], releases: Release[]): HTMLElement {
  const { since, until, bucket } = context.range
  const times = bucketStarts(since, until, bucket)
  const rows = buckets.filter((b) => b.name === name)
  const [good, poor] = THRESHOLDS[name]
  return timeChart(context.mount, {
    title: `${name} p75 over time`,
    times,
    series: [
      { label: 'p75', values: alignTo(times, rows, (r) => r.p75), color: '#2f6fde' },
      { label: 'p95', values: alignTo(times, rows, (r) => r.p95), color: '#9db7e8' },
    ],
    format: (v) => formatVital(name, v),
    axisFormat: (v) => (name === 'CLS' ? String(+v.toFixed(2)) : v >= 1000 ? `${+(v / 1000).toFixed(1)} s` : `${Math.round(v)} ms`),
    thresholds: [{ value: good, color: '#0cce6b' }, { value: poor, color: '#ff4e42' }],
    markers: markersOf(releases),
    range: [since, until],
  })
}

/** The good / needs-improvement / poor shares of one vital per bucket. */
export function ratingTrend(context: ViewContext, name: VitalName, buckets: VitalBucket[], releases: Release[]): HTMLElement {
  const { since, until, bucket } = context.range
  const times = bucketStarts(since, until, bucket)
  const rows = buckets.filter((b) => b.name === name)
  return timeChart(context.mount, {
    title: `${name}: good, needs improvement, poor`,
    times,
    series: [
      { label: 'good', values: alignTo(times, rows, (r) => r.good), color: '#0cce6b' },
      { label: 'needs improvement', values: alignTo(times, rows, (r) => r.needsImprovement), color: '#ffa400' },
      { label: 'poor', values: alignTo(times, rows, (r) => r.poor), color: '#ff4e42' },
    ],
    format: (v) => formatPercent(v, 0),
    markers: markersOf(releases),
    range: [since, until],
  })
}
