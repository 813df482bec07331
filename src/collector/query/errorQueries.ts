// Errors grouped by the collector's fingerprint (fingerprintError.ts).
import { WHERE } from './readFilter'

/**
 * The error groups, largest first ($9 groups at most): occurrences (the snippet's counts summed),
 * sessions affected, first and last seen (epoch ms), the releases it was seen in, and the latest
 * occurrence as a sample, with its raw stack and its frames after source-map resolution. The
 * sample's stack is read from its body after grouping, for the $9 groups alone (carrying every
 * error's body through the grouping was 3/4 of the query's time), found by its rowid (one query,
 * one snapshot: the rowid names the same row in both reads; matching on the id column instead
 * scanned it, ~10 ms more at 1,000,000 events). With `oneGroup`, only the group
 * whose fingerprint is $10.
 */
export const errorGroupsSql = (oneGroup = false) => `
WITH groups AS (
SELECT fingerprint,
       arg_max(error_type, time) AS errorType,
       arg_max(message, time) AS message,
       sum(error_count)::DOUBLE AS count,
       count(DISTINCT session_id)::INTEGER AS sessions,
       epoch_ms(min(time))::DOUBLE AS firstSeen,
       epoch_ms(max(time))::DOUBLE AS lastSeen,
       list_sort(list_distinct(list(release) FILTER (WHERE release IS NOT NULL))) AS releases,
       arg_max(release, time) AS release,
       arg_max(url, time) AS url,
       CAST(arg_max(frames, time) AS VARCHAR) AS frames,
       arg_max(rowid, time) AS sample
FROM events
WHERE type = 'error' AND ${WHERE}${oneGroup ? ' AND fingerprint = $10' : ''}
GROUP BY fingerprint
ORDER BY count DESC, lastSeen DESC, fingerprint
LIMIT $9)
SELECT groups.* EXCLUDE (sample), json_extract_string(sample.body, '$.stack') AS stack
FROM groups LEFT JOIN (SELECT rowid AS sample, body FROM events WHERE rowid IN (SELECT sample FROM groups)) AS sample USING (sample)
ORDER BY count DESC, lastSeen DESC, fingerprint`

/** errorGroupsSql over every group (/api/errors). */
export const ERROR_GROUPS = errorGroupsSql()
