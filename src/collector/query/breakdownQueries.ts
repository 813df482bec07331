// Traffic broken down by one dimension, the releases with their start, and the values each
// filter can take: what the dashboard's pages, breakdowns and filter lists read.
import { WHERE } from './readFilter'

/** What /api/breakdown can group by: columns of `events`, set at ingest. */
export const BREAKDOWNS = ['page', 'release', 'browser', 'os', 'device'] as const
export type Breakdown = (typeof BREAKDOWNS)[number]

/**
 * Per value of `by` (the 200 with the most page views): page views, sessions, error occurrences
 * (the snippet's counts summed), errors per page view, and the first and last event (epoch ms).
 */
export function breakdownSql(by: Breakdown): string {
  return `
SELECT ${by} AS "group",
       count(*) FILTER (WHERE type = 'page_view')::INTEGER AS pageViews,
       count(DISTINCT session_id)::INTEGER AS sessions,
       coalesce(sum(error_count) FILTER (WHERE type = 'error'), 0)::DOUBLE AS errors,
       (coalesce(sum(error_count) FILTER (WHERE type = 'error'), 0) / nullif(count(*) FILTER (WHERE type = 'page_view'), 0))::DOUBLE AS errorRate,
       epoch_ms(min(time))::DOUBLE AS firstSeen,
       epoch_ms(max(time))::DOUBLE AS lastSeen
FROM events WHERE ${WHERE}
GROUP BY 1 ORDER BY pageViews DESC, sessions DESC, 1 LIMIT 200`
}

/**
 * The releases seen in the range, oldest first, each with its first and last event of all time
 * (epoch ms, within the app and env filters: where the dashboard draws a release marker) and its
 * page views, sessions and errors in the range.
 */
export const RELEASES = `
WITH seen AS (
  SELECT release, count(*) FILTER (WHERE type = 'page_view')::INTEGER AS pageViews, count(DISTINCT session_id)::INTEGER AS sessions,
         coalesce(sum(error_count) FILTER (WHERE type = 'error'), 0)::DOUBLE AS errors
  FROM events WHERE release IS NOT NULL AND ${WHERE} GROUP BY release)
SELECT seen.release, epoch_ms(min(events.time))::DOUBLE AS firstSeen, epoch_ms(max(events.time))::DOUBLE AS lastSeen,
       any_value(seen.pageViews) AS pageViews, any_value(seen.sessions) AS sessions, any_value(seen.errors) AS errors
FROM seen JOIN events ON events.release = seen.release AND ($3 IS NULL OR events.app = $3) AND ($4 IS NULL OR events.env = $4)
GROUP BY seen.release ORDER BY firstSeen, seen.release`

/**
 * The values each filter can take in the time range ($1, $2), with their event counts, the 50
 * most frequent of each: one scan with grouping sets. `dimension` names the column.
 */
export const FACETS = `
SELECT dimension, value, n AS events FROM (
  SELECT CASE WHEN grouping(app) = 0 THEN 'app' WHEN grouping(env) = 0 THEN 'env' WHEN grouping(release) = 0 THEN 'release'
              WHEN grouping(browser) = 0 THEN 'browser' ELSE 'device' END AS dimension,
         coalesce(app, env, release, browser, device) AS value, count(*)::INTEGER AS n
  FROM events
  WHERE time >= epoch_ms(CAST($1 AS BIGINT)) AND time < epoch_ms(CAST($2 AS BIGINT))
  GROUP BY GROUPING SETS ((app), (env), (release), (browser), (device)))
WHERE value IS NOT NULL
QUALIFY row_number() OVER (PARTITION BY dimension ORDER BY n DESC, value) <= 50
ORDER BY dimension, n DESC, value`
