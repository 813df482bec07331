import { tally } from './tally.mjs'

const ACTIONS = 1000
const ERRORS = 20
// After the scenario's last second, the sends it caused: done when the sink has had no request
// of this run for 1 s, or 8 s later at most (Datadog's timer flush is 30 s: not waited for).
const QUIET_MS = 1000
const SENDS_LIMIT_MS = 8000
// After leaving the page: the exit sends (beacons, keepalive fetches), 3 s at most.
const EXIT_LIMIT_MS = 3000

/**
 * One run of one SDK in a fresh browser context (empty cache and storage): the load window
 * (navigation → load + 1 s), then the scenario (1,000 custom actions in one task, 15 real
 * clicks 100 ms apart, 20 uncaught errors 20 ms apart, 1 s, and the sends it caused), then the
 * page is left, as a user leaves it, for the exit sends. Main-thread time is Chromium's own
 * count (CDP `Performance.getMetrics`: `TaskDuration` and `ScriptDuration`, wall time, and
 * `ThreadTime`, the main thread's CPU time, which other processes on a busy machine disturb
 * less; in s, cumulative for the renderer), read at the start and end of each window.
 * With `profile`, V8's sampling profiler also records the scenario window (`cpuProfile`).
 */
export async function runScenario({ browser, pageUrl, sink, collector, sdk, run, cpuRate = 1, profile = false }) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
  try {
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Performance.enable')
    if (cpuRate > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpuRate })
    const metrics = async () => {
      const values = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
      return { task: values.TaskDuration * 1000, script: values.ScriptDuration * 1000, cpu: values.ThreadTime * 1000 }
    }

    const start = await metrics()
    const startedAt = Date.now()
    await page.goto(pageUrl, { waitUntil: 'load' })
    // Load + 1 s by the page's own clock (its load event, not when Playwright heard of it).
    const scenarioStart = await page.evaluate(
      () =>
        new Promise((done) => {
          const end = performance.getEntriesByType('navigation')[0].loadEventEnd + 1000
          setTimeout(() => done(performance.now()), Math.max(0, end - performance.now()))
        }),
    )
    const loaded = await metrics()
    if (profile) {
      // A sample every 100 µs: a call of 2 µs is caught about once in 50 (V8's default is 1 ms).
      await cdp.send('Profiler.enable')
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
      await cdp.send('Profiler.start')
    }

    const usPerCall = await page.evaluate((n) => bench.actions(n), ACTIONS)
    for (const [x, y] of await page.evaluate(() => bench.buttons())) {
      await page.mouse.click(x, y)
      await page.waitForTimeout(100)
    }
    await page.evaluate((n) => bench.errors(n), ERRORS)
    await page.waitForTimeout(1000)
    const sendsDone = await sink.quiet(run, QUIET_MS, SENDS_LIMIT_MS)
    const done = await metrics()
    const cpuProfile = profile ? (await cdp.send('Profiler.stop')).profile : undefined
    const scenarioEnd = await page.evaluate(() => performance.now())

    const tasks = await page.evaluate(() => longTasks)
    const inWindow = (from, to) => tasks.filter(([at]) => at >= from && at < to)
    const longLoad = inWindow(0, scenarioStart)
    const longScenario = inWindow(scenarioStart, scenarioEnd)
    // The SDK's own callbacks (scripts of its files, not the page's calls into it) of 50 ms or more.
    const ownLong = (await page.evaluate(() => longScripts)).filter(
      ([at, url, duration]) => duration >= 50 && at < scenarioEnd && url && new URL(url).pathname in sdk.files,
    )
    const windowRequests = sink.requests(run).length
    // What the page keeps after the scenario, garbage collected first.
    await cdp.send('HeapProfiler.collectGarbage')
    const heap = (await cdp.send('Runtime.getHeapUsage')).usedSize

    // Leave the page the way a user does (pagehide, visibilitychange → hidden): the exit sends.
    await page.goto('about:blank')
    await sink.quiet(run, QUIET_MS, EXIT_LIMIT_MS)
    const requests = sink.requests(run)
    const posts = requests.filter((r) => r.method === 'POST')
    return {
      sdk: sdk.id,
      run,
      cpuRate,
      startedAt,
      load: { task: loaded.task - start.task, script: loaded.script - start.script, cpu: loaded.cpu - start.cpu },
      scenario: { task: done.task - loaded.task, script: done.script - loaded.script, cpu: done.cpu - loaded.cpu, ms: scenarioEnd - scenarioStart, sendsDone },
      longTasks: {
        load: { count: longLoad.length, ms: longLoad.reduce((sum, [, d]) => sum + d, 0) },
        scenario: { count: longScenario.length, ms: longScenario.reduce((sum, [, d]) => sum + d, 0) },
        longest: Math.max(0, ...tasks.map(([, d]) => d)),
        ownCallbacks: { count: ownLong.length, longest: Math.max(0, ...ownLong.map(([, , d]) => d)) },
      },
      usPerCall,
      heap,
      requests: requests.length,
      posts: posts.length,
      compressed: posts.filter((r) => (r.body[0] === 0x1f && r.body[1] === 0x8b) || r.headers['content-encoding']).length,
      bodyBytes: posts.reduce((sum, r) => sum + r.body.length, 0),
      wireBytes: requests.reduce((sum, r) => sum + r.wire, 0),
      inWindow: tally(sdk, requests.slice(0, windowRequests)),
      arrived: tally(sdk, requests),
      stored: sdk.stored ? await sdk.stored(collector, startedAt) : undefined,
      cpuProfile,
    }
  } finally {
    await context.close()
  }
}
