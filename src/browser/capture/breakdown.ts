import type { MetricWithAttribution } from 'web-vitals/attribution'
import type { VitalEvent } from '../../wire'

/**
 * web-vitals' attribution breakdown of a metric (the `rumlet/attribution` build): its numeric
 * parts as `phases` (LCP: timeToFirstByte, resourceLoadDelay, resourceLoadDuration,
 * elementRenderDelay; INP: inputDelay, processingDuration, presentationDelay, and more), and for
 * INP the longest Long Animation Frame script: its URL, what invoked it, and in which phase.
 */
export function breakdown(metric: MetricWithAttribution): Pick<VitalEvent, 'phases' | 'script'> {
  const attribution = metric.attribution as unknown as Record<string, unknown>
  if (!attribution) return {}
  const phases: Record<string, number> = {}
  for (const key in attribution) {
    const value = attribution[key]
    if (typeof value === 'number' && isFinite(value)) phases[key] = Math.round(value * 1000) / 1000
  }
  const longest = metric.name === 'INP' ? metric.attribution.longestScript : undefined
  return {
    phases,
    script: longest && {
      url: longest.entry.sourceURL,
      invoker: String(longest.entry.invoker).slice(0, 256),
      phase: longest.subpart,
      duration: Math.round(longest.intersectingDuration),
    },
  }
}
