// Traffic, actions and loss: what happened, how often, how well.
import { bucketStart, WHERE } from './readFilter'

/**
 * Per time bucket ($9, ms): page views, sessions seen, actions, errors (occurrences) and events.
 * Counted per bucket and session first, then per bucket: one aggregation where `count(DISTINCT)`
 * beside the other counts took two (1.5× the time at 1,000,000 events).
 */
export const TRAFFIC = `
SELECT bucket::DOUBLE AS start, sum(pageViews)::INTEGER AS pageViews, count(*)::INTEGER AS sessions,
       sum(actions)::INTEGER AS actions, sum(errors)::DOUBLE AS errors, sum(events)::INTEGER AS events
FROM (
  SELECT ${bucketStart('CAST($9 AS BIGINT)')} AS bucket, session_id,
         count(*) FILTER (WHERE type = 'page_view') AS pageViews,
         count(*) FILTER (WHERE type = 'action') AS actions,
         coalesce(sum(error_count) FILTER (WHERE type = 'error'), 0) AS errors,
         count(*) AS events
  FROM events WHERE ${WHERE}
  GROUP BY 1, 2)
GROUP BY bucket ORDER BY bucket`

/**
 * Per action name, the 100 most frequent: how often, in how many sessions, duration p50/p75/p95
 * (ms), the share that succeeded, and how many clicks showed each frustration signal.
 */
export const ACTIONS = `
SELECT name, count(*)::INTEGER AS count, count(DISTINCT session_id)::INTEGER AS sessions,
       quantile_cont(duration, 0.5) AS p50, quantile_cont(duration, 0.75) AS p75, quantile_cont(duration, 0.95) AS p95,
       (count(*) FILTER (WHERE ok) / count(*))::DOUBLE AS successRate,
       count(*) FILTER (WHERE contains(frustration, 'rage'))::INTEGER AS rage,
       count(*) FILTER (WHERE contains(frustration, 'dead'))::INTEGER AS dead,
       count(*) FILTER (WHERE contains(frustration, 'error'))::INTEGER AS error
FROM events WHERE type = 'action' AND ${WHERE}
GROUP BY name ORDER BY count DESC, name LIMIT 100`

/** The snippets' loss counters: events dropped before they were sent, summed by reason. */
export const LOSS = `
SELECT entry.key AS reason, sum(CAST(entry.value AS BIGINT))::DOUBLE AS dropped, count(DISTINCT dropped.session_id)::INTEGER AS sessions
FROM (SELECT session_id, body FROM events WHERE type = 'dropped' AND ${WHERE}) AS dropped, json_each(dropped.body, '$.counts') AS entry
GROUP BY reason ORDER BY dropped DESC, reason`
