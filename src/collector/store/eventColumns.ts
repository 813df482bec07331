// The `events` table: one row per event id, the fields people ask questions about as typed
// columns, and the event as it came over the wire (`body`, JSON text) for /api/events.

/** A row as the collector writes it: see EVENT_COLUMNS for each column's meaning. */
export interface EventRow {
  id: string
  type: string
  /** Epoch ms, corrected for the sender's clock skew (see clockOffset.ts). */
  time: number
  /** Receive time minus the batch's `sentAt`, in ms: how far the sender's clock was behind (+) or ahead (−). 0 without `sentAt`. */
  skew_ms: number
  /** Epoch ms, the collector's clock. */
  received_at: number
  session_id: string
  view_id: string
  url: string
  /** The route when the page names one, else the URL's path: what "by page" groups on. */
  page: string
  route: string | null
  app: string | null
  release: string | null
  env: string | null
  user_id: string | null
  /** A vital's name (LCP…) or an action's name. */
  name: string | null
  /** A vital's value (ms; CLS unitless). */
  value: number | null
  rating: string | null
  metric_id: string | null
  /** ms: an action's, a view's (view_end) or a request's (resource). */
  duration: number | null
  /** An action's success. */
  ok: boolean | null
  /** An action's frustration signals, comma-separated: `rage,error`. */
  frustration: string | null
  /** A resource's HTTP status. */
  status: number | null
  error_type: string | null
  message: string | null
  /** How many times the snippet saw this error (it dedupes repeats). */
  error_count: number | null
  /** The collector's error group (fingerprintError.ts), not the snippet's. */
  fingerprint: string | null
  /** The stack's frames after source-map resolution, as JSON text. */
  frames: string | null
  browser: string | null
  browser_version: string | null
  os: string | null
  device: string | null
  sdk: string | null
  /** JSON text of the event's attributes (VARCHAR: DuckDB's json functions read it; a JSON column would parse it again at every insert). */
  attributes: string | null
  /** JSON text of the event exactly as it came over the wire. */
  body: string
  /**
   * Insertion order: rises by one with every row stored (a gap where a write failed), assigned
   * by the store, not by ingest. OpenTelemetry forwarding keeps a watermark over it. NULL in rows
   * stored before it existed.
   */
  seq?: number
  /** The sender's User-Agent header as it came (1,024 characters at most): OTLP's `user_agent.original`. */
  user_agent: string | null
}

/** Each column and its DuckDB type, in table order. */
export const EVENT_COLUMNS: [keyof EventRow, string][] = [
  ['id', 'VARCHAR'], ['type', 'VARCHAR'], ['time', 'TIMESTAMP'], ['skew_ms', 'BIGINT'], ['received_at', 'TIMESTAMP'],
  ['session_id', 'VARCHAR'], ['view_id', 'VARCHAR'], ['url', 'VARCHAR'], ['page', 'VARCHAR'], ['route', 'VARCHAR'],
  ['app', 'VARCHAR'], ['release', 'VARCHAR'], ['env', 'VARCHAR'], ['user_id', 'VARCHAR'],
  ['name', 'VARCHAR'], ['value', 'DOUBLE'], ['rating', 'VARCHAR'], ['metric_id', 'VARCHAR'],
  ['duration', 'DOUBLE'], ['ok', 'BOOLEAN'], ['frustration', 'VARCHAR'], ['status', 'INTEGER'],
  ['error_type', 'VARCHAR'], ['message', 'VARCHAR'], ['error_count', 'INTEGER'], ['fingerprint', 'VARCHAR'], ['frames', 'VARCHAR'],
  ['browser', 'VARCHAR'], ['browser_version', 'VARCHAR'], ['os', 'VARCHAR'], ['device', 'VARCHAR'],
  ['sdk', 'VARCHAR'], ['attributes', 'VARCHAR'], ['body', 'VARCHAR'], ['seq', 'BIGINT'], ['user_agent', 'VARCHAR'],
]

const NOT_NULL = new Set(['id', 'type', 'time', 'skew_ms', 'received_at', 'session_id', 'view_id', 'url', 'page', 'body'])

export const CREATE_EVENTS = `
CREATE TABLE IF NOT EXISTS events (
  ${EVENT_COLUMNS.map(([name, type]) => `${name} ${type}${NOT_NULL.has(name) ? ' NOT NULL' : ''}`).join(',\n  ')}
)`

/** Adds what later versions added to a table created before them (a no-op on a new one). */
export const UPGRADE_EVENTS = [`ALTER TABLE events ADD COLUMN IF NOT EXISTS seq BIGINT`, `ALTER TABLE events ADD COLUMN IF NOT EXISTS user_agent VARCHAR`]

/**
 * The final report of each measured web vital (web-vitals reports CLS and INP again when the page
 * is hidden; the last report holds the value), kept by the group commit as rows arrive, so that
 * the vitals queries read one row per metric instead of grouping every report (bench/RESULTS.md,
 * *Query API*). Keyed on a 64-bit hash of the metricId: two metrics that collide (about one in
 * 10^10 at a million metrics) would count as one. Columns as in `events`.
 */
export const CREATE_VITALS = `
CREATE TABLE IF NOT EXISTS vitals (
  metric UBIGINT PRIMARY KEY, name VARCHAR NOT NULL, time TIMESTAMP NOT NULL, value DOUBLE, rating VARCHAR, page VARCHAR,
  release VARCHAR, browser VARCHAR, os VARCHAR, device VARCHAR, app VARCHAR, env VARCHAR
)`

/**
 * Folds the vital reports of `events` that `where` selects into `vitals`: a metric's latest report
 * (by corrected time) wins, against what `vitals` already holds too. Each group commit folds the
 * rows it appended (by `seq`, inside its transaction); an older file's table is filled once from
 * every stored row.
 */
export const foldVitals = (where = 'true') => `
INSERT INTO vitals
SELECT hash(metric_id), arg_max(name, time), max(time), arg_max(value, time), arg_max(rating, time), arg_max(page, time),
       any_value(release), any_value(browser), any_value(os), any_value(device), any_value(app), any_value(env)
FROM events
WHERE type = 'vital' AND metric_id IS NOT NULL AND ${where}
GROUP BY hash(metric_id)
ON CONFLICT (metric) DO UPDATE SET name = excluded.name, time = excluded.time, value = excluded.value, rating = excluded.rating, page = excluded.page
WHERE excluded.time >= vitals.time`
