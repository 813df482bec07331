import { sortableTable } from '../components/sortableTable'
import { trafficChart } from '../components/trafficChart'
import type { ErrorGroup, Release, TrafficBucket } from '../lib/apiTypes'
import { formatCount, formatTime } from '../lib/format'
import { h } from '../lib/h'
import type { ViewRender } from './viewContext'

/** Error groups (the collector's fingerprints): count, sessions affected, first and last seen, releases; the errors' trend. */
export const errorsView: ViewRender = async (context) => {
  const [{ errors }, { buckets }, { releases }] = await Promise.all([
    context.get<{ errors: ErrorGroup[] }>('/api/errors', { limit: 200 }),
    context.get<{ buckets: TrafficBucket[] }>('/api/traffic', { bucket: context.range.bucket }),
    context.get<{ releases: Release[] }>('/api/releases'),
  ])
  const table = sortableTable(
    [
      { key: 'error', label: 'Error', value: (e) => `${e.errorType}: ${e.message}`, cell: (e) => h('a', { href: context.link({ view: 'error', id: e.fingerprint }), class: 'text' }, `${e.errorType}: ${e.message}`) },
      { key: 'count', label: 'Count', numeric: true, value: (e) => e.count, cell: (e) => formatCount(e.count) },
      { key: 'sessions', label: 'Sessions', numeric: true, value: (e) => e.sessions, cell: (e) => formatCount(e.sessions) },
      { key: 'firstSeen', label: 'First seen', value: (e) => e.firstSeen, cell: (e) => formatTime(e.firstSeen) },
      { key: 'lastSeen', label: 'Last seen', value: (e) => e.lastSeen, cell: (e) => formatTime(e.lastSeen) },
      { key: 'releases', label: 'Releases', value: (e) => e.releases.join(', '), cell: (e) => (e.releases.length ? e.releases.join(', ') : '–') },
    ],
    errors,
    { sort: context.state.sort ?? 'count', dir: context.state.dir },
    (sort, dir) => context.go({ sort, dir }),
    'No error in this range.',
  )
  table.id = 'error-groups'
  return [h('h1', null, 'Errors'), h('div', { class: 'charts' }, trafficChart(context, 'Errors over time', buckets, ['errors'], releases)), h('h2', null, 'Groups'), table]
}
