import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api'
import { EVENT_COLUMNS, type EventRow } from './eventColumns'

// Why a staging table and DuckDB's appender (bench/RESULTS.md, *Collector ingest*): parsing the
// rows out of one JSON text (`from_json`) cost ~110 µs a row, the appender ~20 µs; and the
// appender's calls run on the main thread while the primary key's checks and index inserts
// (`INSERT … SELECT … ON CONFLICT`) run on DuckDB's threads, so the second core does them.

// The staging table holds times, the skew and the whole numbers as DOUBLE (epoch ms, counts):
// appendDouble is one call where a TIMESTAMP would be a BigInt and an object per value, and a
// number the wire allows but an INTEGER cannot hold (a status of 1e12) becomes NULL at the move. It is a temporary table: kept in memory,
// never in the WAL, seen by the writer connection alone.
const STAGING_COLUMNS = EVENT_COLUMNS.map(([name, type]) => [name, type === 'VARCHAR' || type === 'BOOLEAN' ? type : 'DOUBLE'] as const)
const CREATE_STAGING = `CREATE OR REPLACE TEMP TABLE staging (${STAGING_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})`
const MOVE = `
INSERT INTO events
SELECT ${EVENT_COLUMNS.map(([name, type]) => (type === 'TIMESTAMP' ? `make_timestamp(CAST(${name} * 1000 AS BIGINT))` : type === 'VARCHAR' || type === 'BOOLEAN' || type === 'DOUBLE' ? name : `TRY_CAST(${name} AS ${type})`)).join(', ')}
FROM staging
ON CONFLICT DO NOTHING
RETURNING id`

type Append = (appender: DuckDBAppender, value: never) => void
const APPEND: Record<string, Append> = {
  VARCHAR: (appender, value: string) => appender.appendVarchar(value),
  DOUBLE: (appender, value: number) => appender.appendDouble(value),
  BOOLEAN: (appender, value: boolean) => appender.appendBoolean(value),
}
const COLUMNS = STAGING_COLUMNS.map(([name, type]) => [name, APPEND[type]] as const)

/**
 * The write of one group commit on `connection` (the store's only writer): the rows go into the
 * staging table through an appender, then into `events` in one statement, committed whole or not
 * at all; an id already stored keeps its row. Resolves with the ids stored. The staging table is
 * emptied after each write, whether it went in or failed. An id repeated in `rows` is written
 * once, from its first row.
 */
export async function createStagedWrite(connection: DuckDBConnection) {
  await connection.run(CREATE_STAGING)
  let appender: DuckDBAppender | undefined
  return async function write(rows: EventRow[]): Promise<string[]> {
    try {
      appender ??= await connection.createAppender('staging')
      const seen = new Set<string>()
      for (const row of rows) {
        if (seen.has(row.id)) continue
        seen.add(row.id)
        for (const [name, append] of COLUMNS) {
          const value = row[name]
          if (value === null || value === undefined) appender.appendNull()
          else append(appender, value as never)
        }
        appender.endRow()
      }
      appender.flushSync()
      return (await connection.runAndReadAll(MOVE)).getRows().map((row) => row[0] as string)
    } catch (error) {
      // An appender that failed mid-row cannot be trusted with the next write.
      try {
        appender?.closeSync()
      } catch {}
      appender = undefined
      throw error
    } finally {
      await connection.run('DELETE FROM staging')
    }
  }
}
