import { onCLS, onFCP, onINP, onLCP, onTTFB, type MetricType } from 'web-vitals'
import type { VitalEvent } from '../../wire'
import type { Emit } from '../types'

/**
 * Reports the five Core Web Vitals as web-vitals measures them: one `vital` event each time
 * web-vitals reports (final values, and CLS/INP again when the page is hidden), with `delta`
 * so that a backend summing deltas per `metricId` gets web-vitals' value. Each carries the view
 * of the navigation it measures: the hard load's, or a back/forward-cache restore's.
 */
export function startVitals(emit: Emit, viewOf: () => string): void {
  const report = (metric: MetricType) =>
    emit<VitalEvent>({
      type: 'vital',
      // The view of the navigation measured, also for CLS and INP reported at hide after SPA
      // route changes (without soft navigations, they cover the whole page).
      viewId: viewOf(),
      name: metric.name,
      value: metric.value,
      delta: metric.delta,
      rating: metric.rating,
      metricId: metric.id,
      navigationType: metric.navigationType.replace(/-/g, '_'),
    })
  onLCP(report)
  onINP(report)
  onCLS(report)
  onFCP(report)
  onTTFB(report)
}
