// The main-thread CPU that one part of the side-by-side scenario costs rumlet, build against
// build: steadier than sideBySide.mjs's whole-page Δ (CPU time spreads by a few ms between runs
// where the whole page's task time spreads by tens), so it tells whether a change to the snippet
// helps before the long run says by how much.
//
//   node bench/pathCost.mjs [build.js | name=build.js | web-vitals …]     default: dist/rumlet.js
//   OP=burst|clicks|errors|load  RUNS=9 (an odd count: the median is then one run)
//
// `web-vitals` (no file) is web-vitals alone, as the side-by-side bench loads it (its IIFE from
// bench/node_modules, `npm run bench:install`, and the five `on*` calls): a reference for OP=load.
//
// Each run is a fresh browser context on a page of its own (15 buttons, the build's script tag
// with `data-endpoint`) served from 127.0.0.1; the build sends to the bench's sink
// (bench/lib/startSink.mjs: every POST answered 202), whose requests of the run are decoded to
// count the actions and errors. 2.5 s after the load (the page view written and everything of the
// load done) it reads the renderer main thread's CPU time (CDP `Performance.getMetrics`,
// `ThreadTime`), runs the part of the scenario, waits until the sink has every event of it plus
// 300 ms (8 s at most: then it says so; the page without SDK, and web-vitals alone, wait 1 s and 300 ms: an idle
// page's CPU is about 0.1 ms a second, so the longer waits of the builds bias nothing measurable),
// and reads it again:
//   burst: 1,000 `rum.trackAction('bench', { i, plan: 'pro' })` in one task of the page, until
//          sent and acknowledged: recording, finishing, serializing, the IndexedDB write and
//          read, gzip, the POSTs, the acknowledgements;
//   clicks: 15 clicks through CDP Input, 100 ms apart, one per button, until sent (they wait for
//          the 5 s interval: an idle page's cost over those seconds is included, and is small);
//   errors: 20 distinct uncaught errors thrown in timers 20 ms apart, until sent (within 1 s);
//   load:   the load window instead: from before the navigation to the page's load event + 1 s
//           (by its own clock), task time (`TaskDuration`) beside CPU. Task time includes the
//           navigation itself and spreads by tens of ms between runs: read its Δ with care.
// A page with no SDK runs the same part in each round; a Δ is the median over the rounds of a
// build's run less that round's page without SDK (as in sideBySide.mjs). With several builds,
// each after the first is also compared with the first, round by round (last line: the median
// of the paired differences, with the smallest and largest; it need not equal the difference
// of the two medians in the table). Runs are interleaved
// (each round runs every page once, starting one further along), after one warm-up round.
import { createServer } from 'node:http'
import { readFileSync } from 'node:fs'
import { chromium } from '@playwright/test'
import { findChromium } from '../e2e/findChromium.mjs'
import { bodyText } from './lib/bodyText.mjs'
import { deltaText } from './lib/deltaText.mjs'
import { CHROMIUM_ARGS } from './lib/chromiumArgs.mjs'
import { median } from './lib/median.mjs'
import { startSink } from './lib/startSink.mjs'
import { webVitals } from './sdks/webVitals.mjs'

const OP = process.env.OP || 'burst'
const RUNS = Number(process.env.RUNS || 9)
const WANT = { burst: 1000, clicks: 15, errors: 20, load: 0 }[OP]
if (WANT === undefined) throw new Error(`OP must be burst, clicks, errors or load, not ${OP}`)
// The side-by-side bench's web-vitals alone (bench/sdks/webVitals.mjs): its IIFE, then the
// inline script of its page head, beaconing to this sink.
const webVitalsAlone = () =>
  readFileSync(webVitals.files['/sdk/web-vitals.iife.js'], 'utf8') + ';\n' + /<script>([\s\S]*)<\/script>/.exec(webVitals.head(''))[1]
const builds = (process.argv.slice(2).length ? process.argv.slice(2) : ['dist/rumlet.js']).map((arg, i) => {
  if (arg === 'web-vitals') return { name: arg, source: webVitalsAlone(), silent: true }
  const [name, file] = arg.includes('=') ? arg.split('=') : [i ? `build${i}` : 'rumlet', arg]
  return { name, source: readFileSync(file) }
})
// Pages that send nothing of the scenario (no SDK, web-vitals alone) wait 1 s, not for events.
const pages = [{ name: 'no SDK', silent: true }, ...builds]

// Every POST goes to the bench's sink (answered 202, kept per run); this server only serves the
// page and the builds. The web-vitals beacon (at hide, never in a measured window) comes here.
const sink = await startSink({})
// Actions and errors the sink has decoded for a run.
const arrived = (run) =>
  sink.requests(run).reduce((count, request) => {
    try {
      return count + JSON.parse(bodyText(request)).events.filter((event) => event.type === 'action' || event.type === 'error').length
    } catch {
      return count
    }
  }, 0)
const server = createServer((req, res) => {
  if (req.method === 'POST') return req.resume(), res.writeHead(204).end()
  const build = builds.find((b) => req.url === `/${b.name}.js`)
  if (build) return res.writeHead(200, { 'content-type': 'text/javascript' }), res.end(build.source)
  const url = new URL(req.url, 'http://page')
  const name = decodeURIComponent(url.pathname.slice(1))
  const endpoint = `${sink.url}/r/${url.searchParams.get('run')}/rum`
  const script = builds.some((b) => b.name === name) ? `<script src="/${name}.js" data-endpoint="${endpoint}" data-app="bench"></script>` : ''
  const buttons = Array.from({ length: 15 }, (_, i) => `<button onclick="this.textContent += '.'">Add ${i}</button>`).join('')
  res.writeHead(200, { 'content-type': 'text/html' })
  res.end(`<!doctype html><title>path cost</title>${script}<div>${buttons}</div>`)
})
await new Promise((listening) => server.listen(0, '127.0.0.1', listening))
const origin = `http://127.0.0.1:${server.address().port}`

const browser = await chromium.launch({ executablePath: await findChromium({ install: false }), args: CHROMIUM_ARGS })
const cpu = {}
const task = {}
const late = []
try {
  for (let round = -1; round < RUNS; round++)
    for (let k = 0; k < pages.length; k++) {
      const { name, silent } = pages[(k + Math.max(round, 0)) % pages.length]
      const run = `${round + 1}-${k}`
      const address = `${origin}/${encodeURIComponent(name)}?run=${run}`
      const context = await browser.newContext()
      const page = await context.newPage()
      const cdp = await context.newCDPSession(page)
      await cdp.send('Performance.enable')
      const metric = async (key) => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === key).value * 1000
      const threadTime = () => metric('ThreadTime')
      if (OP === 'load') {
        const [cpuBefore, taskBefore] = [await threadTime(), await metric('TaskDuration')]
        await page.goto(address, { waitUntil: 'load' })
        await page.evaluate(() => new Promise((done) => setTimeout(done, performance.getEntriesByType('navigation')[0].loadEventEnd + 1000 - performance.now())))
        if (round >= 0) (cpu[name] ||= []).push((await threadTime()) - cpuBefore), (task[name] ||= []).push((await metric('TaskDuration')) - taskBefore)
        await context.close()
        continue
      }
      await page.goto(address)
      await page.waitForTimeout(2500)
      const centers = await page.evaluate(() => [...document.querySelectorAll('button')].map((b) => { const r = b.getBoundingClientRect(); return [r.x + r.width / 2, r.y + r.height / 2] }))
      const before = arrived(run)
      const cpuBefore = await threadTime()
      if (OP === 'burst') await page.evaluate(() => new Promise((done) => setTimeout(() => { try { for (let i = 0; i < 1000; i++) window.rum && rum.trackAction('bench', { i, plan: 'pro' }) } finally { done() } })))
      if (OP === 'clicks') for (const [x, y] of centers) await page.mouse.click(x, y), await page.waitForTimeout(100)
      if (OP === 'errors') await page.evaluate(() => new Promise((done) => { for (let i = 0; i < 20; i++) setTimeout(() => { throw new Error(`bench error ${i}`) }, 20 * i); setTimeout(done, 400) }))
      const start = Date.now()
      const limit = silent ? 1000 : 8000
      while (arrived(run) - before < WANT && Date.now() - start < limit) await page.waitForTimeout(50)
      await page.waitForTimeout(300)
      const ms = (await threadTime()) - cpuBefore
      if (!silent && arrived(run) - before < WANT) late.push(`${name}: ${arrived(run) - before} of ${WANT} arrived in round ${round}`)
      if (round >= 0) (cpu[name] ||= []).push(ms)
      await context.close()
    }
} finally {
  await browser.close()
  server.close()
  await sink.stop()
}

// The Δ of `name` over `base`: the median over the rounds of its run less base's run of the same
// round, with the smallest and largest of those differences.
const delta = (runs, name, base) => deltaText(runs[name].map((ms, round) => ms - runs[base][round]))
// A page's median, and its Δ over the page without SDK.
const columns = (runs, name) => `${median(runs[name]).toFixed(1)} | ${name === 'no SDK' ? '' : delta(runs, name, 'no SDK')} |`
console.log(`${OP}: main-thread CPU (ThreadTime)${OP === 'load' ? ' and task time (TaskDuration)' : ''}, ms, ${RUNS} interleaved runs\n`)
console.log(`| page | CPU median | CPU Δ over no SDK (smallest … largest) |${OP === 'load' ? ' task time median | task time Δ (smallest … largest) |' : ''}`)
console.log(`| --- | ---: | ---: |${OP === 'load' ? ' ---: | ---: |' : ''}`)
for (const { name } of pages) console.log(`| ${name} | ${columns(cpu, name)}${OP === 'load' ? ` ${columns(task, name)}` : ''}`)
// Build against build, paired by round: what a change costs or saves, without the page's own spread.
const [first, ...others] = builds.map((build) => build.name)
if (others.length) console.log(`\nOver ${first}, the same rounds: ${others.map((name) => `${name} CPU ${delta(cpu, name, first)}${OP === 'load' ? `, task time ${delta(task, name, first)}` : ''}`).join('; ')}`)
if (late.length) console.log(`\nNot all arrived within 8 s: ${late.join('; ')}`)
