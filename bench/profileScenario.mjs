// Where an SDK's main-thread time goes in the scenario of sideBySide.mjs: V8's sampling profiler
// (CDP Profiler, a sample every 100 µs) over the scenario window of RUNS runs, self time summed
// by function and by where the code comes from. The profiler's own cost inflates every number
// a little; read the shares, not the totals.
//   node bench/profileScenario.mjs [sdk id, default rumlet]      RUNS=3 SAVE=1 (keeps .cpuprofile files in bench/.build) CPU=4 (throttled)
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { TraceMap } from '@jridgewell/trace-mapping'
import { chromium } from '@playwright/test'
import { findChromium } from '../e2e/findChromium.mjs'
import { CHROMIUM_ARGS } from './lib/chromiumArgs.mjs'
import { runScenario } from './lib/runScenario.mjs'
import { selfTimes } from './lib/selfTimes.mjs'
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

const sdk = [none, webVitals, rumlet, elastic, sentry, faro, datadog].find((s) => s.id === (process.argv[2] || 'rumlet'))
if (!sdk) throw new Error(`unknown SDK ${process.argv[2]}`)
const RUNS = Number(process.env.RUNS || 3)
if (sdk.build) await sdk.build()

const collector = await startCollector()
const sink = await startSink({ passThrough: collector.url })
const site = await startSite({ sdks: [sdk], sinkUrl: sink.url })
let browser
const profiles = []
try {
  browser = await chromium.launch({ executablePath: await findChromium({ install: false }), args: CHROMIUM_ARGS })
  await runScenario({ browser, pageUrl: site.pageUrl(sdk, 'warmup'), sink, collector, sdk, run: 'warmup' })
  for (let i = 0; i < RUNS; i++) {
    const result = await runScenario({ browser, pageUrl: site.pageUrl(sdk, `profile-${i}`), sink, collector, sdk, run: `profile-${i}`, profile: true, cpuRate: Number(process.env.CPU || 1) })
    profiles.push(result.cpuProfile)
    if (process.env.SAVE) writeFileSync(resolve(import.meta.dirname, `.build/${sdk.id}-${i}.cpuprofile`), JSON.stringify(result.cpuProfile))
  }
} finally {
  await browser?.close()
  await site.stop()
  await sink.stop()
  await collector.stop()
}

// The bundles that ship a source map beside them (rumlet's does) get their functions named.
const maps = {}
for (const [path, file] of Object.entries(sdk.files)) if (existsSync(`${file}.map`)) maps[path] = new TraceMap(readFileSync(`${file}.map`, 'utf8'))
const { byFunction, bySource, total } = selfTimes(profiles, Object.keys(sdk.files), maps)
const share = (ms) => `${((100 * ms) / total).toFixed(1)} %`
console.log(`${sdk.name}: ${(total / RUNS).toFixed(1)} ms of samples per scenario window (mean of ${RUNS}), idle excluded\n`)
console.log('| where | ms per run | share |')
console.log('| --- | ---: | ---: |')
for (const [where, ms] of bySource.slice(0, 12)) console.log(`| ${where} | ${(ms / RUNS).toFixed(1)} | ${share(ms)} |`)
console.log('\n| function (self time) | where | ms per run | share |')
console.log('| --- | --- | ---: | ---: |')
for (const [name, where, ms] of byFunction.slice(0, 30)) console.log(`| \`${name}\` | ${where} | ${(ms / RUNS).toFixed(1)} | ${share(ms)} |`)
