import { sortableTable } from '../components/sortableTable'
import type { SessionRow } from '../lib/apiTypes'
import { formatCount, formatDuration, formatTime } from '../lib/format'
import { h } from '../lib/h'
import type { ViewRender } from './viewContext'

/** The latest sessions: when, how long, who, on what, and what happened; each opens its timeline. */
export const sessionsView: ViewRender = async (context) => {
  const { sessions } = await context.get<{ sessions: SessionRow[] }>('/api/sessions', { limit: 200 })
  const table = sortableTable(
    [
      { key: 'session', label: 'Session', value: (s) => s.sessionId, cell: (s) => h('a', { href: context.link({ view: 'session', id: s.sessionId }) }, s.sessionId.slice(0, 12)) },
      { key: 'start', label: 'Started', value: (s) => s.start, cell: (s) => formatTime(s.start) },
      { key: 'length', label: 'Length', numeric: true, value: (s) => s.end - s.start, cell: (s) => formatDuration(s.end - s.start) },
      { key: 'user', label: 'User', value: (s) => s.userId },
      { key: 'entry', label: 'Entry page', value: (s) => s.entryUrl, cell: (s) => h('span', { class: 'text' }, s.entryUrl) },
      { key: 'browser', label: 'Browser · device', value: (s) => `${s.browser ?? ''} ${s.device ?? ''}`, cell: (s) => [s.browser, s.os, s.device].filter(Boolean).join(' · ') || '–' },
      { key: 'views', label: 'Views', numeric: true, value: (s) => s.pageViews, cell: (s) => formatCount(s.pageViews) },
      { key: 'actions', label: 'Actions', numeric: true, value: (s) => s.actions, cell: (s) => formatCount(s.actions) },
      { key: 'errors', label: 'Errors', numeric: true, value: (s) => s.errors, cell: (s) => formatCount(s.errors) },
    ],
    sessions,
    { sort: context.state.sort ?? 'start', dir: context.state.dir },
    (sort, dir) => context.go({ sort, dir }),
    'No session in this range.',
  )
  table.id = 'sessions'
  return [h('h1', null, 'Sessions'), table]
}
