import { readFileSync } from 'node:fs'

// What the collector's load benchmarks send and how they read its cost: bench/ingest.mjs (over
// HTTP, autocannon) and bench/ingestStore.mjs (the store alone) use the same batches.

/** The User-Agent header of every batch: a desktop Chrome. */
export const USER_AGENT = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36'

/**
 * A maker of request bodies: each call returns the JSON text of one batch of `perBatch` events
 * with ids never used before, a realistic mix (half vitals, 3 in 10 actions, a page view and an
 * error in every ten), `sentAt` and the event times in epoch ms from now. With `rereport` (0–1)
 * that share of the vitals is a later report of a metric sent ten batches before (web-vitals
 * reports CLS and INP again when the page is hidden); by default every metric is new.
 */
export function createBatchBodies(perBatch = 100, rereport = 0) {
  const every = rereport > 0 ? Math.round(1 / rereport) : 0
  let vitals = 0
  let n = 0
  return function body() {
    const time = Date.now()
    const events = []
    for (let i = 0; i < perBatch; i++) {
      const common = { id: `b${n++}`, time: time - i, sessionId: `s${n % 5000}`, viewId: `v${n % 20000}`, url: `https://shop.example/product/${n % 100}?ref=x`, route: '/product/[id]', app: 'shop', env: 'prod', release: '1.4.2' }
      const kind = i % 10
      if (kind < 5) events.push({ ...common, type: 'vital', name: ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'][kind], value: 1000 + (n % 3000), delta: 10, rating: 'good', metricId: every && ++vitals % every === 0 && n > 10 * perBatch ? `m${n - 10 * perBatch}` : `m${n}` })
      else if (kind < 8) events.push({ ...common, type: 'action', name: 'add_to_cart', duration: 40, ok: true, source: 'click', attributes: { sku: 'TEA-01', qty: 2 } })
      else if (kind === 8) events.push({ ...common, type: 'page_view', referrer: 'https://search.example/', navigationType: 'navigate', ttfb: 120, fcp: 800 })
      else events.push({ ...common, type: 'error', message: `Cannot read properties of undefined (reading 'x${n % 7}')`, errorType: 'TypeError', stack: 'TypeError: x\n    at addToCart (https://shop.example/assets/app.min.js:1:2045)\n    at HTMLButtonElement.<anonymous> (https://shop.example/assets/app.min.js:1:3120)', source: 'error', count: 1, fingerprint: 'f' })
    }
    return JSON.stringify({ schema: 1, sdk: '0.1.0', sentAt: time, events })
  }
}

// Linux counts CPU time in clock ticks of 10 ms (USER_HZ) in /proc/PID/stat fields 14 and 15.
const TICK_MS = 10
const cpuOf = (file) => {
  try {
    const fields = readFileSync(file, 'utf8').split(') ')[1].split(' ')
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS
  } catch {
    return NaN
  }
}

/**
 * CPU time so far of process `pid`, in ms: of every thread (`process`: DuckDB's too) and of its
 * main thread alone (`main`). NaN once the process is gone. On a shared machine throughput says
 * how much CPU the collector got; this, what it needed.
 */
export const cpuTime = (pid) => ({ process: cpuOf(`/proc/${pid}/stat`), main: cpuOf(`/proc/${pid}/task/${pid}/stat`) })

/** The 1-minute load average. */
export const loadAverage = () => readFileSync('/proc/loadavg', 'utf8').split(' ')[0]
