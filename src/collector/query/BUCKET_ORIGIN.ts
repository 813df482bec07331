/**
 * Where time buckets are counted from, epoch ms: Monday 2000-01-03 00:00 UTC, DuckDB's
 * time_bucket origin for buckets of days and weeks. The server's bucketStart (readFilter.ts) and
 * the dashboard's bucketStarts both count from it, so that a 7-day or 30-day bucket starts at the
 * same time on either side (from 1970 instead, those start 3 or 23 days apart).
 */
export const BUCKET_ORIGIN = 946_857_600_000
