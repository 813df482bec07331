/** The five web vitals, in the order the dashboard shows them. */
export const VITAL_NAMES = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const
export type VitalName = (typeof VITAL_NAMES)[number]

/**
 * [good up to, poor above] for each vital, in ms (CLS unitless): web.dev's thresholds, the ones
 * web-vitals rates by (https://web.dev/articles/defining-core-web-vitals-thresholds; LCP, INP,
 * CLS: https://web.dev/articles/vitals; FCP: https://web.dev/articles/fcp; TTFB:
 * https://web.dev/articles/ttfb).
 */
export const THRESHOLDS: Record<VitalName, readonly [number, number]> = {
  LCP: [2500, 4000],
  INP: [200, 500],
  CLS: [0.1, 0.25],
  FCP: [1800, 3000],
  TTFB: [800, 1800],
}

export type Rating = 'good' | 'needs-improvement' | 'poor'

/** web-vitals' rating of a value: good at or under the first threshold, poor above the second. */
export function rateVital(name: VitalName, value: number): Rating {
  const [good, poor] = THRESHOLDS[name]
  return value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor'
}

/** A vital's value as people read it: `2,512 ms`, CLS `0.112`. */
export function formatVital(name: string, value: number | null | undefined): string {
  if (value == null) return '–'
  return name === 'CLS' ? value.toFixed(3) : `${Math.round(value).toLocaleString('en')} ms`
}
