// Web vitals: p50/p75/p95 and rating shares, overall, by a dimension, or over time.
import { bucketStart, WHERE } from './readFilter'

/** What /api/vitals can group by: the page (route, else path), the release, or what the User-Agent said. */
export const VITAL_GROUPS = ['page', 'release', 'browser', 'os', 'device'] as const
export type VitalGroup = (typeof VITAL_GROUPS)[number]

// web-vitals reports a metric more than once (CLS and INP again when the page is hidden); its
// value is the latest report's. The group commit keeps that report in `vitals`, one row per
// measured metric, on the page of the view it measures (eventColumns.ts, CREATE_VITALS): grouping
// 500,000 reports per metric here cost more than the rest of the query (bench/RESULTS.md). The
// common filter (WHERE, $1–$8) applies to that row: its time is the metric's last report's.
/** The measured metrics in the filter, one row each: `measured (name, time, value, rating, page, release, browser, os, device)`. */
export const METRICS = `measured AS (SELECT name, time, value, rating, page, release, browser, os, device FROM vitals WHERE ${WHERE})`

// p50, p75 and p95 as DuckDB's quantile_cont (linear between the nearest ranks), the three from
// one sort of the values (three quantile_cont calls sort three times: ~2× the time at 500,000
// values), and the share of each rating (web-vitals' own: good, needs-improvement, poor).
const STATS = `
  count(*)::INTEGER AS samples,
  quantile_cont(value, [0.5, 0.75, 0.95]) AS q,
  (count(*) FILTER (WHERE rating = 'good') / count(*))::DOUBLE AS good,
  (count(*) FILTER (WHERE rating = 'needs-improvement') / count(*))::DOUBLE AS needsImprovement,
  (count(*) FILTER (WHERE rating = 'poor') / count(*))::DOUBLE AS poor`
/** The columns of a STATS row as the API names them. */
const STATS_OUT = `samples, q[1] AS p50, q[2] AS p75, q[3] AS p95, good, needsImprovement, poor`

const ORDER = `list_position(['LCP', 'INP', 'CLS', 'FCP', 'TTFB'], name)`

/**
 * Per vital (and per group value when `by` is given; the 50 most measured values): the stats.
 * Every group's stats come from one pass, and the 50 largest are kept after (finding them first
 * and joining read the metrics twice: 1.4× the CPU time).
 */
export function vitalsSql(by?: VitalGroup): string {
  if (!by) return `WITH ${METRICS} SELECT name, ${STATS_OUT} FROM (SELECT name, ${STATS} FROM measured GROUP BY name) ORDER BY ${ORDER}`
  return `WITH ${METRICS}
    SELECT name, "group", ${STATS_OUT} FROM (
      SELECT name, ${by} AS "group", sum(count(*)) OVER (PARTITION BY ${by}) AS n, ${STATS}
      FROM measured GROUP BY name, ${by})
    QUALIFY dense_rank() OVER (ORDER BY n DESC, "group" NULLS LAST) <= 50
    ORDER BY n DESC, "group", ${ORDER}`
}

/**
 * vitalsSql() and vitalsSql(by) from one read of the metrics (GROUPING SETS), for /api/summary:
 * at 1,000,000 events 139–153 ms of CPU against 85 + 88 for the two queries. The stats are
 * MATERIALIZED before the top 50 are picked: inlined under the window functions the query took
 * 1.2× the CPU time (bench/RESULTS.md). Rows: `overall` true for the stats per vital (ordered as vitalsSql()), then
 * false for those per vital and `by` value (`group`; the 50 most measured values, ordered as
 * vitalsSql(by)).
 */
export function vitalsAndGroupsSql(by: VitalGroup): string {
  return `WITH ${METRICS},
    stats AS MATERIALIZED (SELECT grouping(${by}) = 1 AS overall, name, ${by} AS "group", ${STATS} FROM measured GROUP BY GROUPING SETS ((name), (name, ${by})))
    SELECT overall, name, "group", ${STATS_OUT} FROM (SELECT *, sum(samples) OVER (PARTITION BY overall, "group") AS n FROM stats)
    QUALIFY overall OR dense_rank() OVER (PARTITION BY overall ORDER BY n DESC, "group" NULLS LAST) <= 50
    ORDER BY overall DESC, n DESC, "group", ${ORDER}`
}

/** Per time bucket ($9, ms) and vital: the stats. A metric counts in the bucket of its last report. */
export const VITALS_OVER_TIME = `
WITH ${METRICS}
SELECT start, name, ${STATS_OUT} FROM (
  SELECT ${bucketStart('CAST($9 AS BIGINT)')}::DOUBLE AS start, name, ${STATS}
  FROM measured
  WHERE $10 IS NULL OR name = $10
  GROUP BY 1, name)
ORDER BY start, ${ORDER}`
