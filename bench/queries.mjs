// How long each query of the API takes at N stored events: a DuckDB file of a realistic mix is
// filled through the collector's own store (compiled from src/ here), then the built collector
// (dist/collector.js, run `npm run build` first) serves it and each route is asked RUNS times.
//   node bench/queries.mjs              (N=1000000, RUNS=7)
//   N=100000 RUNS=5 node bench/queries.mjs
//   COLLECTOR=/path/to/other/collector.js node bench/queries.mjs   (another build on the same data)
//   DB=/tmp/rum1m.duckdb node bench/queries.mjs  (fills that file once and keeps it; later runs reuse it)
import { spawn } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rollup } from 'rollup'
import typescript from '@rollup/plugin-typescript'

const N = Number(process.env.N || 1_000_000)
const RUNS = Number(process.env.RUNS || 7)

const bundle = await rollup({
  input: ['src/collector/store/openStore.ts', 'src/collector/ingest/toRow.ts'],
  external: (id) => /^(node:|@?[a-z])/.test(id),
  onwarn: () => {},
  plugins: [typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false } })],
})
// Inside node_modules, so that the compiled store finds @duckdb/node-api.
const out = join('node_modules', '.cache', 'rumlet-bench')
mkdirSync(out, { recursive: true })
await bundle.write({ dir: out, format: 'es', entryFileNames: '[name].mjs' })
const { openStore } = await import(join(process.cwd(), out, 'openStore.mjs'))
const { toRow } = await import(join(process.cwd(), out, 'toRow.mjs'))

const T0 = Date.now() - 6 * 24 * 3600e3
const VITALS = [['LCP', 2500], ['INP', 200], ['CLS', 0.1], ['FCP', 1800], ['TTFB', 800]]
const PAGES = ['/', '/search', '/product/[id]', '/cart', '/checkout', '/account', '/help', '/blog/[slug]']
const AGENTS = [['Chrome', '124', 'Windows', 'desktop'], ['Safari', '17', 'iOS', 'mobile'], ['Firefox', '125', 'Linux', 'desktop'], ['Chrome', '124', 'Android', 'mobile']]

// One page view of a session: a page_view, five vitals, three actions, sometimes an error, a view_end.
function* events(count) {
  let n = 0
  for (let view = 0; n < count; view++) {
    const common = { sessionId: `s${Math.floor(view / 4)}`, viewId: `v${view}`, url: `https://shop.example${PAGES[view % 8].replace(/\[\w+\]/, String(view % 50))}`, route: PAGES[view % 8], app: 'shop', env: 'prod', release: `1.${view % 5}.0` }
    const time = T0 + view * 500
    const agent = AGENTS[view % 4]
    yield [agent, { ...common, id: `e${n++}`, type: 'page_view', time, referrer: '', navigationType: 'navigate' }]
    for (const [name, good] of VITALS) {
      const value = good * (0.3 + ((view * 7919 + name.length * 104729) % 1000) / 500)
      yield [agent, { ...common, id: `e${n++}`, type: 'vital', time: time + 100, name, value, delta: value, rating: value <= good ? 'good' : 'poor', metricId: `${name}-${view}` }]
    }
    for (let a = 0; a < 3; a++) yield [agent, { ...common, id: `e${n++}`, type: 'action', time: time + 200 + a, name: `click ${a}`, duration: a * 40, ok: a !== 2, source: 'click', frustration: view % 17 === 0 ? ['rage'] : undefined }]
    if (view % 10 === 0) yield [agent, { ...common, id: `e${n++}`, type: 'error', time: time + 300, message: `boom ${view % 30}`, errorType: 'TypeError', source: 'error', count: 1, fingerprint: 'x' }]
    yield [agent, { ...common, id: `e${n++}`, type: 'view_end', time: time + 400, duration: 400, visible: 400 }]
  }
}

const folder = mkdtempSync(join(tmpdir(), 'rumlet-bench-db-'))
const db = process.env.DB || join(folder, 'rum.duckdb')
if (!existsSync(db)) await fill(db)

async function fill(db) {
const store = await openStore(db)
let rows = []
const filling = Date.now()
for (const [[browser, browserVersion, os, device], event] of events(N)) {
  const error = event.type === 'error' ? { frames: [], fingerprint: `f${event.message}` } : undefined
  rows.push(toRow(event, { receivedAt: event.time, skew: 0, offset: 0, sdk: 'bench', userAgent: { browser, browserVersion, os, device } }, error))
  if (rows.length === 5000) await store.insert(rows.splice(0))
}
if (rows.length) await store.insert(rows)
await store.close()
console.error(`filled ${N} events in ${Date.now() - filling} ms`)
}

const child = spawn(process.execPath, [process.env.COLLECTOR || 'dist/collector.js', '--port', '0', '--db', db], { stdio: ['ignore', 'pipe', 'inherit'] })
const url = await new Promise((ready) => child.stdout.on('data', (chunk) => /listening on (\S+)/.test(chunk) && ready(/listening on (\S+)/.exec(chunk)[1])))
// Every GET route of the query API, the dashboard's and the alerts', as the dashboard asks them
// (src/collector/dashboard/views): its usual hour buckets, its list limits, and then once more
// each with the filters a dashboard view adds (a page, a release, a browser, a time range).
// The data spans about 14 hours from its first event (a page view every 500 ms; T0 of the run that
// filled the file): RANGE is its first 6 hours.
const [{ time: first }] = (await (await fetch(`${url}/api/events?limit=1`)).json()).events
const RANGE = `since=${first}&until=${first + 6 * 3600e3}`
const FILTERED = `release=1.2.0&page=%2Fcheckout`
const ROUTES = ['/api/vitals', '/api/vitals?by=page', '/api/vitals?by=release', '/api/vitals?by=browser', '/api/vitals?by=device', '/api/vitals/timeline?bucket=3600000',
  '/api/vitals/timeline?bucket=3600000&name=LCP', '/api/traffic?bucket=3600000', '/api/actions', '/api/errors', '/api/errors?limit=200', '/api/errors/fboom%200?bucket=3600000',
  '/api/loss', '/api/loss/timeline?bucket=3600000', '/api/sessions', '/api/sessions?limit=200', '/api/sessions/s1000', '/api/summary', '/api/events?type=error&limit=1000',
  '/api/breakdown?by=page', '/api/breakdown?by=release', '/api/breakdown?by=browser', '/api/breakdown?by=os', '/api/breakdown?by=device', '/api/releases', '/api/facets',
  '/api/alerts', '/api/stats',
  `/api/vitals?page=%2Fcheckout`, `/api/vitals/timeline?bucket=3600000&${FILTERED}`, `/api/traffic?bucket=3600000&${FILTERED}`, `/api/errors?limit=10&${FILTERED}`,
  `/api/breakdown?by=page&release=1.2.0&browser=Chrome`, `/api/releases?page=%2Fcheckout`, `/api/actions?${FILTERED}`, `/api/sessions?limit=200&browser=Safari`,
  `/api/summary?${FILTERED}`, `/api/summary?${RANGE}`, `/api/facets?${RANGE}`, `/api/errors/fboom%200?bucket=3600000&${RANGE}`]
// The collector's CPU time (all its threads, from /proc, 10 ms ticks): on a machine shared with
// other work the wall time says how much CPU the query got, this how much it needed.
const cpu = () => { const fields = readFileSync(`/proc/${child.pid}/stat`, 'utf8').split(') ')[1].split(' '); return (Number(fields[11]) + Number(fields[12])) * 10 }
console.log(`| route (${N.toLocaleString('en')} events; load average ${readFileSync('/proc/loadavg', 'utf8').split(' ')[0]}) | median ms | slowest ms | CPU ms per query |`)
console.log('| --- | ---: | ---: | ---: |')
try {
  for (const route of ROUTES) {
    const times = []
    const cpuBefore = cpu()
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now()
      const response = await fetch(url + route)
      if (response.status !== 200) throw new Error(`${route}: ${response.status} ${await response.text()}`)
      await response.arrayBuffer()
      times.push(performance.now() - start)
    }
    times.sort((a, b) => a - b)
    console.log(`| \`${route}\` | ${Math.round(times[times.length >> 1])} | ${Math.round(times[times.length - 1])} | ${Math.round((cpu() - cpuBefore) / RUNS)} |`)
  }
} finally {
  child.kill('SIGTERM')
}
await new Promise((done) => child.once('exit', done))
rmSync(folder, { recursive: true, force: true })
