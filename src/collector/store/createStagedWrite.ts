import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api'
import { createIdSet } from './createIdSet'
import { EVENT_COLUMNS, foldVitals, type EventRow } from './eventColumns'

// Why a staging table and DuckDB's appender (bench/RESULTS.md, *Collector ingest*): parsing the
// rows out of one JSON text (`from_json`) cost ~110 µs a row, the appender ~20 µs; and the casts
// of the move (`INSERT … SELECT`) run on DuckDB's threads, so the second core does them. The ids
// are kept unique here, not by a PRIMARY KEY (see createIdSet.ts).

// The staging table holds times, the skew and the whole numbers as DOUBLE (epoch ms, counts):
// appendDouble is one call where a TIMESTAMP would be a BigInt and an object per value, and a
// number the wire allows but an INTEGER cannot hold (a status of 1e12) becomes NULL at the move. It is a temporary table: kept in memory,
// never in the WAL, seen by the writer connection alone.
const STAGING_COLUMNS = EVENT_COLUMNS.map(([name, type]) => [name, type === 'VARCHAR' || type === 'BOOLEAN' ? type : 'DOUBLE'] as const)
const CREATE_STAGING = `CREATE OR REPLACE TEMP TABLE staging (${STAGING_COLUMNS.map(([name, type]) => `${name} ${type}`).join(', ')})`
const MOVE = `
INSERT INTO events (${EVENT_COLUMNS.map(([name]) => name).join(', ')})
SELECT ${EVENT_COLUMNS.map(([name, type]) => (type === 'TIMESTAMP' ? `make_timestamp(CAST(${name} * 1000 AS BIGINT))` : type === 'VARCHAR' || type === 'BOOLEAN' || type === 'DOUBLE' ? name : `TRY_CAST(${name} AS ${type})`)).join(', ')}
FROM staging`
// The vitals of the rows being stored, read from the staging table (reading them back out of
// `events` by `seq` took 20 ms a commit of 800 rows, from staging 12).
const FOLD = foldVitals('staging', 'true', (time) => `make_timestamp(CAST(${time} * 1000 AS BIGINT))`)

type Append = (appender: DuckDBAppender, value: never) => void
const APPEND: Record<string, Append> = {
  VARCHAR: (appender, value: string) => appender.appendVarchar(value),
  DOUBLE: (appender, value: number) => appender.appendDouble(value),
  BOOLEAN: (appender, value: boolean) => appender.appendBoolean(value),
}
const COLUMNS = STAGING_COLUMNS.map(([name, type]) => [name, APPEND[type]] as const)

/** Reads every stored id into `ids` (at open, and after retention deleted rows). */
async function loadIds(connection: DuckDBConnection, ids: ReturnType<typeof createIdSet>) {
  ids.clear()
  const result = await connection.stream('SELECT id FROM events')
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount; chunk = await result.fetchChunk())
    for (const id of chunk.getColumnValues(0)) ids.add(id as string)
}

/**
 * Those of `candidates` that `events` holds: a scan of the id column (no index), paid only for ids
 * the id set could not call new, i.e. resends.
 */
async function storedOf(connection: DuckDBConnection, candidates: string[]): Promise<Set<string>> {
  const list = candidates.map((_, i) => `$${i + 1}`).join(', ')
  const rows = (await connection.runAndReadAll(`SELECT DISTINCT id FROM events WHERE id IN (${list})`, candidates)).getRows()
  return new Set(rows.map((row) => row[0] as string))
}

/**
 * The write of one group commit on `connection` (the store's only writer). An id already stored
 * keeps its row, and an id repeated in `rows` is written once, from its first row: the id set
 * (every stored id, in memory) says which ids are new, and the few it cannot vouch for are looked
 * up. The new rows go into the staging table through an appender, each with the next insertion
 * number (`seq`), then into `events`, and their vitals into `vitals`, in one transaction:
 * committed whole or not at all. Resolves with the ids stored. Exactly once holds because this
 * connection is the only writer and writes run one at a time (openStore's queue), so no other
 * write can store an id between its check and its commit. The staging table is emptied after
 * each write, whether it went in or failed. `reload()` reads the ids again after a delete.
 */
export async function createStagedWrite(connection: DuckDBConnection) {
  await connection.run(CREATE_STAGING)
  let seq = Number((await connection.runAndReadAll('SELECT coalesce(max(seq), 0) FROM events')).getRows()[0][0])
  const ids = createIdSet()
  await loadIds(connection, ids)
  let appender: DuckDBAppender | undefined
  async function write(rows: EventRow[]): Promise<string[]> {
    let open = false
    try {
      const seen = new Set<string>()
      const candidates: string[] = []
      const fresh = rows.filter((row) => {
        if (seen.has(row.id)) return false
        seen.add(row.id)
        if (ids.mayHave(row.id)) candidates.push(row.id)
        return true
      })
      const stored = candidates.length ? await storedOf(connection, candidates) : undefined
      const news = stored ? fresh.filter((row) => !stored.has(row.id)) : fresh
      if (!news.length) return []
      appender ??= await connection.createAppender('staging')
      for (const row of news) {
        for (const [name, append] of COLUMNS) {
          const value = name === 'seq' ? ++seq : row[name]
          if (value === null || value === undefined) appender.appendNull()
          else append(appender, value as never)
        }
        appender.endRow()
      }
      appender.flushSync()
      await connection.run('BEGIN TRANSACTION')
      open = true
      await connection.run(MOVE)
      await connection.run(FOLD)
      await connection.run('COMMIT')
      open = false
      for (const row of news) ids.add(row.id)
      return news.map((row) => row.id)
    } catch (error) {
      if (open) await connection.run('ROLLBACK').catch(() => {})
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
  return Object.assign(write, { reload: () => loadIds(connection, ids) })
}
