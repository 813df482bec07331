// How long the dashboard's /api/summary takes as the store grows: the collector's store and
// queries (compiled from src/ here), a DuckDB file of N events of a realistic mix, then the four
// summary queries, together as the server runs them and one by one, RUNS runs each.
//   node bench/summary.mjs            (N=100000,1000000 by default)
//   N=250000 RUNS=5 node bench/summary.mjs
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { rollup } from 'rollup'
import typescript from '@rollup/plugin-typescript'

const SIZES = (process.env.N || '100000,1000000').split(',').map(Number)
const RUNS = Number(process.env.RUNS || 5)

// The store and the queries, compiled from src/ as the collector's build does.
const bundle = await rollup({
  input: ['src/collector/openStore.ts', 'src/collector/dashboardQueries.ts'],
  external: [/^node:/, /^@duckdb\//],
  onwarn: () => {},
  plugins: [typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false } })],
})
// Inside node_modules, so that the compiled store finds @duckdb/node-api.
const out = join('node_modules', '.cache', 'rumlet-bench')
mkdirSync(out, { recursive: true })
await bundle.write({ dir: out, format: 'es', entryFileNames: '[name].mjs' })
const { openStore } = await import(join(process.cwd(), out, 'openStore.mjs'))
const queries = await import(join(process.cwd(), out, 'dashboardQueries.mjs'))

const T0 = Date.now() - 6 * 24 * 3600e3
const VITALS = [['LCP', 2500], ['INP', 200], ['CLS', 0.1], ['FCP', 1800], ['TTFB', 800]]
const PAGES = ['/', '/search', '/product/1', '/product/2', '/cart', '/checkout', '/account', '/help']

// One page view of a session: a page_view, five vitals, a few actions, sometimes an error, a view_end.
function* events(count) {
  let n = 0
  for (let view = 0; n < count; view++) {
    const session = `s${Math.floor(view / 4)}`
    const time = T0 + view * 500
    const common = { sessionId: session, viewId: `v${view}`, url: `https://shop.example${PAGES[view % PAGES.length]}`, app: 'shop', env: 'prod', release: '1.0.0' }
    yield { ...common, id: `e${n++}`, type: 'page_view', time, referrer: '', navigationType: 'navigate' }
    for (const [name, good] of VITALS) {
      const value = good * (0.3 + ((view * 7919 + name.length * 104729) % 1000) / 500)
      yield { ...common, id: `e${n++}`, type: 'vital', time: time + 100, name, value, delta: value, rating: value <= good ? 'good' : 'poor', metricId: `${name}-${view}` }
    }
    for (let a = 0; a < 3; a++) yield { ...common, id: `e${n++}`, type: 'action', time: time + 200 + a, name: `click ${a}`, duration: 0, ok: true, source: 'click' }
    if (view % 10 === 0)
      yield { ...common, id: `e${n++}`, type: 'error', time: time + 300, message: `boom ${view % 30}`, errorType: 'TypeError', source: 'onerror', count: 1, fingerprint: `f${view % 30}` }
    yield { ...common, id: `e${n++}`, type: 'view_end', time: time + 400, duration: 400, visible: 400 }
  }
}

console.log('| events stored | /api/summary, ms (median of ' + RUNS + ') | vitals | by page | errors | sessions | a batch of 50 stored meanwhile, ms |')
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const size of SIZES) {
  const folder = mkdtempSync(join(tmpdir(), 'rumlet-bench-db-'))
  const store = await openStore(join(folder, 'rum.duckdb'))
  let batch = []
  for (const event of events(size)) {
    batch.push(event)
    if (batch.length === 5000) await store.insert(batch.splice(0), 'bench')
  }
  if (batch.length) await store.insert(batch, 'bench')
  const filter = { since: 0 }
  const tail = [...events(size + 50)].slice(size)
  const timings = { all: [], vitals: [], byPage: [], errors: [], sessions: [], ingest: [] }
  const names = { vitals: queries.VITALS, byPage: queries.VITALS_BY_PAGE, errors: queries.ERROR_GROUPS, sessions: queries.SESSIONS }
  for (let run = 0; run < RUNS; run++) {
    const fresh = tail.map((event) => ({ ...event, id: `run${run}-${event.id}` }))
    let start = performance.now()
    const summary = Promise.all(Object.values(names).map((sql) => store.summarize(sql, filter)))
    // Ingest while the dashboard reads: how long a sender waits for its answer.
    const ingestStart = performance.now()
    await store.insert(fresh, 'bench')
    timings.ingest.push(performance.now() - ingestStart)
    await summary
    timings.all.push(performance.now() - start)
    for (const [name, sql] of Object.entries(names)) {
      start = performance.now()
      await store.summarize(sql, filter)
      timings[name].push(performance.now() - start)
    }
  }
  const median = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)].toFixed(0)
  console.log(`| ${size.toLocaleString('en')} | ${median(timings.all)} | ${median(timings.vitals)} | ${median(timings.byPage)} | ${median(timings.errors)} | ${median(timings.sessions)} | ${median(timings.ingest)} |`)
  await store.close()
  rmSync(folder, { recursive: true, force: true })
}
rmSync(out, { recursive: true, force: true })
