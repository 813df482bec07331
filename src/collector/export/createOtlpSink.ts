import type { IngestReply } from '../../wire'
import type { Sink } from '../ingest/createIngest'
import { HttpError } from '../server/HttpError'
import { createGroupCommit } from '../store/createGroupCommit'
import type { EventRow } from '../store/eventColumns'
import type { OtlpExport } from './createOtlpExport'

/**
 * Where ingest's rows go with `--db none`: straight to the OpenTelemetry Collector, nothing kept.
 * Batches that arrive while an export is under way go together in the next (as the store's group
 * commit does), and each is acknowledged once the receiver answered 2xx for its records. When the
 * receiver fails, the batch is refused with 503 and the snippet keeps it and sends it again later:
 * without a database there is no outbox but the browser's. Nothing remembers ids across batches,
 * so a resend is forwarded again (at least once, not exactly once; `log.record.uid` lets the
 * receiving side drop repeats); an id twice within one export is sent once.
 */
export function createOtlpSink(exporter: OtlpExport): Sink {
  const group = createGroupCommit(async (rows: EventRow[]) => {
    const seen = new Set<string>()
    const unique = rows.filter((row) => !seen.has(row.id) && seen.add(row.id))
    await exporter.send(unique)
    return unique.map((row) => row.id)
  })
  return {
    async insert(rows: EventRow[]): Promise<IngestReply> {
      try {
        const stored = await group.add(rows)
        return { stored, duplicates: rows.length - stored }
      } catch (error) {
        throw new HttpError(503, `the OpenTelemetry Collector did not take the batch (${(error as Error).message}): retry later`)
      }
    },
  }
}
