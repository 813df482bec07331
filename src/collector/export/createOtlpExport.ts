import { OTLPLogExporter } from '@opentelemetry/exporter-logs-otlp-proto'
import { createLogRecords, type ForwardedRow } from './createLogRecords'

/** How long one export may take before it counts as failed (ms). */
const TIMEOUT_MS = 10_000

/**
 * The URL logs are posted to: `--otlp-endpoint` is a base URL, as OTEL_EXPORTER_OTLP_ENDPOINT
 * is, and OTLP/HTTP's logs path `/v1/logs` is added to it, unless it already ends so.
 */
export function logsUrl(endpoint: string): string {
  const url = new URL(endpoint)
  if (!url.pathname.endsWith('/v1/logs')) url.pathname = url.pathname.replace(/\/?$/, '/v1/logs')
  return url.href
}

/**
 * Sends rows as OTLP/HTTP protobuf log records (OpenTelemetry's own exporter,
 * @opentelemetry/exporter-logs-otlp-proto, which retries 429, 502, 503 and 504 with backoff a few
 * times itself) to the OpenTelemetry Collector at `endpoint`. `send` resolves once the receiver
 * answered 2xx, and rejects otherwise: the caller keeps the rows and tries again later.
 */
export function createOtlpExport(endpoint: string) {
  const exporter = new OTLPLogExporter({ url: logsUrl(endpoint), timeoutMillis: TIMEOUT_MS })
  const toLogRecord = createLogRecords()
  return {
    url: logsUrl(endpoint),
    /** Exports the rows' records in one request; rejects with the reason it failed. */
    send(rows: ForwardedRow[]): Promise<void> {
      if (!rows.length) return Promise.resolve()
      const records = rows.map(toLogRecord)
      return new Promise((done, fail) =>
        exporter.export(records, (result) => (result.code === 0 ? done() : fail(result.error ?? new Error('OTLP export failed')))),
      )
    },
    /** Waits for exports under way and stops the exporter. */
    shutdown: () => exporter.shutdown(),
  }
}

export type OtlpExport = ReturnType<typeof createOtlpExport>
