// Web vitals: p50/p75/p95 and rating shares, overall, by a dimension, or over time.
import { WHERE } from './readFilter'

/** What /api/vitals can group by: the page (route, else path), the release, or what the User-Agent said. */
export const VITAL_GROUPS = ['page', 'release', 'browser', 'os', 'device'] as const
export type VitalGroup = (typeof VITAL_GROUPS)[number]

// web-vitals reports a metric more than once (CLS and INP again when the page is hidden); its
// value is the latest report's. One row per measured metric (grouped on a 64-bit hash of its
// metricId: grouping 500,000 strings costs twice as much). Its page is that of the view it
// measures, set at ingest (createIngest's view pages).
export const METRICS = `
  measured AS (
    SELECT name, max(time) AS time, arg_max(value, time) AS value, arg_max(rating, time) AS rating, arg_max(page, time) AS page,
           any_value(release) AS release, any_value(browser) AS browser, any_value(os) AS os, any_value(device) AS device
    FROM events WHERE type = 'vital' AND ${WHERE}
    GROUP BY name, hash(metric_id))`

// p50, p75 and p95 as DuckDB's quantile_cont (linear between the nearest ranks), and the share of
// each rating (web-vitals' own: good, needs-improvement, poor).
const STATS = `
  count(*)::INTEGER AS samples,
  quantile_cont(value, 0.5) AS p50, quantile_cont(value, 0.75) AS p75, quantile_cont(value, 0.95) AS p95,
  (count(*) FILTER (WHERE rating = 'good') / count(*))::DOUBLE AS good,
  (count(*) FILTER (WHERE rating = 'needs-improvement') / count(*))::DOUBLE AS needsImprovement,
  (count(*) FILTER (WHERE rating = 'poor') / count(*))::DOUBLE AS poor`

const ORDER = `list_position(['LCP', 'INP', 'CLS', 'FCP', 'TTFB'], name)`

/** Per vital (and per group value when `by` is given; the 50 most measured values): the stats. */
export function vitalsSql(by?: VitalGroup): string {
  if (!by) return `WITH ${METRICS} SELECT name, ${STATS} FROM measured GROUP BY name ORDER BY ${ORDER}`
  return `WITH ${METRICS},
    top AS (SELECT ${by} AS value_of, count(*) AS n FROM measured GROUP BY 1 ORDER BY n DESC, 1 LIMIT 50)
    SELECT name, ${by} AS "group", ${STATS}
    FROM measured JOIN top ON ${by} IS NOT DISTINCT FROM value_of
    GROUP BY name, ${by}, n ORDER BY n DESC, "group", ${ORDER}`
}

/** Per time bucket ($9, ms) and vital: the stats. A metric counts in the bucket of its last report. */
export const VITALS_OVER_TIME = `
WITH ${METRICS}
SELECT epoch_ms(time_bucket(to_milliseconds(CAST($9 AS BIGINT)), time))::DOUBLE AS start, name, ${STATS}
FROM measured
WHERE $10 IS NULL OR name = $10
GROUP BY 1, name ORDER BY start, ${ORDER}`
