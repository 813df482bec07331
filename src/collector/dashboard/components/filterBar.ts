import type { Facets } from '../lib/apiTypes'
import { h } from '../lib/h'
import { RANGES } from '../lib/timeRange'
import { FILTERS, type ViewState } from '../lib/viewState'

const LABELS: Record<string, string> = { app: 'App', env: 'Env', release: 'Release', browser: 'Browser', device: 'Device' }

/** `datetime-local` text for epoch ms, in the viewer's time zone. */
function localInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000)
  return d.toISOString().slice(0, 16)
}

/**
 * The filter bar: the time range (presets, or custom from–to), one select per filter with the
 * values seen in the range (and the chosen one, if it is not), live refresh, and a status line.
 * Each change calls `go` with what changed (the URL keeps it).
 */
export function filterBar(state: ViewState, facets: Facets, range: { since: number; until: number }, go: (changes: Record<string, string | undefined>) => void): Node[] {
  const rangeSelect = h('select', { name: 'range', 'aria-label': 'Time range' },
    ...Object.entries(RANGES).map(([key, r]) => h('option', { value: key, selected: state.range === key ? '' : undefined }, r.label)),
    h('option', { value: 'custom', selected: state.range === 'custom' ? '' : undefined }, 'custom…'))
  rangeSelect.addEventListener('change', () =>
    go(rangeSelect.value === 'custom' ? { range: 'custom', from: String(Math.floor(range.since)), to: String(Math.ceil(range.until)) } : { range: rangeSelect.value, from: undefined, to: undefined }))
  const nodes: Node[] = [h('label', null, 'Range ', rangeSelect)]
  if (state.range === 'custom') {
    for (const key of ['from', 'to'] as const) {
      const input = h('input', { type: 'datetime-local', name: key, value: localInput(key === 'from' ? range.since : range.until), 'aria-label': key })
      input.addEventListener('change', () => input.value && go({ [key]: String(new Date(input.value).getTime()) }))
      nodes.push(h('label', null, key === 'from' ? 'from ' : 'to ', input))
    }
  }
  for (const key of FILTERS) {
    const values = facets[key].map((f) => f.value)
    if (state[key] && !values.includes(state[key])) values.unshift(state[key])
    const select = h('select', { name: key, 'aria-label': LABELS[key] },
      h('option', { value: '' }, 'any'),
      ...values.map((value) => h('option', { value, selected: state[key] === value ? '' : undefined }, value)))
    select.addEventListener('change', () => go({ [key]: select.value || undefined }))
    nodes.push(h('label', null, `${LABELS[key]} `, select))
  }
  const live = h('input', { type: 'checkbox', name: 'live', checked: state.live === '1' ? '' : undefined })
  live.addEventListener('change', () => go({ live: live.checked ? '1' : '0' }))
  nodes.push(h('label', { title: 'Reload the data every 10 s' }, live, ' live'), h('span', { class: 'status', id: 'status', role: 'status' }))
  return nodes
}
