import { parseArgs as parseNodeArgs } from 'node:util'

/** The command line, read: see USAGE for each flag. */
export interface CollectorArgs {
  port: number
  host: string
  /** A DuckDB file, `:memory:`, or `none` (store nothing: forward only). */
  db: string
  /** The OpenTelemetry Collector's OTLP/HTTP base URL, when events are forwarded. */
  otlpEndpoint?: string
  retentionDays: number
  sourcemaps?: string
  readToken?: string
  allowOrigins: string[]
  allowHosts: string[]
  rateLimit: number
  demo: boolean
  /** An alert rules file (YAML or JSON; README, *Alerts and SLOs*). */
  alerts?: string
  help: boolean
}

/** Every flag with its default; `--help` prints it. */
export const USAGE = `Usage: rumlet-collector [options]

Receives rumlet batches on POST /rum, stores them in DuckDB, and serves the
dashboard at / and the query API at /api/*; can forward every event to an
OpenTelemetry Collector (OTLP/HTTP).

Options:
  --port N              port to listen on (default 8080; 0 picks a free port)
  --host H              address to listen on (default 127.0.0.1); beyond loopback
                        the dashboard and API need a read token
  --db PATH             DuckDB database file, created with its folder
                        (default data/rum.duckdb; :memory: keeps nothing until
                        exit; none stores nothing, needs --otlp-endpoint, and
                        serves no dashboard, query API or --alerts)
  --otlp-endpoint URL   forward every event stored (with --db none, every event
                        accepted) as OTLP/HTTP protobuf log records to the
                        OpenTelemetry Collector at URL (/v1/logs is added);
                        --otlp is the same (default: $OTEL_EXPORTER_OTLP_ENDPOINT,
                        else no forwarding)
  --retention-days N    delete events older than N days, hourly (default 30)
  --sourcemaps DIR      resolve minified stack frames with DIR/<release>/<path>.map
                        (default: none)
  --read-token T        token the dashboard and /api/* need (default: none on
                        loopback; one is generated and printed on other addresses)
  --allow-origin O      an origin whose pages may post to /rum; repeat for more
                        (default: any origin)
  --allow-host NAME     a host name the dashboard and API answer to, besides IP
                        addresses and localhost; repeat for more (default: none)
  --rate-limit N        batches a minute one address may post, 0 for no limit
                        (default 1200)
  --demo                serve the demo pages at /demo/ and the demo shop's API
  --alerts FILE         alert rules and SLOs (YAML or JSON), evaluated periodically,
                        shown on the dashboard, posted to webhooks (default: none;
                        needs a database, not --db none)
  --help                show this text`

/**
 * Reads the command line (and from `env`, OTEL_EXPORTER_OTLP_ENDPOINT, as the OpenTelemetry
 * specification names it); a bad flag gives an error message instead of arguments.
 */
export function parseArgs(argv: string[], env: Record<string, string | undefined> = {}): CollectorArgs | { error: string } {
  let values
  try {
    ;({ values } = parseNodeArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        db: { type: 'string' },
        'retention-days': { type: 'string' },
        sourcemaps: { type: 'string' },
        'read-token': { type: 'string' },
        'allow-origin': { type: 'string', multiple: true },
        'allow-host': { type: 'string', multiple: true },
        'rate-limit': { type: 'string' },
        'otlp-endpoint': { type: 'string' },
        otlp: { type: 'string' },
        demo: { type: 'boolean' },
        alerts: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (e) {
    return { error: (e as Error).message }
  }
  const whole = (name: string, text: string | undefined, fallback: number, max: number) => {
    if (text === undefined) return fallback
    return /^\d+$/.test(text) && Number(text) <= max ? Number(text) : `--${name} must be a whole number from 0 to ${max}, not "${text}"`
  }
  const port = whole('port', values.port, 8080, 65535)
  const retentionDays = whole('retention-days', values['retention-days'], 30, 36500)
  const rateLimit = whole('rate-limit', values['rate-limit'], 1200, 1_000_000)
  for (const value of [port, retentionDays, rateLimit]) if (typeof value === 'string') return { error: value }
  for (const name of ['host', 'db', 'sourcemaps', 'read-token', 'alerts'] as const) if (values[name] === '') return { error: `--${name} must not be empty` }
  if (retentionDays === 0) return { error: '--retention-days must be at least 1' }
  const bad = values['allow-origin']?.find((origin) => !/^https?:\/\/[^/?#\s]+$/.test(origin))
  const otlpEndpoint = values['otlp-endpoint'] ?? values.otlp ?? (env.OTEL_EXPORTER_OTLP_ENDPOINT || undefined)
  if (otlpEndpoint !== undefined && !/^https?:\/\/[^/?#\s]+/.test(otlpEndpoint)) return { error: `--otlp-endpoint takes an http(s) URL such as http://127.0.0.1:4318, not "${otlpEndpoint}"` }
  if (values.db === 'none' && otlpEndpoint === undefined) return { error: '--db none stores nothing: give --otlp-endpoint URL to forward the events' }
  if (values.db === 'none' && values.alerts !== undefined) return { error: '--alerts needs a database: with --db none nothing is stored for the rules to measure' }
  if (bad !== undefined) return { error: `--allow-origin takes an origin such as https://shop.example, not "${bad}"` }
  return {
    port: port as number,
    host: values.host ?? '127.0.0.1',
    db: values.db ?? 'data/rum.duckdb',
    retentionDays: retentionDays as number,
    sourcemaps: values.sourcemaps,
    readToken: values['read-token'],
    otlpEndpoint,
    allowOrigins: values['allow-origin'] ?? [],
    allowHosts: values['allow-host'] ?? [],
    rateLimit: rateLimit as number,
    demo: !!values.demo,
    alerts: values.alerts,
    help: !!values.help,
  }
}
