import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import { createRequire } from 'node:module'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import protobuf from 'protobufjs/minimal.js'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'

// The built collector forwarding to an OTLP/HTTP receiver on loopback (no otelcol binary here):
// the receiver decodes each request with the OTLP protobuf definitions (opentelemetry-proto,
// compiled in @opentelemetry/otlp-transformer 0.57, installed as otlp-proto-definitions) and the
// tests assert on the decoded records.

const CLI = resolve('dist/collector.js')
const { opentelemetry } = createRequire(import.meta.url)('otlp-proto-definitions/build/src/generated/root.js')
const ExportLogsServiceRequest = opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest
const CHROME = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'

type Value = { stringValue?: string; intValue?: string; doubleValue?: number; boolValue?: boolean }
/** One received log record, flattened: its resource's attributes, its own, and its fields. */
interface Received {
  resource: Record<string, unknown>
  attributes: Record<string, unknown>
  eventName: string
  severityText: string
  timeUnixNano: string
  body?: unknown
}

const cleanups: (() => unknown)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})
beforeAll(() => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run npm run build before these tests`)
})

/** The length-delimited fields numbered `field` of a protobuf message, in order. */
function fieldsOf(bytes: Uint8Array, field: number): Uint8Array[] {
  const reader = protobuf.Reader.create(bytes)
  const found: Uint8Array[] = []
  while (reader.pos < reader.len) {
    const tag = reader.uint32()
    if (tag >>> 3 === field && (tag & 7) === 2) found.push(reader.bytes())
    else reader.skipType(tag & 7)
  }
  return found
}
/**
 * Each log record's event_name (LogRecord field 12, newer than the compiled definitions, which
 * skip it), in the order toObject lists the records: resource_logs (1) → scope_logs (2) → log_records (2).
 */
const eventNames = (request: Uint8Array) =>
  fieldsOf(request, 1).flatMap((resourceLogs) => fieldsOf(resourceLogs, 2)).flatMap((scopeLogs) => fieldsOf(scopeLogs, 2))
    .map((record) => Buffer.from(fieldsOf(record, 12)[0] ?? []).toString('utf8'))

const plain = (value: Value) => value.stringValue ?? (value.intValue !== undefined ? Number(value.intValue) : value.doubleValue ?? value.boolValue)
const flatten = (attributes: { key: string; value: Value }[] = []) => Object.fromEntries(attributes.map(({ key, value }) => [key, plain(value)]))

/** An OTLP/HTTP logs receiver on 127.0.0.1: answers `status` (200 unless changed) and keeps what it decoded. */
async function startReceiver() {
  const records: Received[] = []
  const receiver = { records, status: 200, requests: 0, url: '' }
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk) => chunks.push(chunk))
    request.on('end', () => {
      receiver.requests++
      if (request.url !== '/v1/logs' || request.headers['content-type'] !== 'application/x-protobuf') return void response.writeHead(404).end()
      if (receiver.status !== 200) return void response.writeHead(receiver.status).end()
      const body = Buffer.concat(chunks)
      const message = ExportLogsServiceRequest.toObject(ExportLogsServiceRequest.decode(body), { longs: String })
      const names = eventNames(body)
      const start = records.length
      for (const resourceLogs of message.resourceLogs ?? [])
        for (const scopeLogs of resourceLogs.scopeLogs ?? [])
          for (const record of scopeLogs.logRecords ?? [])
            records.push({ resource: flatten(resourceLogs.resource?.attributes), attributes: flatten(record.attributes), eventName: names[records.length - start], severityText: record.severityText, timeUnixNano: record.timeUnixNano, body: record.body && plain(record.body) })
      response.writeHead(200, { 'content-type': 'application/x-protobuf' }).end()
    })
  })
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready))
  receiver.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  cleanups.push(() => new Promise((done) => server.close(done)))
  return receiver
}

/** Starts the built collector with `args` (and `env`); resolves with its URL and how it exited. */
async function startCollector(args: string[], env: Record<string, string> = {}) {
  const child: ChildProcess = spawn(process.execPath, [CLI, '--port', '0', '--rate-limit', '0', ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } })
  cleanups.push(() => child.exitCode === null && child.signalCode === null && child.kill('SIGKILL'))
  let output = ''
  const url = await new Promise<string>((ready, fail) => {
    const read = (chunk: Buffer) => {
      output += chunk
      const match = /listening on (\S+)/.exec(output)
      if (match) ready(match[1])
    }
    child.stdout!.on('data', read)
    child.stderr!.on('data', read)
    child.once('exit', () => fail(new Error(`the collector exited:\n${output}`)))
  })
  const exited = new Promise<number | string>((done) => child.once('exit', (code, signal) => done(code ?? signal ?? -1)))
  return { child, url, exited, output: () => output }
}

const T = Date.now() - 60_000
const common = (id: string) => ({ id, time: T, sessionId: 's-otlp', viewId: 'v1', url: 'https://shop.example/product/7?ref=mail', route: '/product/[id]', app: 'shop', release: '2.0.1', env: 'prod', userId: 'u-42' })
const BATCH = {
  schema: 1,
  sdk: '0.1.0',
  events: [
    { ...common('e-vital'), type: 'vital', name: 'LCP', value: 2120.5, delta: 2120.5, rating: 'good', metricId: 'v5-1-1', navigationType: 'navigate' },
    { ...common('e-error'), type: 'error', message: 'Cannot read properties of undefined', errorType: 'TypeError', stack: 'TypeError: Cannot read properties of undefined\n    at add (https://shop.example/app.js:3:14)', source: 'error', count: 2, fingerprint: 'snippet-fp' },
    { ...common('e-action'), type: 'action', name: 'add to cart', duration: 40, ok: true, source: 'click', attributes: { sku: 'TEA-01' } },
  ],
}
const post = (url: string, body: unknown) => fetch(`${url}/rum`, { method: 'POST', headers: { 'User-Agent': CHROME }, body: JSON.stringify(body) })
const until = async (condition: () => boolean, ms = 15_000) => {
  const end = Date.now() + ms
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out')
    await new Promise((tick) => setTimeout(tick, 25))
  }
}
const byId = (records: Received[]) => Object.fromEntries(records.map((record) => [record.attributes['log.record.uid'], record]))

describe('OTLP forwarding with a database', () => {
  it('sends each stored event once as a log record with semantic-convention attributes, a resend not again', async () => {
    const receiver = await startReceiver()
    const folder = mkdtempSync(join(tmpdir(), 'rumlet-otlp-'))
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }))
    const collector = await startCollector(['--db', join(folder, 'rum.duckdb'), '--otlp-endpoint', receiver.url])
    expect(await (await post(collector.url, BATCH)).json()).toEqual({ stored: 3, duplicates: 0 })
    await until(() => receiver.records.length >= 3)
    expect(await (await post(collector.url, BATCH)).json()).toEqual({ stored: 0, duplicates: 3 })

    const records = byId(receiver.records)
    expect(records['e-vital'].resource).toMatchObject({ 'service.name': 'shop', 'service.version': '2.0.1', 'deployment.environment.name': 'prod', 'telemetry.sdk.name': 'rumlet' })
    expect(records['e-vital']).toMatchObject({ eventName: 'browser.web_vital', severityText: 'INFO', timeUnixNano: String(T * 1e6) })
    expect(records['e-vital'].attributes).toMatchObject({
      'browser.web_vital.name': 'lcp', 'browser.web_vital.value': 2120.5, 'browser.web_vital.rating': 'good', 'browser.web_vital.id': 'v5-1-1',
      'session.id': 's-otlp', 'user.id': 'u-42', 'url.full': 'https://shop.example/product/7?ref=mail', 'url.template': '/product/[id]',
      'user_agent.original': CHROME, 'user_agent.name': 'Chrome', 'user_agent.version': '124', 'user_agent.os.name': 'Windows',
    })
    expect(records['e-error']).toMatchObject({ eventName: 'exception', severityText: 'ERROR', body: 'Cannot read properties of undefined' })
    expect(records['e-error'].attributes).toMatchObject({ 'exception.type': 'TypeError', 'exception.message': 'Cannot read properties of undefined', 'rumlet.error.count': 2 })
    expect(records['e-error'].attributes['exception.stacktrace']).toContain('at add (https://shop.example/app.js:3:14)')
    expect(records['e-action']).toMatchObject({ eventName: 'rumlet.action' })
    expect(records['e-action'].attributes).toMatchObject({ 'rumlet.action.name': 'add to cart', 'rumlet.action.duration': 40, 'rumlet.action.ok': true, 'rumlet.attributes.sku': 'TEA-01' })
    await new Promise((wait) => setTimeout(wait, 600))
    expect(receiver.records).toHaveLength(3)
  }, 30_000)

  it('acknowledges while the receiver is down, then sends what it stored, also after a restart', async () => {
    const receiver = await startReceiver()
    receiver.status = 500
    const folder = mkdtempSync(join(tmpdir(), 'rumlet-otlp-'))
    cleanups.push(() => rmSync(folder, { recursive: true, force: true }))
    const db = join(folder, 'rum.duckdb')
    const first = await startCollector(['--db', db, '--otlp-endpoint', receiver.url])
    expect((await post(first.url, BATCH)).status).toBe(200)
    await until(() => receiver.requests >= 1)
    first.child.kill('SIGTERM')
    expect(await first.exited).toBe(0)
    expect(receiver.records).toEqual([])

    receiver.status = 200
    const second = await startCollector(['--db', db, '--otlp', receiver.url])
    await until(() => receiver.records.length >= 3)
    expect(Object.keys(byId(receiver.records)).sort()).toEqual(['e-action', 'e-error', 'e-vital'])
    second.child.kill('SIGTERM')
    expect(await second.exited).toBe(0)
  }, 30_000)
})

describe('OTLP forwarding with --db none', () => {
  it('acknowledges a batch once the receiver took it, and answers 503 while the receiver fails (OTEL_EXPORTER_OTLP_ENDPOINT)', async () => {
    const receiver = await startReceiver()
    const collector = await startCollector(['--db', 'none'], { OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url })
    const response = await post(collector.url, BATCH)
    expect(await response.json()).toEqual({ stored: 3, duplicates: 0 })
    // Acknowledged after the receiver answered: the records are there already.
    expect(Object.keys(byId(receiver.records)).sort()).toEqual(['e-action', 'e-error', 'e-vital'])
    expect(receiver.records.find((record) => record.attributes['log.record.uid'] === 'e-vital')?.attributes['user_agent.original']).toBe(CHROME)

    receiver.status = 500
    const refused = await post(collector.url, { ...BATCH, events: [{ ...BATCH.events[2], id: 'e-later' }] })
    expect(refused.status).toBe(503)
    expect(receiver.records).toHaveLength(3)
    expect((await fetch(`${collector.url}/api/vitals`)).status).toBe(404)
    collector.child.kill('SIGTERM')
    expect(await collector.exited).toBe(0)
  }, 30_000)
})
