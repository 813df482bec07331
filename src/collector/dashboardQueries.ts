// What the dashboard shows, as SQL over the `events` table (see openStore.ts): p75 of each web
// vital, overall and by page, error groups, and recent sessions. Every query takes the same
// filter: $1 since (epoch ms), $2 app and $3 env (NULL for any).

/** What the dashboard's summaries filter on. */
export interface SummaryFilter {
  since: number
  app?: string
  env?: string
}

export const summaryParams = (filter: SummaryFilter) => [filter.since, filter.app ?? null, filter.env ?? null]

const WHERE = `time >= $1 AND ($2 IS NULL OR app = $2) AND ($3 IS NULL OR env = $3)`

// A page, for grouping: the route when the page names one, else the URL's path.
const PAGE = `coalesce(body->>'route', nullif(regexp_extract(url, '^[a-z]+://[^/?#]*([^?#]*)', 1), ''), '/')`

// web-vitals reports a metric more than once (CLS and INP again when the page is hidden); its
// value is the latest report's. One row per measured metric, then p75 over those. Its page is
// that of the view it measures (a late CLS may be reported after a route change, from the next
// URL), else its own.
const METRICS = `
  WITH views AS (SELECT view_id, arg_min(${PAGE}, time) AS page FROM events WHERE type = 'page_view' GROUP BY view_id)
  SELECT name, body->>'metricId' AS metric_id, any_value(events.view_id) AS view_id,
         arg_max(value, time) AS value, arg_max(body->>'rating', time) AS rating,
         coalesce(any_value(views.page), arg_max(${PAGE}, time)) AS page
  FROM events LEFT JOIN views USING (view_id)
  WHERE type = 'vital' AND ${WHERE}
  GROUP BY name, metric_id`

/** Per vital: how many were measured, their p75, and the share rated good, needs improvement, poor. */
export const VITALS = `
WITH metrics AS (${METRICS})
SELECT name,
       count(*)::INTEGER AS samples,
       quantile_cont(value, 0.75) AS p75,
       (count(*) FILTER (WHERE rating = 'good') / count(*))::DOUBLE AS good,
       (count(*) FILTER (WHERE rating = 'needs-improvement') / count(*))::DOUBLE AS needsImprovement,
       (count(*) FILTER (WHERE rating = 'poor') / count(*))::DOUBLE AS poor
FROM metrics
GROUP BY name
ORDER BY list_position(['LCP', 'INP', 'CLS', 'FCP', 'TTFB'], name)`

/** Per page (the route when the page names one, else the URL's path), the views measured and the p75 of each vital: the 20 most measured. */
export const VITALS_BY_PAGE = `
WITH metrics AS (${METRICS}),
pages AS (SELECT page, count(DISTINCT view_id)::INTEGER AS samples FROM metrics GROUP BY page ORDER BY samples DESC, page LIMIT 20)
SELECT pages.page, pages.samples, metrics.name, quantile_cont(metrics.value, 0.75) AS p75
FROM metrics JOIN pages USING (page)
GROUP BY pages.page, pages.samples, metrics.name
ORDER BY pages.samples DESC, pages.page, metrics.name`

/** Errors grouped by fingerprint (type, message and top frame), most frequent first: the 50 largest groups. */
export const ERROR_GROUPS = `
SELECT body->>'fingerprint' AS fingerprint,
       arg_max(body->>'errorType', time) AS errorType,
       arg_max(body->>'message', time) AS message,
       sum(CAST(body->>'count' AS BIGINT))::DOUBLE AS count,
       count(DISTINCT session_id)::INTEGER AS sessions,
       min(time)::DOUBLE AS firstSeen,
       max(time)::DOUBLE AS lastSeen,
       arg_max(release, time) AS release,
       arg_max(url, time) AS url,
       arg_max(body->>'stack', time) AS stack
FROM events
WHERE type = 'error' AND ${WHERE}
GROUP BY fingerprint
ORDER BY count DESC, lastSeen DESC
LIMIT 50`

/** The 50 sessions seen last: when, how long, who, and what happened in them. */
export const SESSIONS = `
SELECT session_id AS sessionId,
       min(time)::DOUBLE AS start,
       max(time)::DOUBLE AS "end",
       max(body->>'userId') AS userId,
       arg_min(url, time) AS entryUrl,
       count(*) FILTER (WHERE type = 'page_view')::INTEGER AS pageViews,
       count(*) FILTER (WHERE type = 'action')::INTEGER AS actions,
       coalesce(sum(CAST(body->>'count' AS BIGINT)) FILTER (WHERE type = 'error'), 0)::DOUBLE AS errors,
       count(*)::INTEGER AS events
FROM events
WHERE ${WHERE}
GROUP BY session_id
ORDER BY "end" DESC, sessionId
LIMIT 50`
