import type { DuckDBConnection } from '@duckdb/node-api'
import { createIdSet } from './createIdSet'
import { foldVitals, type EventRow } from './eventColumns'

// Why not the one `INSERT … ON CONFLICT` of foldVitals for every group (bench/RESULTS.md,
// *Collector ingest, 2026-12-01 (branch collector5)*): DuckDB runs it as a MERGE_INTO whose join
// scans the whole `vitals` table, so its cost grows with what is stored (about twice as much at
// 500,000 metrics as on an empty table), and its GROUP BY with six arg_max costs more than the
// insert itself. Most reports are a metric's first: those need a plain INSERT of their rows, no
// aggregate and no scan. The few that may update a stored metric (a re-report: web-vitals reports
// CLS and INP again at hide) go through statements whose `metric IN (…)` of constants DuckDB
// answers with an index scan of the PRIMARY KEY (EXPLAIN ANALYZE: "Type: Index Scan"). Measured
// with bench/ingestStore.mjs (800-row groups): 8–38% less CPU per event on a new file, and in the
// last 100,000 of 500,000 events 30–32 ms per 1,000 against 43–64 before, also with a fifth of
// the vitals re-reported.

/** More reports than this that may update stored metrics: the group takes foldVitals's one statement. */
const MAX_MERGE = 1000

/**
 * foldVitals over the rows of this transaction, found by their insertion numbers (`seq > $1`:
 * `seq` only rises, so DuckDB's zone maps skip every row group stored before).
 */
export const FOLD_ALL = foldVitals('seq > $1')

const VITALS_COLUMNS = 'metric, name, time, value, rating, page, release, browser, os, device, app, env'

/** The latest report (by corrected time) of each metric among the rows `where` selects, as `vitals` holds it. */
const latestOf = (where: string) => `
SELECT hash(metric_id) AS metric, arg_max(name, time) AS name, max(time) AS time, arg_max(value, time) AS value, arg_max(rating, time) AS rating,
       arg_max(page, time) AS page, any_value(release) AS release, any_value(browser) AS browser, any_value(os) AS os,
       any_value(device) AS device, any_value(app) AS app, any_value(env) AS env
FROM events WHERE type = 'vital' AND metric_id IS NOT NULL AND ${where}
GROUP BY hash(metric_id)`

/** UBIGINT keys as SQL constants (decimal digits only: they come from DuckDB's hash, checked anyway). */
function keyList(keys: string[]): string {
  for (const key of keys) if (!/^\d+$/.test(key)) throw new Error(`vitals: unexpected key ${key}`)
  return keys.join(', ')
}

/**
 * The vitals fold of each group commit, on `connection` (the store's writer). Keeps in memory
 * which metric ids `vitals` may hold (a fingerprint set, createIdSet.ts, filled at start from the
 * vital reports in `events`, whose metrics are exactly those of `vitals`: retention deletes both
 * by the same time). `fold(rows, first)`, inside the group's transaction, after `rows` were
 * appended to `events` as insertion numbers `first + 1`, `first + 2`… in order: a metric surely
 * new and reported once in the group is inserted as its row stands; the others (maybe stored, or
 * reported twice) have their latest report looked up by key and update the stored row when at
 * least as recent, or are inserted when not stored, as foldVitals would. Throws DuckDB's error; a
 * constraint error means two metric ids share DuckDB's 64-bit hash (about one in 10^10 at a
 * million metrics) or the set missed a stored metric, and the caller then rolls back and folds
 * with foldVitals, which merges such metrics as one. `remember(rows)` after the commit adds the
 * group's metrics to the set; `reload()` reads them again after a delete.
 */
export async function createVitalsFold(connection: DuckDBConnection) {
  const metrics = createIdSet()

  async function reload() {
    metrics.clear()
    const result = await connection.stream(`SELECT DISTINCT metric_id FROM events WHERE type = 'vital' AND metric_id IS NOT NULL`)
    for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount; chunk = await result.fetchChunk())
      for (const id of chunk.getColumnValues(0)) metrics.add(id as string)
  }
  await reload()

  const isFolded = (row: EventRow) => row.type === 'vital' && row.metric_id !== null && row.metric_id !== undefined

  async function fold(rows: EventRow[], first: number): Promise<void> {
    const reports = new Map<string, number>()
    let folded = 0
    for (const row of rows) if (isFolded(row)) folded++, reports.set(row.metric_id!, (reports.get(row.metric_id!) ?? 0) + 1)
    if (!folded) return
    const merged: number[] = []
    rows.forEach((row, i) => {
      if (isFolded(row) && (reports.get(row.metric_id!)! > 1 || metrics.mayHave(row.metric_id!))) merged.push(first + 1 + i)
    })
    if (merged.length > MAX_MERGE) {
      await connection.run(FOLD_ALL, [first])
      return
    }
    const params = [first]
    if (merged.length) {
      const seqs = `seq > $1 AND seq IN (${merged.join(', ')})`
      const keys = (await connection.runAndReadAll(`SELECT DISTINCT hash(metric_id)::VARCHAR FROM events WHERE ${seqs}`, params)).getRows().map((row) => row[0] as string)
      const stored = new Set((await connection.runAndReadAll(`SELECT metric::VARCHAR FROM vitals WHERE metric IN (${keyList(keys)})`)).getRows().map((row) => row[0] as string))
      const fresh = keys.filter((key) => !stored.has(key))
      if (stored.size)
        await connection.run(
          `UPDATE vitals SET name = latest.name, time = latest.time, value = latest.value, rating = latest.rating, page = latest.page
           FROM (${latestOf(seqs)}) latest
           WHERE vitals.metric = latest.metric AND vitals.metric IN (${keyList([...stored])}) AND latest.time >= vitals.time`,
          params,
        )
      if (fresh.length) await connection.run(`INSERT INTO vitals (${VITALS_COLUMNS}) SELECT * FROM (${latestOf(seqs)}) WHERE metric IN (${keyList(fresh)})`, params)
    }
    if (merged.length < folded)
      await connection.run(
        `INSERT INTO vitals (${VITALS_COLUMNS}) SELECT hash(metric_id), name, time, value, rating, page, release, browser, os, device, app, env
         FROM events WHERE type = 'vital' AND metric_id IS NOT NULL AND seq > $1${merged.length ? ` AND seq NOT IN (${merged.join(', ')})` : ''}`,
        params,
      )
  }

  return {
    fold,
    remember(rows: EventRow[]): void {
      for (const row of rows) if (isFolded(row)) metrics.add(row.metric_id!)
    },
    reload,
  }
}
