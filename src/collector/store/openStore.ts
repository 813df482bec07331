import { mkdirSync } from 'node:fs'
import { dirname } from 'node:path'
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api'
import type { IngestReply, RumEvent } from '../../wire'
import { createGroupCommit } from './createGroupCommit'
import { createEventWrite } from './createEventWrite'
import { dropIdKey } from './dropIdKey'
import { CREATE_EVENTS, CREATE_VITALS, foldVitals, UPGRADE_EVENTS, type EventRow } from './eventColumns'
import { migrateV0 } from './migrateV0'

/** What `GET /api/events` filters on. */
export interface EventFilter {
  type?: string
  sessionId?: string
  /** Epoch ms: events at or after this (corrected) time. */
  since?: number
  limit: number
}

/** Options of the DuckDB database; see openStore. */
export interface StoreOptions {
  /**
   * WAL size at which DuckDB folds the log into the database file. DuckDB's default, 16 MB, is
   * reached every ~15,000 events here, and each fold stalls ingest for hundreds of ms (measured
   * in bench/ingest.mjs); 256 MB folds every ~250,000, and a restart replays at most that.
   */
  checkpointThreshold?: string
}

/** A serial queue: each piece of work starts when the one before has ended. */
function inOrder() {
  let queue: Promise<unknown> = Promise.resolve()
  let pending = 0
  const run = <T>(work: () => Promise<T>): Promise<T> => {
    pending++
    const next = queue.then(work).finally(() => pending--)
    queue = next.catch(() => {})
    return next
  }
  return Object.assign(run, { pending: () => pending })
}

/**
 * Opens (or creates, with its folder) the DuckDB database at `path` (`:memory:` keeps nothing).
 * Writes go through one connection and group commit; reads go through two connections of their
 * own, so a long query never holds up ingest (DuckDB gives each read a consistent snapshot).
 * Throws when the file cannot be opened (a path that is a folder, a file of another program, a
 * database another process holds).
 */
export async function openStore(path: string, options: StoreOptions = {}) {
  const { DuckDBInstance } = await import('@duckdb/node-api')
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true })
  const instance = await DuckDBInstance.create(path, { checkpoint_threshold: options.checkpointThreshold ?? '256MB' })
  const writer: DuckDBConnection = await instance.connect()
  await migrateV0(writer)
  await writer.run(CREATE_EVENTS)
  for (const sql of UPGRADE_EVENTS) await writer.run(sql)
  await dropIdKey(writer)
  const hadVitals = (await writer.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE table_name = 'vitals' AND NOT temporary`)).getRows()[0][0]
  await writer.run(CREATE_VITALS)
  // A file from before the vitals table: fill it once from the vitals already stored.
  if (!Number(hadVitals)) await writer.run(foldVitals())

  const writing = inOrder()
  const write = await createEventWrite(writer)
  const group = createGroupCommit((rows) => writing(() => write(rows)))
  const readers = await Promise.all([instance.connect(), instance.connect()]).then((connections) => connections.map((connection) => ({ connection, queue: inOrder() })))
  /** Runs `sql` on the reader with the least work queued. */
  const read = <T>(work: (connection: DuckDBConnection) => Promise<T>): Promise<T> => {
    const reader = readers.reduce((a, b) => (b.queue.pending() < a.queue.pending() ? b : a))
    return reader.queue(() => work(reader.connection))
  }

  return {
    /** Stores rows; resolves once they are committed, with how many were new and how many duplicates. */
    async insert(rows: EventRow[]): Promise<IngestReply> {
      const stored = await group.add(rows)
      return { stored, duplicates: rows.length - stored }
    },

    /** Stored events, oldest first (by corrected time, then id), as they came over the wire. */
    events(filter: EventFilter): Promise<RumEvent[]> {
      const where: string[] = []
      const values: DuckDBValue[] = []
      const add = (sql: string, value: DuckDBValue) => {
        values.push(value)
        where.push(sql.replace('?', `$${values.length}`))
      }
      if (filter.type) add('type = ?', filter.type)
      if (filter.sessionId) add('session_id = ?', filter.sessionId)
      if (filter.since !== undefined) add('time >= make_timestamp(CAST(? AS BIGINT) * 1000)', filter.since)
      values.push(filter.limit)
      const sql = `SELECT body FROM events ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY time, id LIMIT $${values.length}`
      return read(async (connection) => (await connection.runAndReadAll(sql, values)).getRows().map((row) => JSON.parse(row[0] as string)))
    },

    /** The rows of a read-only query, as JSON values (numbers, strings, null), on a reader connection. */
    query(sql: string, params: DuckDBValue[] = []): Promise<Record<string, unknown>[]> {
      return read(async (connection) => (await connection.runAndReadAll(sql, params)).getRowObjectsJson() as Record<string, unknown>[])
    },

    /**
     * Runs one statement on the writer connection, after the writes queued before it: for tables
     * of other parts (OpenTelemetry forwarding's watermark). Rejects with DuckDB's error.
     */
    run(sql: string, params: DuckDBValue[] = []): Promise<void> {
      return writing(async () => void (await writer.run(sql, params)))
    },

    /** Deletes the events before `epochMs` (retention); resolves with how many went. */
    async deleteBefore(epochMs: number): Promise<number> {
      await group.idle()
      return writing(async () => {
        await writer.run('BEGIN TRANSACTION')
        try {
          const deleted = (await writer.run('DELETE FROM events WHERE time < make_timestamp(CAST($1 AS BIGINT) * 1000)', [epochMs])).rowsChanged
          await writer.run('DELETE FROM vitals WHERE time < make_timestamp(CAST($1 AS BIGINT) * 1000)', [epochMs])
          await writer.run('COMMIT')
          // The id set forgets the deleted ids, so that it holds no more than the table.
          if (deleted) await write.reload()
          return deleted
        } catch (e) {
          await writer.run('ROLLBACK').catch(() => {})
          throw e
        }
      })
    },

    /** Waits for pending writes and reads, folds the WAL into the file, and closes the database. */
    async close(): Promise<void> {
      await group.idle()
      await Promise.all(readers.map((reader) => reader.queue(async () => reader.connection.closeSync())))
      await writing(async () => {
        write.close()
        if (path !== ':memory:') await writer.run('CHECKPOINT')
        writer.closeSync()
        instance.closeSync()
      })
    },
  }
}

export type Store = Awaited<ReturnType<typeof openStore>>

/**
 * JSON text that DuckDB's JSON reader accepts: a lone UTF-16 surrogate (a string cut inside an
 * emoji, say) becomes U+FFFD, in values and in keys. JSON.stringify writes one as an escape
 * (`\ud83c`); JSON allows it, DuckDB refuses the whole batch, and a sender would retry that
 * refusal forever. Only text holding such an escape pays for the second, careful pass.
 */
export function toJson(value: unknown): string {
  const text = JSON.stringify(value)
  return /\\ud[89a-f]/i.test(text) ? JSON.stringify(value, wellFormed) : text
}

type Text = string & { toWellFormed(): string; isWellFormed(): boolean }
function wellFormed(_key: string, value: unknown): unknown {
  if (typeof value === 'string') return (value as Text).toWellFormed()
  if (value && typeof value === 'object' && !Array.isArray(value) && !Object.keys(value).every((key) => (key as Text).isWellFormed()))
    return Object.fromEntries(Object.entries(value).map(([key, v]) => [(key as Text).toWellFormed(), v]))
  return value
}
