import type { VitalStats } from '../lib/apiTypes'
import { formatCount, formatPercent } from '../lib/format'
import { h } from '../lib/h'
import { formatVital, rateVital, VITAL_NAMES } from '../lib/vitalThresholds'

/** A bar of the good / needs-improvement / poor shares (widths as flex-grow: no inline style attribute). */
export function sharesBar(stats: Pick<VitalStats, 'good' | 'needsImprovement' | 'poor'>): HTMLElement {
  const part = (rating: string, share: number) => {
    const span = h('span', { class: rating })
    span.style.flexGrow = String(share)
    return span
  }
  const label = `good ${formatPercent(stats.good)}, needs improvement ${formatPercent(stats.needsImprovement)}, poor ${formatPercent(stats.poor)}`
  return h('div', { class: 'shares', title: label, 'aria-label': label, role: 'img' }, part('good', stats.good), part('needs-improvement', stats.needsImprovement), part('poor', stats.poor))
}

/**
 * One card per vital: p75 coloured by its rating (web.dev's thresholds), the shares bar, the
 * samples. `link(name)`, when given, makes each card a link (the overview: pick the vital whose
 * trend is drawn); `selected` marks one.
 */
export function vitalCards(vitals: VitalStats[], link?: (name: string) => string, selected?: string): HTMLElement {
  const byName = new Map(vitals.map((v) => [v.name, v]))
  const cards = VITAL_NAMES.map((name) => {
    const v = byName.get(name)
    const attributes = { 'data-vital': name, href: link?.(name), 'aria-current': selected === name ? 'true' : undefined }
    if (!v) return h(link ? 'a' : 'div', { ...attributes, class: 'card' }, h('div', { class: 'label' }, name), h('div', { class: 'value muted' }, '–'), h('div', { class: 'note' }, 'no samples'))
    return h(
      link ? 'a' : 'div',
      { ...attributes, class: `card ${rateVital(name, v.p75)}` },
      h('div', { class: 'label' }, `${name} p75`),
      h('div', { class: 'value' }, formatVital(name, v.p75)),
      sharesBar(v),
      h('div', { class: 'note' }, `${formatCount(v.samples)} ${v.samples === 1 ? 'sample' : 'samples'} · ${formatPercent(v.good, 0)} good`),
    )
  })
  return h('div', { class: 'grid' }, ...cards)
}
