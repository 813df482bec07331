import { trafficChart } from '../components/trafficChart'
import { vitalCards } from '../components/vitalCards'
import { vitalTrend } from '../components/vitalTrend'
import type { ErrorGroup, Release, TrafficBucket, VitalBucket, VitalStats } from '../lib/apiTypes'
import { formatCount } from '../lib/format'
import { h } from '../lib/h'
import { VITAL_NAMES } from '../lib/vitalThresholds'
import type { ViewRender } from './viewContext'

/** One page (route): its vitals, the trend of each, its traffic and its errors. */
export const pageView: ViewRender = async (context) => {
  const page = context.state.id ?? ''
  const scoped = { page, bucket: context.range.bucket }
  const [{ vitals }, { buckets }, { buckets: traffic }, { releases }, { errors }] = await Promise.all([
    context.get<{ vitals: VitalStats[] }>('/api/vitals', { page }),
    context.get<{ buckets: VitalBucket[] }>('/api/vitals/timeline', scoped),
    context.get<{ buckets: TrafficBucket[] }>('/api/traffic', scoped),
    context.get<{ releases: Release[] }>('/api/releases'),
    context.get<{ errors: ErrorGroup[] }>('/api/errors', { page, limit: 10 }),
  ])
  const errorList = errors.length
    ? h('ul', null, ...errors.map((e) => h('li', null, h('a', { href: context.link({ view: 'error', id: e.fingerprint }) }, `${e.errorType}: ${e.message}`), ` — ${formatCount(e.count)} times`)))
    : h('p', { class: 'empty' }, 'No error on this page in this range.')
  return [
    h('p', { class: 'crumb' }, h('a', { href: context.link({ view: 'pages' }) }, 'Pages'), ' / '),
    h('h1', null, page),
    vitalCards(vitals),
    h('h2', null, 'Trends'),
    h('div', { class: 'charts' }, ...VITAL_NAMES.map((name) => vitalTrend(context, name, buckets, releases)), trafficChart(context, 'Page views', traffic, ['pageViews', 'errors'], releases)),
    h('h2', null, 'Errors on this page'),
    errorList,
  ]
}
