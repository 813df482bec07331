import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { bucketStarts } from '../src/collector/dashboard/lib/bucketStarts'
import { bucketStart } from '../src/collector/query/readFilter'

// The dashboard's x axis (bucketStarts) against the server's buckets (bucketStart, and DuckDB's
// own time_bucket): a row of the server must land on a bucket start of the chart, or the chart
// shows a gap there. Days and longer buckets are where counting from 1970 would differ.

const DAY = 86_400_000
const since = Date.UTC(2024, 0, 1)
const until = since + 400 * DAY

let connection: Awaited<ReturnType<DuckDBInstance['connect']>>
beforeAll(async () => {
  connection = await (await DuckDBInstance.create(':memory:')).connect()
})
afterAll(() => connection.closeSync())

/** The server's bucket start of `time` (epoch ms), and time_bucket's, for `bucket`-ms buckets. */
async function serverStarts(time: number, bucket: number) {
  const reader = await connection.runAndReadAll(
    `SELECT ${bucketStart(String(bucket), 'make_timestamp(CAST($1 AS BIGINT) * 1000)')} AS ours,
      epoch_ms(time_bucket(to_milliseconds(CAST($2 AS BIGINT)), make_timestamp(CAST($1 AS BIGINT) * 1000))) AS duckdb`,
    [time, bucket] as never[],
  )
  const [row] = reader.getRowObjectsJson()
  return [Number(row.ours), Number(row.duckdb)]
}

describe('bucketStarts', () => {
  for (const [name, bucket] of [['hour', 3_600_000], ['day', DAY], ['7 days', 7 * DAY], ['30 days', 30 * DAY]] as const) {
    it(`gives the server's bucket starts for ${name} buckets over a 400-day range`, async () => {
      const starts = bucketStarts(since, until, bucket)
      expect(starts[0]).toBeLessThanOrEqual(since)
      expect(starts[0] + bucket).toBeGreaterThan(since)
      expect(starts.at(-1)! + bucket).toBeGreaterThanOrEqual(until)
      for (const time of [since, since + 3 * DAY + 17, since + 199 * DAY, until - 1]) {
        const [ours, duckdb] = await serverStarts(time, bucket)
        expect(ours).toBe(duckdb)
        expect(starts).toContain(ours)
      }
    })
  }
})
