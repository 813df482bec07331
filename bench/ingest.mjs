// Ingest throughput of the built collector (run `npm run build` first) on a DuckDB file:
// CONNECTIONS concurrent senders over loopback, each posting 100-event batches (new ids every
// time, a realistic mix, a browser's User-Agent) for SECONDS, measured with autocannon.
//   node bench/ingest.mjs                      (CONNECTIONS=8 SECONDS=20)
//   COLLECTOR=/path/to/other/collector.js FLAGS= node bench/ingest.mjs   (another build, for comparison)
//   NODE_FLAGS='--cpu-prof --cpu-prof-dir=prof' node bench/ingest.mjs    (node's own flags for the collector)
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'
import { cpuTime, createBatchBodies, loadAverage, USER_AGENT } from './lib/ingestMix.mjs'

const CONNECTIONS = Number(process.env.CONNECTIONS || 8)
const SECONDS = Number(process.env.SECONDS || 20)
const PER_BATCH = 100

const folder = mkdtempSync(join(tmpdir(), 'rumlet-bench-ingest-'))
const COLLECTOR = process.env.COLLECTOR || 'dist/collector.js'
const FLAGS = (process.env.FLAGS ?? '--rate-limit 0').split(' ').filter(Boolean)
const NODE_FLAGS = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean)
const child = spawn(process.execPath, [...NODE_FLAGS, COLLECTOR, '--port', '0', '--db', join(folder, 'rum.duckdb'), ...FLAGS], { stdio: ['ignore', 'pipe', 'inherit'] })
const url = await new Promise((ready) => child.stdout.on('data', (chunk) => /listening on (\S+)/.test(chunk) && ready(/listening on (\S+)/.exec(chunk)[1])))

const body = createBatchBodies(PER_BATCH)

const cpu = () => cpuTime(child.pid)
const load = loadAverage
const loadBefore = load()
const cpuBefore = cpu()

const result = await autocannon({
  url: `${url}/rum`,
  connections: CONNECTIONS,
  duration: SECONDS,
  requests: [{ method: 'POST', headers: { 'content-type': 'text/plain;charset=UTF-8', 'user-agent': USER_AGENT }, setupRequest: (request) => ({ ...request, body: body() }) }],
})
const cpuAfter = cpu()
const loadAfter = load()
const stored = await (await fetch(`${url}/api/stats`)).json()
child.kill('SIGTERM')
await new Promise((done) => child.once('exit', done))
rmSync(folder, { recursive: true, force: true })

const ok = result['2xx']
console.log(`${CONNECTIONS} senders, ${PER_BATCH}-event batches, ${SECONDS} s: ${Math.round((ok * PER_BATCH) / SECONDS).toLocaleString('en')} events/s acknowledged ` +
  `(${ok} batches 2xx, ${result.non2xx} other, ${result.errors} errors); latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ` +
  `stored ${stored.stored.toLocaleString('en')}, duplicates ${stored.duplicates}`)
// What the collector needs per 1,000 events, and what that allows on 2 idle cores: the main
// thread is one core at most, the process two.
const events = ok * PER_BATCH
const perK = (ms) => (ms / events) * 1000
const mainMs = perK(cpuAfter.main - cpuBefore.main)
const processMs = perK(cpuAfter.process - cpuBefore.process)
console.log(`collector CPU per 1,000 events: ${processMs.toFixed(1)} ms (main thread ${mainMs.toFixed(1)} ms); ` +
  `so on 2 idle cores at most ${Math.round(Math.min(1000 / mainMs, 2000 / processMs) * 1000).toLocaleString('en')} events/s; load average ${loadBefore} before, ${loadAfter} after`)
