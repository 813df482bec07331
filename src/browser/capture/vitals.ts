import { onCLS, onFCP, onINP, onLCP, onTTFB, type MetricType } from 'web-vitals'
import type { VitalEvent } from '../../wire'
import { selectorOf } from '../lib/selectorOf'
import type { Emit } from '../types'

type Entry = PerformanceEntry & {
  element?: Element | null
  url?: string
  value?: number
  sources?: { node?: Node | null }[]
  target?: Node | null
}

/**
 * What the vital is about, read from its own entries (no attribution build needed): the LCP
 * element and its resource, the element of the largest layout shift, the INP target and whether
 * it was a pointer or a keyboard interaction.
 */
function attribute(metric: MetricType): Pick<VitalEvent, 'target' | 'resource' | 'interaction'> {
  const entries = metric.entries as Entry[]
  if (!entries.length) return {}
  if (metric.name === 'LCP') {
    const last = entries[entries.length - 1]
    return { target: selectorOf(last.element) || undefined, resource: last.url || undefined }
  }
  if (metric.name === 'CLS') {
    const largest = entries.reduce((a, b) => ((b.value || 0) > (a.value || 0) ? b : a))
    const source = (largest.sources || []).find((source) => source.node && source.node.nodeType === 1)
    return { target: selectorOf(source && source.node) || undefined }
  }
  if (metric.name === 'INP') {
    const withTarget = entries.find((entry) => entry.target)
    return {
      target: selectorOf(withTarget && withTarget.target) || undefined,
      interaction: entries[0].name.startsWith('key') ? 'keyboard' : 'pointer',
    }
  }
  return {}
}

let more: ((metric: MetricType) => object) | undefined

/** Adds fields to every vital: the attribution build's breakdown (see attribution.ts). */
export function useBreakdown(fn: (metric: MetricType) => object): void {
  more = fn
}

/**
 * Reports the five Core Web Vitals as web-vitals measures them: one `vital` event each time
 * web-vitals reports (final values, and CLS/INP again when the page is hidden), with `delta`
 * so that a backend summing deltas per `metricId` gets web-vitals' value. Each carries the view
 * of the navigation it measures (`viewOf`): the hard load's, a back/forward-cache restore's, or
 * a soft navigation's.
 */
export function startVitals(emit: Emit, viewOf: (metric: MetricType) => string): void {
  const report = (metric: MetricType) =>
    emit<VitalEvent>({
      type: 'vital',
      // The view of the navigation measured: a late CLS or INP keeps the view it belongs to.
      viewId: viewOf(metric),
      name: metric.name,
      value: metric.value,
      delta: metric.delta,
      rating: metric.rating,
      metricId: metric.id,
      navigationType: metric.navigationType.replace(/-/g, '_'),
      ...attribute(metric),
      ...(more && more(metric)),
    })
  // Where the browser reports soft navigations (Chromium), each SPA route change has vitals of
  // its own; elsewhere web-vitals ignores the option.
  const options = { reportSoftNavs: true }
  onLCP(report, options)
  onINP(report, options)
  onCLS(report, options)
  onFCP(report, options)
  onTTFB(report, options)
}
