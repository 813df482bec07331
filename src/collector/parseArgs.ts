import { parseArgs as parseNodeArgs } from 'node:util'

export interface CollectorArgs {
  port: number
  host: string
  db: string
  help: boolean
}

export const USAGE = `Usage: rumlet-collector [options]

Receives rumlet batches on POST /rum, stores them in DuckDB, and serves the
dashboard at / (p75 web vitals, error groups, sessions).

Options:
  --port N     port to listen on (default 8080; 0 picks a free port)
  --host H     address to listen on (default 127.0.0.1)
  --db PATH    DuckDB database file (default data/rum.duckdb; :memory: keeps nothing)
  --help       show this text`

/** Reads the command line; a bad flag gives an error message instead of arguments. */
export function parseArgs(argv: string[]): CollectorArgs | { error: string } {
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
        help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (e) {
    return { error: (e as Error).message }
  }
  const port = values.port === undefined ? 8080 : Number(values.port)
  if (!/^\d+$/.test(values.port ?? '0') || port > 65535) return { error: `--port must be a whole number from 0 to 65535, not "${values.port}"` }
  if (values.host === '') return { error: '--host must not be empty' }
  if (values.db === '') return { error: '--db must not be empty' }
  return { port, host: values.host ?? '127.0.0.1', db: values.db ?? 'data/rum.duckdb', help: !!values.help }
}
