import type { DuckDBConnection } from '@duckdb/node-api'
import { CREATE_EVENTS, EVENT_COLUMNS } from './eventColumns'

/**
 * Upgrades a database of the first collector (time as BIGINT epoch ms, everything else in a JSON
 * `body`) to today's typed columns, in one transaction; a database already upgraded, or new, is
 * left alone. Old rows get no skew (0), no browser and their snippet's own fingerprint.
 */
export async function migrateV0(connection: DuckDBConnection): Promise<void> {
  const reader = await connection.runAndReadAll(`SELECT data_type FROM information_schema.columns WHERE table_name = 'events' AND column_name = 'time'`)
  if (reader.getRows()[0]?.[0] !== 'BIGINT') return
  await connection.run('BEGIN TRANSACTION')
  try {
    await connection.run('ALTER TABLE events RENAME TO events_v0')
    await connection.run(CREATE_EVENTS)
    await connection.run(`
      INSERT INTO events (${EVENT_COLUMNS.filter(([name]) => name !== 'seq' && name !== 'user_agent').map(([name]) => name).join(', ')})
      SELECT id, type, make_timestamp(time * 1000), 0, make_timestamp(received_at * 1000), session_id, view_id, url,
             coalesce(body->>'route', nullif(regexp_extract(url, '^[a-z]+://[^/?#]*([^?#]*)', 1), ''), '/'), body->>'route',
             app, release, env, body->>'userId', name, value, body->>'rating', body->>'metricId',
             TRY_CAST(body->>'duration' AS DOUBLE), TRY_CAST(body->>'ok' AS BOOLEAN), array_to_string(CAST(body->'frustration' AS VARCHAR[]), ','),
             TRY_CAST(body->>'status' AS INTEGER), body->>'errorType', body->>'message', TRY_CAST(body->>'count' AS INTEGER),
             body->>'fingerprint', NULL, NULL, NULL, NULL, NULL, sdk, CAST(body->'attributes' AS VARCHAR), CAST(body AS VARCHAR)
      FROM events_v0`)
    await connection.run('DROP TABLE events_v0')
    await connection.run('COMMIT')
  } catch (e) {
    await connection.run('ROLLBACK')
    throw e
  }
}
