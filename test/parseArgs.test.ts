import { describe, expect, it } from 'vitest'
import { parseArgs, USAGE } from '../src/collector/cli/parseArgs'

/** The error message of a command line that must be refused; fails the test if it was accepted. */
function errorOf(argv: string[]): string {
  const result = parseArgs(argv)
  if (!('error' in result)) throw new Error(`expected an error for ${JSON.stringify(argv)}, got ${JSON.stringify(result)}`)
  return result.error
}

describe('parseArgs', () => {
  it('without flags listens on 127.0.0.1:8080 and stores in data/rum.duckdb', () => {
    expect(parseArgs([])).toMatchObject({ port: 8080, host: '127.0.0.1', db: 'data/rum.duckdb', help: false })
  })

  it('reads --port, --host and --db, in both "--flag value" and "--flag=value" forms', () => {
    expect(parseArgs(['--port', '9000', '--host', '0.0.0.0', '--db', '/tmp/x.duckdb'])).toMatchObject({
      port: 9000, host: '0.0.0.0', db: '/tmp/x.duckdb', help: false,
    })
    expect(parseArgs(['--port=65535', '--db=:memory:'])).toMatchObject({ port: 65535, host: '127.0.0.1', db: ':memory:', help: false })
  })

  it('accepts --port 0, which asks the system for a free port', () => {
    expect(parseArgs(['--port', '0'])).toMatchObject({ port: 0 })
  })

  it.each(['abc', '-1', '70000', '65536', '1.5', '', '1e3', ' 80'])('refuses --port %j with a message naming --port', (value) => {
    expect(errorOf([`--port=${value}`])).toContain('--port')
  })

  it('refuses a negative port given as a separate argument', () => {
    expect('error' in parseArgs(['--port', '-1'])).toBe(true)
  })

  it('refuses an unknown flag and names it', () => {
    expect(errorOf(['--bogus'])).toContain('--bogus')
  })

  it('refuses positional arguments', () => {
    expect('error' in parseArgs(['serve'])).toBe(true)
  })

  it('sets help for --help and -h', () => {
    expect(parseArgs(['--help'])).toMatchObject({ help: true })
    expect(parseArgs(['-h'])).toMatchObject({ help: true })
  })

  it('refuses an empty --db and an empty --host', () => {
    expect(errorOf(['--db', ''])).toContain('--db')
    expect(errorOf(['--db='])).toContain('--db')
    expect(errorOf(['--host='])).toContain('--host')
  })

  it('refuses a flag that needs a value when the value is missing', () => {
    expect('error' in parseArgs(['--port'])).toBe(true)
    expect('error' in parseArgs(['--db'])).toBe(true)
  })

  it('reads the service flags, --allow-origin and --allow-host repeatable, with their defaults otherwise', () => {
    expect(parseArgs([])).toMatchObject({ retentionDays: 30, rateLimit: 1200, demo: false, allowOrigins: [], allowHosts: [], readToken: undefined, sourcemaps: undefined })
    expect(parseArgs(['--retention-days', '7', '--rate-limit', '0', '--demo', '--read-token', 't', '--sourcemaps', 'maps', '--allow-origin', 'https://a.example', '--allow-origin', 'http://b.example:8080', '--allow-host', 'rum.example.com'])).toMatchObject({
      retentionDays: 7, rateLimit: 0, demo: true, readToken: 't', sourcemaps: 'maps', allowOrigins: ['https://a.example', 'http://b.example:8080'], allowHosts: ['rum.example.com'],
    })
  })

  it('refuses a retention of 0 days, a rate limit that is not a number, and an origin that is not one', () => {
    expect(errorOf(['--retention-days', '0'])).toContain('--retention-days')
    expect(errorOf(['--rate-limit', 'lots'])).toContain('--rate-limit')
    expect(errorOf(['--allow-origin', 'https://a.example/path'])).toContain('--allow-origin')
    expect(errorOf(['--read-token='])).toContain('--read-token')
  })

  it('reads the OTLP endpoint from --otlp-endpoint, --otlp, or else OTEL_EXPORTER_OTLP_ENDPOINT, the flag first', () => {
    expect(parseArgs([])).toMatchObject({ otlpEndpoint: undefined })
    expect(parseArgs(['--otlp-endpoint', 'http://127.0.0.1:4318'])).toMatchObject({ otlpEndpoint: 'http://127.0.0.1:4318' })
    expect(parseArgs(['--otlp', 'https://otel.example/base'])).toMatchObject({ otlpEndpoint: 'https://otel.example/base' })
    expect(parseArgs([], { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://otel:4318' })).toMatchObject({ otlpEndpoint: 'http://otel:4318' })
    expect(parseArgs(['--otlp', 'http://flag:4318'], { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://env:4318' })).toMatchObject({ otlpEndpoint: 'http://flag:4318' })
    expect(parseArgs(['--db', 'none', '--otlp', 'http://127.0.0.1:4318'])).toMatchObject({ db: 'none' })
  })

  it('refuses an OTLP endpoint that is not an http(s) URL, and --db none without one', () => {
    expect(errorOf(['--otlp-endpoint', 'otel:4317'])).toContain('--otlp-endpoint')
    expect(errorOf(['--db', 'none'])).toContain('--otlp-endpoint')
  })

  it('refuses --alerts with --db none: nothing is stored for the rules to measure', () => {
    expect(errorOf(['--db', 'none', '--otlp', 'http://127.0.0.1:4318', '--alerts', 'alerts.yaml'])).toBe(
      '--alerts needs a database: with --db none nothing is stored for the rules to measure',
    )
    expect(parseArgs(['--otlp', 'http://127.0.0.1:4318', '--alerts', 'alerts.yaml'])).toMatchObject({ alerts: 'alerts.yaml', otlpEndpoint: 'http://127.0.0.1:4318' })
  })

  it('has a usage text that lists every flag', () => {
    for (const flag of ['--port', '--host', '--db', '--otlp-endpoint', 'OTEL_EXPORTER_OTLP_ENDPOINT', '--alerts', '--help']) expect(USAGE).toContain(flag)
  })
})
