// Side-by-side benchmark: rumlet and the SDKs users pick instead, on one page and one scenario,
// interleaved, each sending to a sink on 127.0.0.1 (rumlet to its real collector). See RESULTS.md.
//   npm run bench:install && npm run bench      (npm run bench builds rumlet first)
//   RUNS=5 THROTTLED=1 ONLY=rumlet,sentry OUT=runs.json node bench/sideBySide.mjs
import { existsSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { resolve } from 'node:path'
import { chromium } from '@playwright/test'
import { findChromium } from '../e2e/findChromium.mjs'
import { CHROMIUM_ARGS } from './lib/chromiumArgs.mjs'
import { printResults } from './lib/printResults.mjs'
import { runScenario } from './lib/runScenario.mjs'
import { startCollector } from './lib/startCollector.mjs'
import { startSink } from './lib/startSink.mjs'
import { startSite } from './lib/startSite.mjs'
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

const collector = await startCollector()
const sink = await startSink({ passThrough: collector.url })
const site = await startSite({ sdks: SDKS, sinkUrl: sink.url })

const results = []
const began = Date.now()
const loadBefore = loadavg()[0]
let browser
let chromiumVersion
try {
  const executablePath = await findChromium({ install: false })
  if (!executablePath) throw new Error('no Chromium found: set CHROMIUM_PATH')
  browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })
  chromiumVersion = browser.version()
  const once = (sdk, run, cpuRate) => runScenario({ browser, pageUrl: site.pageUrl(sdk, run), sink, collector, sdk, run, cpuRate })
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
  await browser?.close()
  await site.stop()
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
printResults({ sdks: SDKS, results, files: site.files, machine })
