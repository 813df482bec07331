import { sortableTable } from '../components/sortableTable'
import { alignTo } from '../components/timeChart'
import { trafficChart } from '../components/trafficChart'
import type { LossRow, TrafficBucket } from '../lib/apiTypes'
import { bucketStarts } from '../lib/bucketStarts'
import { formatCount, formatPercent } from '../lib/format'
import { h } from '../lib/h'
import type { ViewRender } from './viewContext'

/** What each loss reason of the snippet means (src/browser: createBuffer, createOutbox, startSender, assemble, dedupeErrors). */
const REASONS: Record<string, string> = {
  queue_full: 'the outbox was full (the collector unreachable for long)',
  expired: 'older than the outbox keeps events',
  rejected: 'the collector refused the batch (400)',
  too_large: 'one event over the size limit',
  before_send: 'beforeSend returned something that is not an event',
  internal_error: 'rumlet failed on the event',
  rate_limited: 'an error repeated past the rate limit',
}

/** Ingest counters since the collector started (GET /api/stats). */
interface Stats {
  batches: number
  events: number
  stored: number
  duplicates: number
  refused: number
}

/**
 * Data health: events received against events the snippets reported they lost, by reason, so
 * that "no traffic" (nothing received, nothing lost) and "lost traffic" read differently.
 */
export const healthView: ViewRender = async (context) => {
  const [{ buckets }, { dropped }, { buckets: lossBuckets }, stats] = await Promise.all([
    context.get<{ buckets: TrafficBucket[] }>('/api/traffic', { bucket: context.range.bucket }),
    context.get<{ dropped: LossRow[] }>('/api/loss'),
    context.get<{ buckets: { start: number; reason: string; dropped: number }[] }>('/api/loss/timeline', { bucket: context.range.bucket }),
    context.get<Stats>('/api/stats'),
  ])
  const received = buckets.reduce((sum, b) => sum + b.events, 0)
  const lost = dropped.reduce((sum, d) => sum + d.dropped, 0)
  const notice =
    received === 0 && lost === 0
      ? h('p', { class: 'notice quiet', id: 'health-notice' }, 'No traffic: nothing was received and no snippet reported a loss in this range. Is the snippet on the pages, and does it reach this collector?')
      : lost > 0
        ? h('p', { class: 'notice lost', id: 'health-notice' }, `Lost traffic: snippets dropped ${formatCount(lost)} events before sending them (${formatPercent(lost / (received + lost))} of what they recorded); the reasons are below.`)
        : h('p', { class: 'notice', id: 'health-notice' }, `Traffic flows: ${formatCount(received)} events received, none reported lost.`)
  const times = bucketStarts(context.range.since, context.range.until, context.range.bucket)
  const lossPerBucket = new Map<number, number>()
  for (const b of lossBuckets) lossPerBucket.set(b.start, (lossPerBucket.get(b.start) ?? 0) + b.dropped)
  const lossSeries = alignTo(times, [...lossPerBucket].map(([start, n]) => ({ start, n })), (r) => r.n).map((v) => v ?? 0)
  const card = (label: string, value: string, id: string) => h('div', { class: 'card', 'data-stat': id }, h('div', { class: 'label' }, label), h('div', { class: 'value' }, value))
  const reasons = sortableTable(
    [
      { key: 'reason', label: 'Reason', value: (r) => r.reason, cell: (r) => h('span', null, h('code', null, r.reason), REASONS[r.reason] ? h('span', { class: 'muted' }, ` ${REASONS[r.reason]}`) : null) },
      { key: 'dropped', label: 'Events dropped', numeric: true, value: (r) => r.dropped, cell: (r) => formatCount(r.dropped) },
      { key: 'sessions', label: 'Sessions', numeric: true, value: (r) => r.sessions, cell: (r) => formatCount(r.sessions) },
    ],
    dropped,
    { sort: context.state.sort ?? 'dropped', dir: context.state.dir },
    (sort, dir) => context.go({ sort, dir }),
    'No snippet reported a loss in this range.',
  )
  reasons.id = 'loss'
  return [
    h('h1', null, 'Data health'),
    notice,
    h('div', { class: 'grid' },
      card('Events received', formatCount(received), 'received'),
      card('Events lost by snippets', formatCount(lost), 'lost'),
      card('Share lost', received + lost ? formatPercent(lost / (received + lost)) : '–', 'share')),
    h('div', { class: 'charts' }, trafficChart(context, 'Received and lost per bucket', buckets, ['events'], [], [{ label: 'lost', values: lossSeries, color: '#ff4e42', bars: true }])),
    h('h2', null, 'Losses by reason'),
    reasons,
    h('h2', null, 'This collector since it started'),
    h('p', { class: 'muted', id: 'ingest-stats' },
      `${formatCount(stats.batches)} batches, ${formatCount(stats.events)} events received, ${formatCount(stats.stored)} stored, ${formatCount(stats.duplicates)} duplicates (resends), ${formatCount(stats.refused)} batches refused.`),
  ]
}
