import { trafficChart } from '../components/trafficChart'
import { vitalCards } from '../components/vitalCards'
import { ratingTrend, vitalTrend } from '../components/vitalTrend'
import type { Release, TrafficBucket, VitalBucket, VitalStats } from '../lib/apiTypes'
import { h } from '../lib/h'
import { VITAL_NAMES, type VitalName } from '../lib/vitalThresholds'
import type { ViewRender } from './viewContext'

/** Web Vitals at a glance: p75 cards, the chosen vital's trend and rating shares, and traffic, with release markers. */
export const overviewView: ViewRender = async (context) => {
  const vital = ((VITAL_NAMES as readonly string[]).includes(context.state.vital) ? context.state.vital : 'LCP') as VitalName
  const [{ vitals }, { buckets }, { buckets: traffic }, { releases }] = await Promise.all([
    context.get<{ vitals: VitalStats[] }>('/api/vitals'),
    context.get<{ buckets: VitalBucket[] }>('/api/vitals/timeline', { bucket: context.range.bucket, name: vital }),
    context.get<{ buckets: TrafficBucket[] }>('/api/traffic', { bucket: context.range.bucket }),
    context.get<{ releases: Release[] }>('/api/releases'),
  ])
  return [
    h('h1', null, 'Web Vitals'),
    vitalCards(vitals, (name) => context.link({ vital: name === 'LCP' ? undefined : name }), vital),
    h('p', { class: 'muted' }, 'p75 of each vital, coloured by web.dev’s thresholds; choose a vital to draw its trend.'),
    h('div', { class: 'charts' }, vitalTrend(context, vital, buckets, releases), ratingTrend(context, vital, buckets, releases)),
    h('h2', null, 'Traffic'),
    h('div', { class: 'charts' }, trafficChart(context, 'Page views and sessions', traffic, ['pageViews', 'sessions'], releases), trafficChart(context, 'Errors', traffic, ['errors'], releases)),
  ]
}
