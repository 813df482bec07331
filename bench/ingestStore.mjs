// The store's share of ingest, without HTTP or autocannon: the bench mix of bench/ingest.mjs
// (100-event batches, new ids) goes through createIngest into a sink that keeps the rows, then
// into openStore on a new DuckDB file, GROUP rows at a time (the group commit's groups). Prints
// the CPU per 1,000 rows of each part, the process's (all threads) and the main thread's, from
// /proc. Compiles the TypeScript of SRC (this checkout by default), as bench/queries.mjs does, so
// two source trees compare on the same machine without building either:
//   node bench/ingestStore.mjs                          (GROUP=800 TOTAL=100000)
//   GROUP=5000 node bench/ingestStore.mjs               (what 64 senders make)
//   SRC=/path/to/other/checkout node bench/ingestStore.mjs
//   TOTAL=500000 SEGMENT=100000 node bench/ingestStore.mjs   (also each 100,000 events' cost in turn)
//   REREPORT=0.2 node bench/ingestStore.mjs              (a fifth of the vitals re-report an earlier metric)
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { rollup } from 'rollup'
import typescript from '@rollup/plugin-typescript'
import { cpuTime, createBatchBodies, loadAverage, USER_AGENT } from './lib/ingestMix.mjs'

const SRC = resolve(process.env.SRC || '.')
const GROUP = Number(process.env.GROUP || 800)
const TOTAL = Number(process.env.TOTAL || 100_000)
const SEGMENT = Number(process.env.SEGMENT || 0)

// Inside this checkout (bench/cache/, git-ignored), so that the compiled store finds
// @duckdb/node-api in its node_modules, which may be a link shared with other checkouts and is
// not written to.
const out = resolve('bench', 'cache', 'rumlet-bench-store', Buffer.from(SRC).toString('hex').slice(-24))
const here = process.cwd()
process.chdir(SRC) // the TypeScript plugin reads tsconfig.json's include from the working folder
const bundle = await rollup({
  input: ['src/collector/store/openStore.ts', 'src/collector/ingest/createIngest.ts'],
  external: (id) => /^(node:|@?[a-z])/.test(id),
  onwarn: () => {},
  plugins: [typescript({ tsconfig: './tsconfig.json', compilerOptions: { noEmit: false, declaration: false } })],
})
mkdirSync(out, { recursive: true })
await bundle.write({ dir: out, format: 'es', entryFileNames: '[name].mjs' })
process.chdir(here)
const { openStore } = await import(join(out, 'openStore.mjs'))
const { createIngest } = await import(join(out, 'createIngest.mjs'))

const REREPORT = Number(process.env.REREPORT || 0)
const body = createBatchBodies(100, REREPORT)
const cpu = () => cpuTime(process.pid)
const perK = (ms) => ((ms / TOTAL) * 1000).toFixed(1)
const load = loadAverage

const bodies = Array.from({ length: TOTAL / 100 }, body)
const batches = []
const ingest = createIngest({ sink: { insert: async (rows) => (batches.push(rows), { stored: rows.length, duplicates: 0 }) } })
let before = cpu()
for (const text of bodies) await ingest(text, { userAgent: USER_AGENT })
let after = cpu()
console.log(`${SRC}: parse, validate, enrich, rows: ${perK(after.process - before.process)} ms per 1,000 events (main thread ${perK(after.main - before.main)})`)

const folder = mkdtempSync(join(tmpdir(), 'rumlet-bench-store-'))
const path = join(folder, 'rum.duckdb')
const store = await openStore(path)
before = cpu()
// One insert of GROUP rows is one group commit of that size (concurrent inserts would split:
// the first starts a commit alone, the rest wait and go in together).
// With SEGMENT, also the cost of each SEGMENT events in turn: how it grows with what is stored.
let segment = { at: 0, cpu: before }
for (let i = 0; i < batches.length; i += GROUP / 100) {
  await store.insert(batches.slice(i, i + GROUP / 100).flat())
  const done = Math.min(i + GROUP / 100, batches.length) * 100
  if (SEGMENT && done - segment.at >= SEGMENT) {
    const now = cpu()
    const k = (ms) => ((ms / (done - segment.at)) * 1000).toFixed(1)
    console.log(`  events ${segment.at.toLocaleString('en')}–${done.toLocaleString('en')}: ${k(now.process - segment.cpu.process)} ms per 1,000 events (main thread ${k(now.main - segment.cpu.main)})`)
    segment = { at: done, cpu: now }
  }
}
after = cpu()
const wal = existsSync(`${path}.wal`) ? statSync(`${path}.wal`).size : 0
console.log(`store, groups of ${GROUP} rows: ${perK(after.process - before.process)} ms per 1,000 events (main thread ${perK(after.main - before.main)}); WAL ${Math.round(wal / TOTAL)} bytes an event; load average ${load()}`)
await store.close()
rmSync(folder, { recursive: true, force: true })
