import type { BreakdownRow, VitalStats } from '../lib/apiTypes'
import { formatCount, formatPercent, formatTime } from '../lib/format'
import { h } from '../lib/h'
import { formatVital, rateVital, VITAL_NAMES } from '../lib/vitalThresholds'
import type { ViewContext } from '../views/viewContext'
import { sortableTable, type Column } from './sortableTable'

type Row = BreakdownRow & { p75: Record<string, number> }

/**
 * Traffic and the p75 of each vital per value of `by` (a page, a browser, a release…), from
 * /api/breakdown and /api/vitals?by, sortable (the order goes in the URL). `link`, when given,
 * turns the first column into links.
 */
export async function breakdownTable(context: ViewContext, by: string, label: string, link?: (group: string) => string): Promise<HTMLElement> {
  const [{ groups }, { vitals }] = await Promise.all([
    context.get<{ groups: BreakdownRow[] }>('/api/breakdown', { by }),
    context.get<{ vitals: VitalStats[] }>('/api/vitals', { by }),
  ])
  const rows: Row[] = groups.map((g) => ({ ...g, p75: {} }))
  const byGroup = new Map(rows.map((row) => [row.group, row]))
  for (const v of vitals) {
    const key = v.group ?? null
    let row = byGroup.get(key)
    // Measured without a page view in the range (a view that began before it).
    if (!row) {
      row = { group: key, pageViews: 0, sessions: 0, errors: 0, errorRate: null, firstSeen: 0, lastSeen: 0, p75: {} }
      byGroup.set(key, row)
      rows.push(row)
    }
    row.p75[v.name] = v.p75
  }
  const columns: Column<Row>[] = [
    { key: 'group', label, value: (r) => r.group, cell: (r) => (r.group === null ? h('span', { class: 'muted' }, 'unknown') : link ? h('a', { href: link(r.group) }, r.group) : r.group) },
    { key: 'views', label: 'Page views', numeric: true, value: (r) => r.pageViews, cell: (r) => formatCount(r.pageViews) },
    { key: 'sessions', label: 'Sessions', numeric: true, value: (r) => r.sessions, cell: (r) => formatCount(r.sessions) },
    { key: 'errors', label: 'Errors', numeric: true, value: (r) => r.errors, cell: (r) => formatCount(r.errors) },
    { key: 'errorRate', label: 'Errors / view', numeric: true, value: (r) => r.errorRate, cell: (r) => formatPercent(r.errorRate) },
    ...VITAL_NAMES.map((name) => ({
      key: name,
      label: `${name} p75`,
      numeric: true,
      value: (r: Row) => r.p75[name] ?? null,
      cell: (r: Row) => formatVital(name, r.p75[name]),
      className: (r: Row) => (r.p75[name] == null ? undefined : rateVital(name, r.p75[name])),
    })),
  ]
  if (by === 'release') columns.push({ key: 'firstSeen', label: 'First seen', value: (r) => r.firstSeen || null, cell: (r) => formatTime(r.firstSeen || null) })
  return sortableTable(columns, rows, { sort: context.state.sort ?? 'views', dir: context.state.dir }, (sort, dir) => context.go({ sort, dir }))
}
