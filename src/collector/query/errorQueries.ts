// Errors grouped by the collector's fingerprint (fingerprintError.ts).
import { WHERE } from './readFilter'

/**
 * The error groups, largest first ($9 groups at most): occurrences (the snippet's counts summed),
 * sessions affected, first and last seen (epoch ms), the releases it was seen in, and the latest
 * occurrence as a sample: its type, message, URL, raw stack and frames after source-map
 * resolution. The grouping keeps only the sample's rowid; its columns are read after, for the $9
 * groups alone, by rowid (one query, one snapshot: the rowid names the same row in both reads).
 * Errors are spread over every row group, so carrying their text columns through the grouping
 * read all of them (at 1,000,000 events 91 ms of CPU, 44 this way; bench/RESULTS.md). With
 * `oneGroup`, only the group whose fingerprint is $10.
 */
export const errorGroupsSql = (oneGroup = false) => `
WITH groups AS (
SELECT fingerprint,
       sum(error_count)::DOUBLE AS count,
       count(DISTINCT session_id)::INTEGER AS sessions,
       epoch_ms(min(time))::DOUBLE AS firstSeen,
       epoch_ms(max(time))::DOUBLE AS lastSeen,
       list_sort(list_distinct(list(release) FILTER (WHERE release IS NOT NULL))) AS releases,
       arg_max(release, time) AS release,
       arg_max(rowid, time) AS sample
FROM events
WHERE type = 'error' AND ${WHERE}${oneGroup ? ' AND fingerprint = $10' : ''}
GROUP BY fingerprint
ORDER BY count DESC, lastSeen DESC, fingerprint
LIMIT $9)
SELECT fingerprint, errorType, message, count, sessions, firstSeen, lastSeen, releases, groups.release, url, frames, stack
FROM groups JOIN (SELECT rowid AS sample, error_type AS errorType, message, url, CAST(frames AS VARCHAR) AS frames, json_extract_string(body, '$.stack') AS stack
  FROM events WHERE rowid IN (SELECT sample FROM groups)) USING (sample)
ORDER BY count DESC, lastSeen DESC, fingerprint`

/** errorGroupsSql over every group (/api/errors). */
export const ERROR_GROUPS = errorGroupsSql()
