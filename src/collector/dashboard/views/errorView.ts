import { framesTable } from '../components/framesTable'
import { alignTo, timeChart } from '../components/timeChart'
import { markersOf } from '../components/vitalTrend'
import type { ErrorGroup, Release } from '../lib/apiTypes'
import { bucketStarts } from '../lib/bucketStarts'
import { formatCount, formatTime } from '../lib/format'
import { h } from '../lib/h'
import type { ViewRender } from './viewContext'

/** One error group: its numbers, its trend, the releases it was seen in, and its latest stack with resolved frames. */
export const errorView: ViewRender = async (context) => {
  const fingerprint = context.state.id ?? ''
  const [{ error, buckets }, { releases }] = await Promise.all([
    context.get<{ error: ErrorGroup; buckets: { start: number; count: number; sessions: number }[] }>(`/api/errors/${encodeURIComponent(fingerprint)}`, { bucket: context.range.bucket }),
    context.get<{ releases: Release[] }>('/api/releases'),
  ])
  const { since, until, bucket } = context.range
  const times = bucketStarts(since, until, bucket)
  const stat = (label: string, value: string, small = false) => h('div', { class: 'card' }, h('div', { class: 'label' }, label), h('div', { class: small ? 'value small' : 'value' }, value))
  return [
    h('p', { class: 'crumb' }, h('a', { href: context.link({ view: 'errors' }) }, 'Errors'), ' / ', fingerprint),
    h('h1', { 'data-error-title': '' }, `${error.errorType}: ${error.message}`),
    h('div', { class: 'grid' },
      stat('Occurrences', formatCount(error.count)),
      stat('Sessions affected', formatCount(error.sessions)),
      stat('First seen', formatTime(error.firstSeen), true),
      stat('Last seen', formatTime(error.lastSeen), true)),
    h('p', null, 'Releases: ', error.releases.length ? error.releases.join(', ') : '–', ' · latest on ', h('span', { class: 'text' }, error.url)),
    h('div', { class: 'charts' },
      timeChart(context.mount, {
        title: 'Occurrences over time',
        times,
        series: [{ label: 'occurrences', values: alignTo(times, buckets, (b) => b.count).map((v) => v ?? 0), color: '#ff4e42', bars: true }],
        format: formatCount,
        integer: true,
        markers: markersOf(releases),
        range: [since, until],
      })),
    h('h2', null, 'Stack (latest occurrence), frames resolved with the source maps'),
    framesTable(error.frames),
    h('h2', null, 'Stack as the browser reported it'),
    error.stack ? h('pre', null, error.stack) : h('p', { class: 'empty' }, 'No stack.'),
  ]
}
