import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DuckDBConnection } from '@duckdb/node-api'
import type { IngestReply, RumEvent } from '../wire'
import { summaryParams, type SummaryFilter } from './dashboardQueries'

/** What `GET /api/events` filters on. */
export interface EventFilter {
  type?: string
  sessionId?: string
  /** Epoch ms: events at or after this time. */
  since?: number
  limit: number
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS events (
  id          VARCHAR PRIMARY KEY,
  type        VARCHAR NOT NULL,
  time        BIGINT  NOT NULL,
  session_id  VARCHAR NOT NULL,
  view_id     VARCHAR NOT NULL,
  url         VARCHAR NOT NULL,
  app         VARCHAR,
  release     VARCHAR,
  env         VARCHAR,
  name        VARCHAR,
  value       DOUBLE,
  sdk         VARCHAR,
  received_at BIGINT  NOT NULL,
  body        JSON    NOT NULL
)`

// One statement per batch: the batch arrives as one JSON parameter and is unnested in SQL, so
// it is committed whole or not at all, and ids already stored are skipped (resends are normal).
const INSERT = `
INSERT INTO events
SELECT e->>'id', e->>'type', CAST(e->>'time' AS BIGINT), e->>'sessionId', e->>'viewId', e->>'url',
       e->>'app', e->>'release', e->>'env', e->>'name', TRY_CAST(e->>'value' AS DOUBLE),
       $2, $3, e
FROM (SELECT unnest(from_json($1::JSON, '["JSON"]')) AS e)
ON CONFLICT DO NOTHING
RETURNING id`

/** Opens (or creates) the DuckDB database and its schema. */
export async function openStore(path: string) {
  const { DuckDBInstance } = await import('@duckdb/node-api')
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const instance = await DuckDBInstance.create(path)
  const connection: DuckDBConnection = await instance.connect()
  await connection.run(SCHEMA)

  // One connection, one statement at a time: concurrent batches carrying the same ids are
  // inserted one after the other, so ON CONFLICT sees every earlier commit.
  const inOrder = () => {
    let queue: Promise<unknown> = Promise.resolve()
    return <T>(work: () => Promise<T>): Promise<T> => {
      const next = queue.then(work)
      queue = next.catch(() => {})
      return next
    }
  }
  const serial = inOrder()
  // The dashboard reads on a connection of its own: a summary over millions of rows takes a
  // second or more, and ingest must not wait for it (DuckDB reads a consistent snapshot).
  const dashboard = await instance.connect()
  const reading = inOrder()

  return {
    /** Stores a batch; resolves once it is committed. */
    insert(events: RumEvent[], sdk: string): Promise<IngestReply> {
      return serial(async () => {
        const reader = await connection.runAndReadAll(INSERT, [JSON.stringify(events, wellFormed), sdk, Date.now()])
        const stored = reader.currentRowCount
        return { stored, duplicates: events.length - stored }
      })
    },

    /** Stored events, oldest first, as they came over the wire. */
    query(filter: EventFilter): Promise<RumEvent[]> {
      const where: string[] = []
      const values: (string | number)[] = []
      const add = (sql: string, value: string | number) => {
        values.push(value)
        where.push(sql.replace('?', `$${values.length}`))
      }
      if (filter.type) add('type = ?', filter.type)
      if (filter.sessionId) add('session_id = ?', filter.sessionId)
      if (filter.since !== undefined) add('time >= ?', filter.since)
      values.push(filter.limit)
      const sql = `SELECT body FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
        ORDER BY time, id LIMIT $${values.length}`
      return serial(async () => {
        const reader = await connection.runAndReadAll(sql, values)
        return reader.getRowObjectsJson().map((row) => JSON.parse(row.body as string))
      })
    },

    /** The rows of one of the dashboard's queries (dashboardQueries.ts), as JSON values. */
    summarize(sql: string, filter: SummaryFilter): Promise<Record<string, unknown>[]> {
      return reading(async () => (await dashboard.runAndReadAll(sql, summaryParams(filter))).getRowObjectsJson() as Record<string, unknown>[])
    },

    /** Waits for pending work, then closes the database. */
    async close(): Promise<void> {
      await reading(async () => dashboard.closeSync())
      await serial(async () => {
        connection.closeSync()
        instance.closeSync()
      })
    },
  }
}

export type Store = Awaited<ReturnType<typeof openStore>>

/**
 * Strings as DuckDB's JSON reader accepts them: a lone UTF-16 surrogate (a string cut inside an
 * emoji, say) becomes U+FFFD, in values and in keys. JSON allows it, DuckDB refuses the whole
 * batch, and a sender would retry that refusal forever.
 */
type Text = string & { toWellFormed(): string; isWellFormed(): boolean }
function wellFormed(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return (value as Text).toWellFormed()
  if (value && typeof value === 'object' && !Array.isArray(value) && !Object.keys(value).every((key) => (key as Text).isWellFormed()))
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [(key as Text).toWellFormed(), v]))
  return value
}
