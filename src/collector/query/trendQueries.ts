// Trends the query API of issue 15 has no route for: one error group and the snippets' losses,
// per time bucket ($9, ms; buckets start as in the other timelines: readFilter's bucketStart).
import { bucketStart, WHERE } from './readFilter'

/** Per bucket: the occurrences of the error group whose fingerprint is $10, and the sessions they hit. */
export const ERROR_TIMELINE = `
SELECT ${bucketStart('CAST($9 AS BIGINT)')}::DOUBLE AS start,
       sum(error_count)::DOUBLE AS count, count(DISTINCT session_id)::INTEGER AS sessions
FROM events WHERE type = 'error' AND fingerprint = $10 AND ${WHERE}
GROUP BY 1 ORDER BY 1`

/** Per bucket and reason: the events snippets reported they dropped before sending. */
export const LOSS_TIMELINE = `
SELECT ${bucketStart('CAST($9 AS BIGINT)', 'dropped.time')}::DOUBLE AS start, entry.key AS reason,
       sum(CAST(entry.value AS BIGINT))::DOUBLE AS dropped
FROM (SELECT time, body FROM events WHERE type = 'dropped' AND ${WHERE}) AS dropped, json_each(dropped.body, '$.counts') AS entry
GROUP BY 1, 2 ORDER BY 1, 2`
