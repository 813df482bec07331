import type { TimelineEntry } from '../lib/apiTypes'
import { formatDuration, formatTime } from '../lib/format'
import { h, type Child } from '../lib/h'
import { formatVital, rateVital, VITAL_NAMES, type VitalName } from '../lib/vitalThresholds'
import type { ViewRender } from './viewContext'

const text = (value: unknown) => (value == null ? '' : String(value))

/** What one event of a session says, in a line; every value from the page goes in as text. */
function describe(entry: TimelineEntry, link: (changes: Record<string, string>) => string): Child[] {
  const e = entry.event
  switch (entry.type) {
    case 'page_view':
      return [h('span', { class: 'text' }, text(e.url)), h('span', { class: 'muted' }, ` ${text(e.navigationType)}`)]
    case 'view_end':
      return [`left ${entry.page} after ${formatDuration(Number(e.duration))} (${formatDuration(Number(e.visible))} visible)`]
    case 'action': {
      const frustration = Array.isArray(e.frustration) && e.frustration.length ? ` · ${e.frustration.join(', ')} click` : ''
      return [h('strong', null, text(e.name)), ` ${formatDuration(Number(e.duration))}${e.ok === false ? ' · failed' : ''}${frustration}`, e.target ? h('span', { class: 'muted text' }, ` ${text(e.target)}`) : null]
    }
    case 'error':
      return [entry.fingerprint ? h('a', { href: link({ view: 'error', id: entry.fingerprint }), class: 'text' }, `${text(e.errorType)}: ${text(e.message)}`) : `${text(e.errorType)}: ${text(e.message)}`, Number(e.count) > 1 ? ` ×${e.count}` : '']
    case 'vital': {
      const name = text(e.name)
      const known = (VITAL_NAMES as readonly string[]).includes(name)
      const value = Number(e.value)
      return [h('strong', { class: known ? rateVital(name as VitalName, value) : undefined }, `${name} ${formatVital(name, value)}`), e.target ? h('span', { class: 'muted text' }, ` ${text(e.target)}`) : null]
    }
    case 'resource':
      return [`${text(e.method)} `, h('span', { class: 'text' }, text(e.resource)), ` → ${text(e.status)} in ${formatDuration(Number(e.duration))}`]
    case 'dropped':
      return [`the snippet dropped ${Object.entries((e.counts as Record<string, number>) ?? {}).map(([reason, n]) => `${n} (${reason})`).join(', ')}`]
    default:
      return [h('span', { class: 'muted' }, entry.type)]
  }
}

/** One session as a page: who and on what, then every view, action, error and vital in order. */
export const sessionView: ViewRender = async (context) => {
  const id = context.state.id ?? ''
  const { events } = await context.get<{ events: TimelineEntry[] }>(`/api/sessions/${encodeURIComponent(id)}`)
  const crumb = h('p', { class: 'crumb' }, h('a', { href: context.link({ view: 'sessions' }) }, 'Sessions'), ' / ')
  if (!events.length) return [crumb, h('h1', null, id), h('p', { class: 'empty' }, 'No event of this session is stored.')]
  const start = events[0].time
  const end = events[events.length - 1].time
  const first = events.find((e) => e.browser) ?? events[0]
  const user = events.map((e) => e.event.userId).find(Boolean)
  const items = events.map((entry) =>
    h('li', { 'data-type': entry.type },
      h('span', { class: 'at', title: formatTime(entry.time) }, `+${formatDuration(entry.time - start)}`),
      h('span', null, h('span', { class: `badge ${entry.type}` }, entry.type.replace('_', ' '))),
      h('span', null, ...describe(entry, context.link))),
  )
  return [
    crumb,
    h('h1', null, `Session ${id}`),
    h('p', null, `${formatTime(start)} · ${formatDuration(end - start)} · ${[first.browser, first.os, first.device].filter(Boolean).join(' · ') || 'unknown browser'}`, user ? ` · user ${String(user)}` : ''),
    h('ol', { class: 'timeline', id: 'timeline' }, ...items),
  ]
}
