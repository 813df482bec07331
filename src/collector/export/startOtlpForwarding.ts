import type { Store } from '../store/openStore'
import type { ForwardedRow } from './createLogRecords'
import type { OtlpExport } from './createOtlpExport'

/** Rows per OTLP request. */
const BATCH_ROWS = 1000
/** Backoff after a failed export: 1 s, doubling, at most a minute. */
const FIRST_RETRY_MS = 1000
const MAX_RETRY_MS = 60_000

// How far each endpoint has been sent: the `seq` of the last row it took. Kept in the database
// beside the events, so that a restart goes on where it stopped.
const CREATE_MARKS = `CREATE TABLE IF NOT EXISTS otlp_marks (endpoint VARCHAR PRIMARY KEY, seq BIGINT NOT NULL)`
const NEXT_ROWS = `
SELECT seq::DOUBLE AS seq, epoch_ms(time)::DOUBLE AS time, epoch_ms(received_at)::DOUBLE AS received_at, skew_ms,
       page, fingerprint, frames, browser, browser_version, os, device, sdk, user_agent, body
FROM events WHERE seq > $1 ORDER BY seq LIMIT $2`

/** What forwarding has done so far. */
export interface ForwardingStats {
  /** Rows the OpenTelemetry Collector has taken. */
  forwarded: number
  /** Exports that failed (each is tried again). */
  failures: number
  /** The `seq` of the last row taken. */
  mark: number
}

/**
 * Forwards the stored events to an OpenTelemetry Collector, DuckDB being the outbox: rows are read
 * in insertion order (`seq`) after the endpoint's watermark, exported BATCH_ROWS at a time, and
 * the watermark moves only once the receiver answered 2xx, so nothing stored is skipped while the
 * receiver is down (it is retried with backoff) or across a restart; a row can be sent twice
 * when the collector stops between an export and its watermark (records carry `log.record.uid`).
 * An endpoint new to the database starts at the rows stored from now on. Ingest never waits for
 * this: it runs on a reader connection and after acknowledgment. Rows that retention deletes
 * before they were sent are not sent. `idleMs` is how often it looks for new rows when idle.
 */
export async function startOtlpForwarding(store: Store, exporter: OtlpExport, { idleMs = 250, log = console.error } = {}) {
  await store.run(CREATE_MARKS)
  const marked = await store.query('SELECT seq::DOUBLE AS seq FROM otlp_marks WHERE endpoint = $1', [exporter.url])
  const stats: ForwardingStats = { forwarded: 0, failures: 0, mark: 0 }
  if (marked.length) stats.mark = Number(marked[0].seq)
  else {
    stats.mark = Number((await store.query('SELECT coalesce(max(seq), 0)::DOUBLE AS seq FROM events'))[0].seq)
    await store.run('INSERT INTO otlp_marks VALUES ($1, $2)', [exporter.url, stats.mark])
  }

  let stopped = false
  let wake = () => {}
  const sleep = (ms: number) => new Promise<void>((done) => {
    const timer = setTimeout(done, ms)
    wake = () => (clearTimeout(timer), done())
  })

  async function loop() {
    let failed = 0
    while (!stopped) {
      try {
        const rows = (await store.query(NEXT_ROWS, [stats.mark, BATCH_ROWS])) as unknown as (ForwardedRow & { seq: number })[]
        if (!rows.length) {
          await sleep(idleMs)
          continue
        }
        await exporter.send(rows)
        const mark = rows[rows.length - 1].seq
        await store.run('UPDATE otlp_marks SET seq = $2 WHERE endpoint = $1', [exporter.url, mark])
        stats.mark = mark
        stats.forwarded += rows.length
        if (failed) log(`rumlet collector: OTLP export to ${exporter.url} works again`)
        failed = 0
      } catch (error) {
        if (stopped) break
        stats.failures++
        if (!failed++) log(`rumlet collector: OTLP export to ${exporter.url} failed, retrying with backoff: ${(error as Error).message}`)
        await sleep(Math.min(MAX_RETRY_MS, FIRST_RETRY_MS * 2 ** (failed - 1)))
      }
    }
  }
  const running = loop()

  return {
    stats,
    /** Stops after the export under way (if any) has ended; what is left is sent after a restart. */
    async stop(): Promise<void> {
      stopped = true
      wake()
      await running
      await exporter.shutdown()
    },
  }
}
