import type { RuleStatus, Transition } from '../../alerts/createAlerts'
import { formatPercent, formatSpan, formatTime } from '../lib/format'
import { h } from '../lib/h'
import { formatVital } from '../lib/vitalThresholds'
import type { ViewRender } from './viewContext'

/** GET /api/alerts. */
interface AlertsAnswer {
  interval: number | null
  rules: RuleStatus[]
  history: Transition[]
}

const valueOf = (rule: RuleStatus) => {
  if (rule.value == null) return '–'
  if (rule.kind === 'errorRate') return formatPercent(rule.value, 2)
  if (rule.kind === 'slo') return `${rule.value.toFixed(2)}× burn`
  if (rule.kind === 'newErrorGroup') return `${rule.value} new`
  return formatVital(rule.vital ?? '', rule.value)
}

/** An SLO's budget left, its SLI, and each burn-rate alert's two windows. */
function sloDetails(rule: RuleStatus): HTMLElement {
  const slo = rule.slo!
  const bar = h('span')
  bar.style.width = `${Math.max(0, Math.min(1, slo.budgetRemaining)) * 100}%`
  const rates = slo.burnRates.map((r) =>
    h('li', null, `${r.factor}× over ${formatSpan(r.long)} and ${formatSpan(r.short)}: now ${r.longRate == null ? '–' : r.longRate.toFixed(2)}× and ${r.shortRate == null ? '–' : r.shortRate.toFixed(2)}×`, r.firing ? h('span', { class: 'badge firing' }, 'firing') : null),
  )
  return h('div', { class: 'panel', 'data-slo': rule.name },
    h('h3', null, `${rule.name}: ${formatPercent(slo.objective, 2)} of ${rule.vital} at or under ${formatVital(rule.vital ?? '', slo.good)} over ${formatSpan(rule.window)}`),
    h('p', null, `SLI ${formatPercent(slo.sli, 2)} (${slo.goodCount} good of ${slo.total}) · `, h('strong', { 'data-budget': '' }, `${formatPercent(slo.budgetRemaining, 1)} of the error budget left`)),
    h('div', { class: `budget${slo.budgetRemaining < 0.25 ? ' low' : ''}` }, bar),
    h('ul', null, ...rates))
}

/** Alert rules and SLOs from `--alerts`: state, value, what fires, SLO budgets, and the history of transitions. */
export const alertsView: ViewRender = async (context) => {
  const { interval, rules, history } = await context.get<AlertsAnswer>('/api/alerts')
  if (interval === null) return [h('h1', null, 'Alerts'), h('p', { class: 'empty' }, 'No alert rules: start the collector with --alerts FILE (README, “Alerts and SLOs”).')]
  const rows = rules.map((rule) =>
    h('tr', { 'data-rule': rule.name },
      h('td', null, rule.name),
      h('td', null, rule.kind),
      h('td', null, h('span', { class: `badge ${rule.state.replace(' ', '-')}` }, rule.state)),
      h('td', { class: 'n' }, valueOf(rule)),
      h('td', null, formatSpan(rule.window)),
      h('td', { class: 'text' }, rule.error ?? rule.firing.map((f) => `since ${formatTime(f.since)}: ${f.message}`).join('\n')),
      h('td', null, formatTime(rule.evaluatedAt))),
  )
  const table = h('table', { id: 'rules' },
    h('thead', null, h('tr', null, ...['Rule', 'Kind', 'State', 'Value', 'Window', 'Firing', 'Evaluated'].map((label) => h('th', null, label)))),
    h('tbody', null, ...rows))
  const past = history.length
    ? h('table', { id: 'alert-history' },
        h('thead', null, h('tr', null, h('th', null, 'Time'), h('th', null, 'Rule'), h('th', null, 'Change'), h('th', null, 'Message'), h('th', null, 'Webhook'))),
        h('tbody', null, ...history.map((t) =>
          h('tr', null, h('td', null, formatTime(t.time)), h('td', null, t.name), h('td', null, h('span', { class: `badge ${t.state === 'firing' ? 'firing' : 'ok'}` }, t.state)),
            h('td', { class: 'text' }, t.message), h('td', null, t.delivered === null ? '–' : t.delivered ? 'delivered' : 'not delivered')))))
    : h('p', { class: 'empty' }, 'Nothing has fired since the collector started.')
  return [
    h('h1', null, 'Alerts'),
    h('p', { class: 'muted' }, `Evaluated every ${formatSpan(interval)}; windows end now, whatever range is picked above.`),
    table,
    ...rules.filter((rule) => rule.slo).map(sloDetails),
    h('h2', null, 'History'),
    past,
  ]
}
