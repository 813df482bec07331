import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api'
import { createIdSet } from './createIdSet'
import { createRowAppender } from './createRowAppender'
import { createVitalsFold, FOLD_ALL } from './createVitalsFold'
import type { EventRow } from './eventColumns'

// Why the appender writes straight into `events`, inside the group's transaction (bench/RESULTS.md,
// *Collector ingest, 2026-12-01 (branch collector4)*): the staging table it replaced cost a second
// copy of every row (`INSERT … SELECT`, ~3 µs a row plus ~6 ms a statement of CPU) and an emptying
// after each commit; an appender flushed inside `BEGIN … COMMIT` adds its rows to that transaction,
// so they are committed or rolled back with the vitals fold. Parsing the rows out of one JSON text
// (`from_json`) was tried before and cost ~110 µs a row. The ids are kept unique here, not by a
// PRIMARY KEY (see createIdSet.ts).

/** createVitalsFold's statements failed (`cause`): the transaction was rolled back, and may be done again with FOLD_ALL. */
class QuickFoldFailed extends Error {}

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
 * up. In one transaction, committed whole or not at all, the new rows are appended to `events`,
 * each with the next insertion number (`seq`), and their vitals folded into `vitals`
 * (createVitalsFold.ts; when its statements fail, the transaction is rolled back and done again
 * with foldVitals's single statement, so a rare hash collision costs time, not the batch). Resolves
 * with the ids stored. Exactly once holds because this connection is the only writer and writes
 * run one at a time (openStore's queue), so no other write can store an id between its check and
 * its commit. `reload()` reads the ids and metrics again after a delete; `close()` ends the appender.
 */
export async function createEventWrite(connection: DuckDBConnection) {
  const columns = (await connection.runAndReadAll(`SELECT column_name, data_type FROM information_schema.columns WHERE table_catalog = current_database() AND table_schema = 'main' AND table_name = 'events' ORDER BY ordinal_position`)).getRows()
  const appendRow = createRowAppender((await import('@duckdb/node-api')).DuckDBTimestampValue, columns as [string, string][])
  let seq = Number((await connection.runAndReadAll('SELECT coalesce(max(seq), 0) FROM events')).getRows()[0][0])
  const ids = createIdSet()
  await loadIds(connection, ids)
  const vitals = await createVitalsFold(connection)
  let appender: DuckDBAppender | undefined

  /** Appends `news` and folds their vitals in one transaction (`quick`: createVitalsFold's way, else FOLD_ALL). */
  async function commit(news: EventRow[], quick: boolean): Promise<void> {
    const first = seq
    let folding = false
    await connection.run('BEGIN TRANSACTION')
    try {
      appender ??= await connection.createAppender('events')
      for (const row of news) appendRow(appender, row, ++seq)
      appender.flushSync()
      folding = quick
      if (quick) await vitals.fold(news, first)
      else await connection.run(FOLD_ALL, [first])
      folding = false
      await connection.run('COMMIT')
    } catch (error) {
      // An appender that failed (mid-row, or in its flush) cannot be trusted with the next write.
      // Its unflushed rows are cleared first, and it is closed inside the transaction: closing
      // flushes what it still holds, and the rollback then discards that too.
      try {
        appender?.clear()
      } catch {}
      try {
        appender?.closeSync()
      } catch {}
      appender = undefined
      await connection.run('ROLLBACK').catch(() => {})
      throw folding ? new QuickFoldFailed('the vitals fold failed', { cause: error }) : error
    }
  }

  async function write(rows: EventRow[]): Promise<string[]> {
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
    try {
      await commit(news, true)
    } catch (error) {
      if (!(error instanceof QuickFoldFailed)) throw error
      await commit(news, false)
    }
    for (const row of news) ids.add(row.id)
    vitals.remember(news)
    return news.map((row) => row.id)
  }
  return Object.assign(write, {
    reload: async () => {
      await loadIds(connection, ids)
      await vitals.reload()
    },
    /** Closes the appender (it holds nothing between writes), before the connection closes. */
    close: () => {
      appender?.closeSync()
      appender = undefined
    },
  })
}
