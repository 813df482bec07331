import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { resolve } from 'node:path'
import { deltaText, signed } from './deltaText.mjs'
import { median } from './median.mjs'

const ms = (v) => (v === undefined ? '—' : v.toFixed(1))
const int = (v) => (v === undefined ? '—' : Math.round(v).toLocaleString('en'))
const kb = (bytes) => (bytes / 1024).toFixed(1)

/** The version of an SDK as installed (bench/node_modules, or the root package.json for rumlet). */
function versionOf(sdk) {
  if (!sdk.package) return ''
  const file = sdk.id === 'rumlet' ? resolve(import.meta.dirname, '../../package.json') : resolve(import.meta.dirname, `../node_modules/${sdk.package}/package.json`)
  return JSON.parse(readFileSync(file, 'utf8')).version
}

/**
 * Prints the three tables of bench/RESULTS.md (markdown) from the runs: main thread at 1× CPU,
 * at 4× CPU, and what went over the wire and arrived. A Δ is the SDK's run less the no-SDK
 * run of the same round (pairs, so that a slow moment of the machine hits both), and its
 * median over the rounds, with the smallest and largest Δ.
 */
export function printResults({ sdks, results, files, machine }) {
  const print = (line = '') => console.log(line)
  const runsOf = (sdk, rate) => results.filter((r) => r.sdk === sdk.id && r.cpuRate === rate)
  const baseline = (r) => results.find((b) => b.sdk === 'none' && b.round === r.round)
  const deltas = (sdk, rate, pick) => runsOf(sdk, rate).map((r) => pick(r) - pick(baseline(r)))
  const cell = (sdk, rate, pick) => {
    if (sdk.id === 'none') {
      const values = runsOf(sdk, rate).map(pick)
      return `(${ms(median(values))} ms)`
    }
    return deltaText(deltas(sdk, rate, pick))
  }
  const gzip = (sdk) => Object.keys(sdk.files).reduce((sum, path) => sum + gzipSync(readFileSync(files[path]), { level: 9 }).length, 0)
  const label = (sdk) => `${sdk.name}${versionOf(sdk) ? ` ${versionOf(sdk)}` : ''}`
  const rounds1 = runsOf(sdks[0], 1).length
  const rounds4 = runsOf(sdks[0], 4).length

  print(`### Main thread, ${rounds1} interleaved run${rounds1 > 1 ? 's' : ''} at 1× CPU`)
  print()
  print('Δ over the page without any SDK in the same round, ms: median (smallest … largest). The baseline row gives its own time in brackets. TaskDuration and ScriptDuration are wall time; main-thread CPU is `ThreadTime`, which time the thread spends waiting for a core (another process) does not inflate. Long tasks: median count and total ms per run.')
  print()
  print('| SDK | gzip -9 loaded | load Δ TaskDuration | load Δ ScriptDuration | load Δ main-thread CPU | scenario Δ TaskDuration | scenario Δ ScriptDuration | scenario Δ main-thread CPU | µs per custom action (median, max) | long tasks at load | long tasks in the scenario | JS heap after, MB |')
  print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const sdk of sdks) {
    const runs = runsOf(sdk, 1)
    const us = runs.map((r) => r.usPerCall)
    const longs = (window) => `${median(runs.map((r) => r.longTasks[window].count))} (${int(median(runs.map((r) => r.longTasks[window].ms)))} ms)`
    print(
      `| ${label(sdk)} | ${sdk.id === 'none' ? '0' : int(gzip(sdk))} | ${cell(sdk, 1, (r) => r.load.task)} | ${cell(sdk, 1, (r) => r.load.script)} | ${cell(sdk, 1, (r) => r.load.cpu)} | ${cell(sdk, 1, (r) => r.scenario.task)} | ${cell(sdk, 1, (r) => r.scenario.script)} | ${cell(sdk, 1, (r) => r.scenario.cpu)} | ${sdk.id === 'none' || sdk.id === 'web-vitals' ? '—' : `${median(us).toFixed(2)} (${Math.max(...us).toFixed(2)})`} | ${longs('load')} | ${longs('scenario')} | ${(median(runs.map((r) => r.heap)) / 1e6).toFixed(2)} |`,
    )
  }
  if (rounds4) {
    print()
    print(`### At 4× CPU (\`Emulation.setCPUThrottlingRate\`), ${rounds4} run${rounds4 > 1 ? 's' : ''}`)
    print()
    print('Long tasks are all the page\'s, the baseline\'s included; "its own callbacks" are the SDK\'s scripts of 50 ms or more in long animation frames (a timer, an IndexedDB or fetch callback of its bundle; not the page\'s calls into it).')
    print()
    print('| SDK | load Δ TaskDuration | scenario Δ TaskDuration | scenario Δ ScriptDuration | long tasks at load | long tasks in the scenario | longest task | its own callbacks ≥ 50 ms (longest) |')
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
    for (const sdk of sdks) {
      const runs = runsOf(sdk, 4)
      const longs = (window) => `${median(runs.map((r) => r.longTasks[window].count))} (${int(median(runs.map((r) => r.longTasks[window].ms)))} ms)`
      print(`| ${label(sdk)} | ${cell(sdk, 4, (r) => r.load.task)} | ${cell(sdk, 4, (r) => r.scenario.task)} | ${cell(sdk, 4, (r) => r.scenario.script)} | ${longs('load')} | ${longs('scenario')} | ${int(median(runs.map((r) => r.longTasks.longest)))} ms | ${sdk.id === 'none' ? '—' : `${median(runs.map((r) => r.longTasks.ownCallbacks.count))} (${int(median(runs.map((r) => r.longTasks.ownCallbacks.longest)))} ms)`} |`)
    }
  }
  print()
  print(`### On the wire and delivered, ${rounds1} run${rounds1 > 1 ? 's' : ''} at 1× CPU`)
  print()
  print('Medians per run, from navigation to the end of the exit sends. Bytes are as sent (compressed where the SDK compresses); "wire" adds the request line and headers, preflights included. Events: every event the sink decoded (views, vitals, spans, actions, errors…). Arrived: distinct actions and errors of the scenario by the end of the scenario window → after the page was left.')
  print()
  print('| SDK | requests (preflights; compressed) | body KB | wire KB | events decoded | body B/event | wire B/event | actions arrived of 1,000 | errors arrived of 20 |')
  print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |')
  for (const sdk of sdks) {
    if (sdk.id === 'none') continue
    const runs = runsOf(sdk, 1)
    const m = (pick) => median(runs.map(pick))
    const events = m((r) => r.arrived.events)
    const perEvent = (pick) => (events ? (m((r) => pick(r) / Math.max(1, r.arrived.events))).toFixed(1) : '—')
    const spread = (pick) => {
      const values = runs.map(pick)
      return Math.min(...values) === Math.max(...values) ? `${values[0]}` : `${median(values)} (${Math.min(...values)}–${Math.max(...values)})`
    }
    const arrived = (key, total) => (sdk.id === 'web-vitals' ? '—' : `${spread((r) => r.inWindow[key])} → ${spread((r) => r.arrived[key])}`)
    const undecoded = m((r) => r.arrived.undecoded)
    print(
      `| ${label(sdk)} | ${int(m((r) => r.requests))} (${int(m((r) => r.requests - r.posts))}; ${int(m((r) => r.compressed))}) | ${kb(m((r) => r.bodyBytes))} | ${kb(m((r) => r.wireBytes))} | ${int(events)}${undecoded ? ` (+${undecoded} requests undecoded)` : ''} | ${perEvent((r) => r.bodyBytes)} | ${perEvent((r) => r.wireBytes)} | ${arrived('actions')} | ${arrived('errors')} |`,
    )
  }
  const rumlet = sdks.find((s) => s.id === 'rumlet')
  if (rumlet) {
    const stored = runsOf(rumlet, 1).map((r) => r.stored)
    print()
    print(`rumlet's collector stored, per run: ${stored.map((s) => `${s.actions}/1000 actions, ${s.errors}/20 errors`).join('; ')}.`)
  }
  printTargets({ sdks, runsOf, deltas, print })
  print()
  print('### Stand-ins for `trackAction`')
  print()
  for (const sdk of sdks) if (sdk.standIn) print(`- ${sdk.name}: ${sdk.standIn}`)
  print()
  print(`Machine: ${machine.cpus} × ${machine.cpu}, load average ${machine.load.map((l) => l.toFixed(1)).join(' → ')} (start → end); Chromium ${machine.chromium}; Node ${machine.node}; ${machine.minutes.toFixed(1)} min.`)
}

/**
 * Issue 13's targets for rumlet, as this run measured them (reported, not asserted): scenario
 * TaskDuration Δ at most half of the cheapest peer's, load TaskDuration Δ within 10 ms of
 * web-vitals alone, no long task at 4× CPU, every action and error delivered, ≤ 16 B per event.
 */
function printTargets({ sdks, runsOf, deltas, print }) {
  const rumlet = sdks.find((s) => s.id === 'rumlet')
  const vitals = sdks.find((s) => s.id === 'web-vitals')
  const peers = sdks.filter((s) => !['none', 'rumlet', 'web-vitals'].includes(s.id))
  if (!rumlet || !runsOf(rumlet, 1).length) return
  const scenario = (sdk) => median(deltas(sdk, 1, (r) => r.scenario.task))
  const load = (sdk) => median(deltas(sdk, 1, (r) => r.load.task))
  const runs = runsOf(rumlet, 1)
  const verdict = (ok) => (ok ? 'met' : '**missed**')
  print()
  print('### Issue 13\'s targets, this run')
  print()
  if (peers.length) {
    const cheapest = peers.reduce((a, b) => (scenario(a) <= scenario(b) ? a : b))
    const actions = median(runsOf(cheapest, 1).map((r) => r.arrived.actions))
    print(`- Scenario Δ TaskDuration at most half of the cheapest peer's: rumlet ${signed(scenario(rumlet))} ms, cheapest peer ${cheapest.name} ${signed(scenario(cheapest))} ms (which delivered ${actions} of the 1,000 actions), half is ${signed(scenario(cheapest) / 2)}: ${verdict(scenario(rumlet) <= scenario(cheapest) / 2)}.`)
  }
  if (vitals) print(`- Load Δ TaskDuration within 10 ms of web-vitals alone: rumlet ${signed(load(rumlet))} ms, web-vitals ${signed(load(vitals))} ms: ${verdict(load(rumlet) <= load(vitals) + 10)}.`)
  const throttled = runsOf(rumlet, 4)
  if (throttled.length) {
    const long = (rs) => rs.map((r) => `${r.longTasks.load.count + r.longTasks.scenario.count} (longest ${Math.round(r.longTasks.longest)} ms)`).join(', ')
    const own = throttled.map((r) => `${r.longTasks.ownCallbacks.count}${r.longTasks.ownCallbacks.count ? ` (longest ${Math.round(r.longTasks.ownCallbacks.longest)} ms)` : ''}`).join(', ')
    print(`- No long task from rumlet at 4× CPU: rumlet's own callbacks of 50 ms or more: ${own}; all long tasks of its page: ${long(throttled)}, of the page without SDK: ${long(runsOf(sdks[0], 4))}: ${verdict(throttled.every((r) => r.longTasks.ownCallbacks.count === 0))}.`)
  }
  print(`- 1000/1000 actions and 20/20 errors: ${runs.map((r) => `${r.arrived.actions}/${r.arrived.errors}`).join(', ')} per run: ${verdict(runs.every((r) => r.arrived.actions === 1000 && r.arrived.errors === 20))}.`)
  const perEvent = runs.map((r) => r.bodyBytes / r.arrived.events)
  print(`- At most 16 bytes per event on the wire (body): median ${median(perEvent).toFixed(1)} (per run ${perEvent.map((b) => b.toFixed(1)).join(', ')}): ${verdict(median(perEvent) <= 16)}.`)
}
