// Sessions: the latest ones, and one session's timeline.
import { WHERE } from './readFilter'

/**
 * The $9 sessions seen last: when, how long, who, on what, and what happened in them. Which
 * sessions those are is found first, on the session, time and filter columns alone; only their events
 * are then summed (summing every session's first: 3.7× the time at 1,000,000 events).
 */
export const SESSIONS = `
WITH latest AS (
  SELECT session_id FROM events WHERE ${WHERE}
  GROUP BY session_id ORDER BY max(time) DESC, session_id LIMIT $9)
SELECT session_id AS sessionId,
       epoch_ms(min(time))::DOUBLE AS start,
       epoch_ms(max(time))::DOUBLE AS "end",
       max(user_id) AS userId,
       arg_min(url, time) AS entryUrl,
       any_value(browser) AS browser, any_value(os) AS os, any_value(device) AS device,
       count(*) FILTER (WHERE type = 'page_view')::INTEGER AS pageViews,
       count(*) FILTER (WHERE type = 'action')::INTEGER AS actions,
       coalesce(sum(error_count) FILTER (WHERE type = 'error'), 0)::DOUBLE AS errors,
       count(*)::INTEGER AS events
FROM events
WHERE ${WHERE} AND session_id IN (SELECT session_id FROM latest)
GROUP BY session_id
ORDER BY "end" DESC, sessionId`

/**
 * One session ($1), oldest first (10,000 events at most): each event's corrected time (epoch ms),
 * its page, the collector's error group and resolved frames, and the event as it was sent.
 */
export const SESSION_TIMELINE = `
SELECT epoch_ms(time)::DOUBLE AS time, type, page, fingerprint, CAST(frames AS VARCHAR) AS frames,
       browser, os, device, body
FROM events WHERE session_id = $1
ORDER BY time, id LIMIT 10000`
