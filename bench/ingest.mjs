// Ingest throughput of the built collector (run `npm run build` first) on a DuckDB file:
// CONNECTIONS concurrent senders over loopback, each posting 100-event batches (new ids every
// time, a realistic mix, a browser's User-Agent) for SECONDS, measured with autocannon.
//   node bench/ingest.mjs                      (CONNECTIONS=8 SECONDS=20)
//   COLLECTOR=/path/to/other/collector.js FLAGS= node bench/ingest.mjs   (another build, for comparison)
//   NODE_FLAGS='--cpu-prof --cpu-prof-dir=prof' node bench/ingest.mjs    (node's own flags for the collector)
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import autocannon from 'autocannon'

const CONNECTIONS = Number(process.env.CONNECTIONS || 8)
const SECONDS = Number(process.env.SECONDS || 20)
const PER_BATCH = 100
const USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'

const folder = mkdtempSync(join(tmpdir(), 'rumlet-bench-ingest-'))
const COLLECTOR = process.env.COLLECTOR || 'dist/collector.js'
const FLAGS = (process.env.FLAGS ?? '--rate-limit 0').split(' ').filter(Boolean)
const NODE_FLAGS = (process.env.NODE_FLAGS ?? '').split(' ').filter(Boolean)
const child = spawn(process.execPath, [...NODE_FLAGS, COLLECTOR, '--port', '0', '--db', join(folder, 'rum.duckdb'), ...FLAGS], { stdio: ['ignore', 'pipe', 'inherit'] })
const url = await new Promise((ready) => child.stdout.on('data', (chunk) => /listening on (\S+)/.test(chunk) && ready(/listening on (\S+)/.exec(chunk)[1])))

let n = 0
function body() {
  const time = Date.now()
  const events = []
  for (let i = 0; i < PER_BATCH; i++) {
    const common = { id: `b${n++}`, time: time - i, sessionId: `s${n % 5000}`, viewId: `v${n % 20000}`, url: `https://shop.example/product/${n % 100}?ref=x`, route: '/product/[id]', app: 'shop', env: 'prod', release: '1.4.2' }
    const kind = i % 10
    if (kind < 5) events.push({ ...common, type: 'vital', name: ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'][kind], value: 1000 + (n % 3000), delta: 10, rating: 'good', metricId: `m${n}` })
    else if (kind < 8) events.push({ ...common, type: 'action', name: 'add_to_cart', duration: 40, ok: true, source: 'click', attributes: { sku: 'TEA-01', qty: 2 } })
    else if (kind === 8) events.push({ ...common, type: 'page_view', referrer: 'https://search.example/', navigationType: 'navigate', ttfb: 120, fcp: 800 })
    else events.push({ ...common, type: 'error', message: `Cannot read properties of undefined (reading 'x${n % 7}')`, errorType: 'TypeError', stack: 'TypeError: x\n    at addToCart (https://shop.example/assets/app.min.js:1:2045)\n    at HTMLButtonElement.<anonymous> (https://shop.example/assets/app.min.js:1:3120)', source: 'error', count: 1, fingerprint: 'f' })
  }
  return JSON.stringify({ schema: 1, sdk: '0.1.0', sentAt: time, events })
}

// CPU time the collector spends (its process, and its main thread alone), from /proc in clock
// ticks: on a shared machine throughput says how much CPU the collector got, this what it needs.
const TICK_MS = 10
const cpuOf = (file) => { try { const fields = readFileSync(file, 'utf8').split(') ')[1].split(' '); return (Number(fields[11]) + Number(fields[12])) * TICK_MS } catch { return NaN } }
const cpu = () => ({ process: cpuOf(`/proc/${child.pid}/stat`), main: cpuOf(`/proc/${child.pid}/task/${child.pid}/stat`) })
const load = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]
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
