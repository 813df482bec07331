// The SQL behind the alerts, over the query API's common filter (query/readFilter.ts: $1–$8).
import { WHERE } from '../query/readFilter'
import { METRICS } from '../query/vitalQueries'

/** Page views in the range, and views (of any start) with at least one error event in it. */
export const ERROR_RATE = `
SELECT count(*) FILTER (WHERE type = 'page_view')::INTEGER AS pageViews,
       count(DISTINCT view_id) FILTER (WHERE type = 'error')::INTEGER AS viewsWithErrors
FROM events WHERE ${WHERE}`

/**
 * Error groups whose first occurrence of all time (within the filter; run with since = 0) is at
 * or after $9 (epoch ms), in a release that started after another release had been seen: errors
 * a deployment brought. Each with its release, first occurrence and totals.
 */
export const NEW_ERROR_GROUPS = `
WITH groups AS (
  SELECT fingerprint, min(time) AS first, arg_min(release, time) AS release, arg_max(error_type, time) AS errorType,
         arg_max(message, time) AS message, sum(error_count)::DOUBLE AS count, count(DISTINCT session_id)::INTEGER AS sessions
  FROM events WHERE type = 'error' AND ${WHERE} GROUP BY fingerprint),
releases AS (
  SELECT release, min(time) AS first FROM events
  WHERE release IS NOT NULL AND time < epoch_ms(CAST($2 AS BIGINT)) AND ($3 IS NULL OR app = $3) AND ($4 IS NULL OR env = $4)
  GROUP BY release)
SELECT groups.fingerprint, epoch_ms(groups.first)::DOUBLE AS firstSeen, groups.release, errorType, message, count, sessions
FROM groups JOIN releases ON releases.release = groups.release
WHERE groups.first >= epoch_ms(CAST($9 AS BIGINT)) AND EXISTS (SELECT 1 FROM releases AS earlier WHERE earlier.first < releases.first)
ORDER BY firstSeen, fingerprint`

/**
 * The measured metrics of vital $10 (one per metricId, its last report) in the range, all and
 * good (value at or under $9), and the same from each of `starts` later starts (epoch ms, $11
 * on): the window of an SLO and those of its burn-rate alerts, in one scan.
 */
export function sloSql(starts: number): string {
  const windows = Array.from({ length: starts }, (_, i) => `
  count(*) FILTER (WHERE time >= epoch_ms(CAST($${11 + i} AS BIGINT)))::INTEGER AS total${i},
  count(*) FILTER (WHERE time >= epoch_ms(CAST($${11 + i} AS BIGINT)) AND value <= $9)::INTEGER AS good${i}`)
  return `WITH ${METRICS} SELECT count(*)::INTEGER AS total, count(*) FILTER (WHERE value <= $9)::INTEGER AS good,${windows.join(',')}
FROM measured WHERE name = $10`
}
