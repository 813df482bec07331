// Side-by-side benchmark: rumlet and the SDKs users pick instead, on one page and one scenario,
// interleaved, each sending to a sink on 127.0.0.1 (rumlet to its real collector). See RESULTS.md.
//   npm run build && npm run bench:install && npm run bench
//   RUNS=5 THROTTLED=1 ONLY=rumlet,sentry OUT=results.json npm run bench
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { cpus, loadavg } from 'node:os'
import { resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { findChromium } from '../e2e/findChromium.mjs'
import { CHROMIUM_ARGS } from './lib/chromiumArgs.mjs'
import { printResults } from './lib/printResults.mjs'
import { runScenario } from './lib/runScenario.mjs'
import { startCollector } from './lib/startCollector.mjs'
import { startSink } from './lib/startSink.mjs'
import { datadog } from './sdks/datadog.mjs'
import { elastic } from './sdks/elastic.mjs'
import { faro } from './sdks/faro.mjs'
import { none } from './sdks/none.mjs'
import { rumlet } from './sdks/rumlet.mjs'
import { sentry } from './sdks/sentry.mjs'
import { webVitals } from './sdks/webVitals.mjs'

const RUNS = Number(process.env.RUNS || 5)
const THROTTLED = Number(process.env.THROTTLED ?? 1) // rounds at 4× CPU
const ONLY = process.env.ONLY?.split(',')
const SDKS = [none, webVitals, rumlet, elastic, sentry, faro, datadog].filter((sdk) => sdk.id === 'none' || !ONLY || ONLY.includes(sdk.id))

if (!existsSync(resolve(import.meta.dirname, '../dist/rumlet.js'))) throw new Error('dist/rumlet.js is missing: npm run build first')
if (!existsSync(resolve(import.meta.dirname, 'node_modules/@sentry/browser'))) throw new Error('the peers are not installed: npm run bench:install first')
await sentry.build()

// Every file a page can load, read once: the server answers from memory.
const FILES = { '/pages/scenario.js': resolve(import.meta.dirname, 'pages/scenario.js'), '/pages/bench.css': resolve(import.meta.dirname, 'pages/bench.css') }
for (const sdk of SDKS) Object.assign(FILES, sdk.files)
const BODIES = Object.fromEntries(Object.entries(FILES).map(([path, file]) => [path, readFileSync(file)]))
const PAGE = readFileSync(resolve(import.meta.dirname, 'pages/bench.html'), 'utf8')
const TYPES = { js: 'text/javascript', css: 'text/css' }

const collector = await startCollector()
const sink = await startSink({ passThrough: collector.url })
const site = createServer((request, response) => {
  const url = new URL(request.url, 'http://x')
  // no-store: every run loads every byte, as a first visit does.
  const headers = { 'Cache-Control': 'no-store' }
  if (url.pathname === '/page') {
    const sdk = SDKS.find((s) => s.id === url.searchParams.get('sdk'))
    const html = PAGE.replace('<!--SDK-->', sdk.head(`${sink.url}/r/${url.searchParams.get('run')}`))
    return response.writeHead(200, { ...headers, 'Content-Type': 'text/html; charset=utf-8' }).end(html)
  }
  const body = BODIES[url.pathname]
  if (!body) return response.writeHead(404).end()
  response.writeHead(200, { ...headers, 'Content-Type': TYPES[url.pathname.split('.').pop()] }).end(body)
})
await new Promise((ready) => site.listen(0, '127.0.0.1', ready))
const siteUrl = `http://127.0.0.1:${site.address().port}`

const executablePath = await findChromium({ install: false })
if (!executablePath) throw new Error('no Chromium found: set CHROMIUM_PATH')
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
const chromiumVersion = browser.version()
const results = []
const began = Date.now()
const loadBefore = loadavg()[0]
try {
  const once = (sdk, run, cpuRate) => runScenario({ browser, pageUrl: `${siteUrl}/page?sdk=${sdk.id}&run=${run}`, sink, collector, sdk, run, cpuRate })
  // One run of every SDK first, not counted: the first contexts of a browser pay for starting it.
  for (const sdk of SDKS) await once(sdk, `warmup-${sdk.id}`, 1)
  // Interleaved: round r runs every SDK once, starting one further along the list each round,
  // so that no SDK always follows the same one.
  const rounds = [...Array(RUNS).fill(1), ...Array(THROTTLED).fill(4)]
  for (const [round, cpuRate] of rounds.entries()) {
    for (let k = 0; k < SDKS.length; k++) {
      const sdk = SDKS[(round + k) % SDKS.length]
      const result = await once(sdk, `${sdk.id}-${round}`, cpuRate)
      results.push({ ...result, round })
      console.error(`round ${round + 1}/${rounds.length} (${cpuRate}× CPU) ${sdk.id}: load ${result.load.task.toFixed(1)} ms, scenario ${result.scenario.task.toFixed(1)} ms, ${result.arrived.actions} actions, ${result.arrived.errors} errors`)
    }
  }
} finally {
  await browser.close()
  site.close()
  await sink.stop()
  await collector.stop()
}

const machine = {
  cpus: cpus().length,
  cpu: cpus()[0].model,
  // 1-minute load averages: other work on the machine shows here, and in wider ranges.
  load: [loadBefore, loadavg()[0]],
  chromium: chromiumVersion,
  node: process.version,
  minutes: (Date.now() - began) / 60000,
}
if (process.env.OUT) writeFileSync(process.env.OUT, JSON.stringify({ machine, results }, null, 1))
printResults({ sdks: SDKS, results, files: FILES, machine })
