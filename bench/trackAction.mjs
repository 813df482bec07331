// Benchmark: main-thread cost of rum.trackAction in bursts, and IndexedDB transactions per
// second while a burst is written. Real Chromium, real collector, the built script-tag bundle.
//   npm run build && node bench/trackAction.mjs
import { spawn } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { chromium } from '@playwright/test'
import { findChromium } from '../e2e/findChromium.mjs'

const RUNS = +(process.env.RUNS || 15)
const BURSTS = [1000, 10000]
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']

const collector = spawn(process.execPath, ['dist/collector.js', '--port', '0', '--db', ':memory:'], { stdio: ['ignore', 'pipe', 'inherit'] })
const collectorUrl = await new Promise((ready) =>
  collector.stdout.on('data', (chunk) => {
    const match = /listening on (\S+)/.exec(String(chunk))
    if (match) ready(match[1])
  }),
)

// Counts IndexedDB transactions, installed before rumlet loads.
const COUNT_TX = `<script>
  window.transactions = []
  const open = IDBDatabase.prototype.transaction
  IDBDatabase.prototype.transaction = function (...args) { transactions.push(performance.now()); return open.apply(this, args) }
</script>`
const page = `<!doctype html><meta charset="utf-8">${COUNT_TX}
<script src="/rumlet.js" data-endpoint="${collectorUrl}/rum" data-flush-interval="5000"></script>`
const site = createServer((request, response) => {
  if (request.url === '/rumlet.js') return response.writeHead(200, { 'Content-Type': 'text/javascript' }).end(readFileSync(process.env.BUNDLE || 'dist/rumlet.js'))
  response.writeHead(200, { 'Content-Type': 'text/html' }).end(page)
})
await new Promise((ready) => site.listen(0, '127.0.0.1', ready))
const siteUrl = `http://127.0.0.1:${site.address().port}/`

const browser = await chromium.launch({ executablePath: await findChromium({ install: false }), args: ARGS })
const median = (values) => values.sort((a, b) => a - b)[values.length >> 1]
const rows = []
for (const burst of BURSTS) {
  const perCall = []
  const warmPerCall = []
  const laterPerEvent = []
  const longest = []
  const txPerSecond = []
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext()
    const tab = await context.newPage()
    await tab.goto(siteUrl)
    await tab.evaluate(() => new Promise((idle) => requestIdleCallback(() => setTimeout(idle, 200))).then(() => rum.flush()))
    // Chromium's own count of main-thread task time, in µs.
    const cdp = await context.newCDPSession(tab)
    await cdp.send('Performance.enable')
    const busy = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value * 1e6
    // A burst, then 2 s: the time of the calls themselves, and all main-thread time in between
    // (the burst, the coalesced write, the sends, and whatever else the page does).
    const measure = async () => {
      const before = await busy()
      const result = await tab.evaluate(async (n) => {
        const before = transactions.length
        const start = performance.now()
        for (let i = 0; i < n; i++) rum.trackAction('bench', { i, plan: 'pro' })
        const took = performance.now() - start
        // The longest task after the burst's own (long tasks are those of 50 ms or more).
        let longest = 0
        const tasks = new PerformanceObserver((list) => {
          for (const task of list.getEntries()) if (task.startTime > start + took) longest = Math.max(longest, task.duration)
        })
        tasks.observe({ type: 'longtask' })
        await new Promise((done) => setTimeout(done, 2000))
        tasks.disconnect()
        return { took: took * 1000, tx: transactions.length - before, longest }
      }, burst)
      return { ...result, busy: (await busy()) - before }
    }
    const quiet = async () => {
      const before = await busy()
      await tab.evaluate(() => new Promise((done) => setTimeout(done, 2000)))
      return (await busy()) - before
    }
    // The page's main-thread time over 2 s without a burst, subtracted from what follows one.
    const idle = await quiet()
    // The first burst runs cold code; the second, after the JIT has seen it, is steady state.
    const first = await measure()
    const second = await measure()
    perCall.push(first.took / burst)
    warmPerCall.push(second.took / burst)
    laterPerEvent.push(Math.max(0, first.busy - first.took - idle) / burst)
    longest.push(first.longest)
    if (process.env.DEBUG_BENCH) console.log({ idle, first, second })
    txPerSecond.push(first.tx / 2)
    await context.close()
  }
  rows.push({
    burst,
    perCallUs: median(perCall),
    worstUs: Math.max(...perCall),
    warmUs: median(warmPerCall),
    laterUs: median(laterPerEvent),
    longestMs: Math.max(...longest),
    txPerSecond: median(txPerSecond),
  })
}
await browser.close()
site.close()
collector.kill()

console.log(
  `| burst | µs per call, first burst (median of ${RUNS}) | worst run | µs per call, second burst | µs per event later, off the caller's task | longest task after the burst, any run | IndexedDB transactions/s in the 2 s after |`,
)
console.log('| ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
for (const row of rows)
  console.log(
    `| ${row.burst.toLocaleString('en')} | ${row.perCallUs.toFixed(2)} | ${row.worstUs.toFixed(2)} | ${row.warmUs.toFixed(2)} | ${row.laterUs.toFixed(2)} | ${row.longestMs ? `${Math.round(row.longestMs)} ms` : 'none of 50 ms'} | ${row.txPerSecond} |`,
  )
