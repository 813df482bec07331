import { sortableTable } from '../components/sortableTable'
import { trafficChart } from '../components/trafficChart'
import type { ActionRow, Release, TrafficBucket } from '../lib/apiTypes'
import { formatCount, formatDuration, formatPercent } from '../lib/format'
import { h } from '../lib/h'
import type { ViewRender } from './viewContext'

/** Actions by name: how often, duration percentiles, success rate, and the clicks that showed rage, dead or error signals. */
export const actionsView: ViewRender = async (context) => {
  const [{ actions }, { buckets }, { releases }] = await Promise.all([
    context.get<{ actions: ActionRow[] }>('/api/actions'),
    context.get<{ buckets: TrafficBucket[] }>('/api/traffic', { bucket: context.range.bucket }),
    context.get<{ releases: Release[] }>('/api/releases'),
  ])
  const table = sortableTable(
    [
      { key: 'name', label: 'Action', value: (a) => a.name, cell: (a) => h('span', { class: 'text' }, a.name) },
      { key: 'count', label: 'Count', numeric: true, value: (a) => a.count, cell: (a) => formatCount(a.count) },
      { key: 'sessions', label: 'Sessions', numeric: true, value: (a) => a.sessions, cell: (a) => formatCount(a.sessions) },
      { key: 'p50', label: 'p50', numeric: true, value: (a) => a.p50, cell: (a) => formatDuration(a.p50) },
      { key: 'p75', label: 'p75', numeric: true, value: (a) => a.p75, cell: (a) => formatDuration(a.p75) },
      { key: 'p95', label: 'p95', numeric: true, value: (a) => a.p95, cell: (a) => formatDuration(a.p95) },
      { key: 'success', label: 'Success', numeric: true, value: (a) => a.successRate, cell: (a) => formatPercent(a.successRate), className: (a) => (a.successRate < 0.95 ? 'poor' : undefined) },
      { key: 'rage', label: 'Rage clicks', numeric: true, value: (a) => a.rage, cell: (a) => formatCount(a.rage), className: (a) => (a.rage ? 'poor' : undefined) },
      { key: 'dead', label: 'Dead clicks', numeric: true, value: (a) => a.dead, cell: (a) => formatCount(a.dead), className: (a) => (a.dead ? 'needs-improvement' : undefined) },
      { key: 'error', label: 'Error clicks', numeric: true, value: (a) => a.error, cell: (a) => formatCount(a.error), className: (a) => (a.error ? 'poor' : undefined) },
    ],
    actions,
    { sort: context.state.sort ?? 'count', dir: context.state.dir },
    (sort, dir) => context.go({ sort, dir }),
    'No action in this range.',
  )
  table.id = 'actions'
  return [h('h1', null, 'Actions'), h('div', { class: 'charts' }, trafficChart(context, 'Actions over time', buckets, ['actions'], releases)), h('h2', null, 'By name'), table]
}
