import { BUCKET_ORIGIN } from '../../query/BUCKET_ORIGIN'

/**
 * Bucket starts (epoch ms) covering [since, until) for `bucket`-ms buckets: BUCKET_ORIGIN plus
 * multiples of `bucket`, as the server's bucketStart (and DuckDB's time_bucket) has them.
 */
export function bucketStarts(since: number, until: number, bucket: number): number[] {
  const starts = []
  for (let t = BUCKET_ORIGIN + Math.floor((since - BUCKET_ORIGIN) / bucket) * bucket; t < until; t += bucket) starts.push(t)
  return starts
}
