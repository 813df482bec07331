import type { DuckDBConnection } from '@duckdb/node-api'
import { CREATE_EVENTS, EVENT_COLUMNS } from './eventColumns'

/**
 * Rebuilds an `events` table created with `id` as its PRIMARY KEY (collectors before the id set,
 * createIdSet.ts) without it, in one transaction: the key's index cost most of ingest's time, and
 * DuckDB cannot drop a key in place. The rows are copied as they are. A table without the key is
 * left alone. Throws (and changes nothing) when the copy fails.
 */
export async function dropIdKey(connection: DuckDBConnection): Promise<void> {
  const keyed = await connection.runAndReadAll(`SELECT count(*) FROM duckdb_constraints() WHERE table_name = 'events' AND constraint_type = 'PRIMARY KEY'`)
  if (!Number(keyed.getRows()[0][0])) return
  const columns = EVENT_COLUMNS.map(([name]) => name).join(', ')
  await connection.run('BEGIN TRANSACTION')
  try {
    await connection.run('ALTER TABLE events RENAME TO events_keyed')
    await connection.run(CREATE_EVENTS)
    await connection.run(`INSERT INTO events (${columns}) SELECT ${columns} FROM events_keyed`)
    await connection.run('DROP TABLE events_keyed')
    await connection.run('COMMIT')
  } catch (e) {
    await connection.run('ROLLBACK')
    throw e
  }
}
