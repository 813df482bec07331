import type { ActionEvent, DroppedEvent } from '../src/wire'
import { afterFirstSend } from './afterFirstSend'
import { expect, test } from './fixtures'
import { startSite } from './startSite'
import { tagPage } from './tagPage'

const SEED = 20251122
const RANDOM_CALLS = 5000
/**
 * Twenty times the 5,000 events memory holds: enough to exercise the cap and its drop count. Its
 * speed is bench/trackAction.mjs's to measure (the time is only reported here), not a timed test's.
 */
const LOOP_CALLS = 100_000

let site: Awaited<ReturnType<typeof startSite>> | undefined
test.afterEach(async () => {
  await site?.close()
  site = undefined
})

/**
 * Runs in the page: calls every public function of `window.rum` (and the handles startAction
 * returns) `calls` times with arguments drawn by a seeded PRNG from values a page may pass by
 * mistake. Returns what escaped: exceptions thrown to the caller and promises that rejected.
 */
async function fuzz({ seed, calls }: { seed: number; calls: number }) {
  // mulberry32: a tiny seeded PRNG, so that a failure replays with the same seed.
  let state = seed
  const random = () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]
  const thrower = () => {
    throw new Error('trap')
  }

  const circular: Record<string, unknown> = { name: 'circular' }
  circular.self = circular
  const bare = Object.create(null)
  bare.toString = 'not a function'
  bare.__proto__ = 'a key'
  const manyKeys = Object.fromEntries(Array.from({ length: 200 }, (_, i) => [`k${i}`, i]))
  const handled = Promise.reject(new Error('handled'))
  handled.catch(() => {})
  const values: unknown[] = [
    // numbers and flags
    undefined, null, NaN, Infinity, -Infinity, -0, 0, 1, -1, 1e308, 2 ** 53 + 1, true, false, 10n, 2n ** 200n,
    // strings: empty, huge (1e6 UTF-16 units), past the collector's 8,192 for a URL, lone surrogates, NUL
    '', 'ok', 'x'.repeat(1e6), '/search?q=' + 'a'.repeat(10_000), '\u{1F600}\uD800é'.repeat(250_000), '\uD800', '\u0000', '<script>', 'a'.repeat(300),
    'granted', 'pending', 'denied', 'https://evil.example/?token=secret', 'javascript:alert(1)', 'http://[', '?a=1#b',
    // symbols and functions
    Symbol('s'), Symbol.iterator, () => 1, thrower, class {},
    // objects: circular, without prototype, 200 keys, arrays, collections
    circular, bare, manyKeys, {}, [], [1, [2, [3]]], new Array(5), new Uint8Array(8), new Map([[1, 2]]), new WeakMap(),
    // objects that throw when looked at
    new Proxy({}, { get: thrower }),
    new Proxy({}, { get: thrower, ownKeys: thrower, has: thrower, getPrototypeOf: thrower, getOwnPropertyDescriptor: thrower }),
    new Proxy({}, { ownKeys: () => ['a', 'b'], getOwnPropertyDescriptor: () => ({ value: 1, enumerable: true, configurable: true }), get: thrower }),
    { toString: thrower, valueOf: thrower, toJSON: thrower },
    { get message() { return thrower() } },
    // errors and error-like values
    { message: 'x'.repeat(1e6), stack: 'y'.repeat(1e6), name: 'z'.repeat(1e6) },
    { message: 42, stack: {}, name: null },
    Object.assign(new Error('symbol name'), { name: Symbol('n') }),
    new Error('plain'), new TypeError('type'), new DOMException('dom', 'AbortError'), new Date(NaN), /re/g, handled,
    // the DOM
    document, document.body, document.createElement('div'), document.createTextNode('t'), window, location, navigator,
    // options-like objects (for init and setAttributes)
    { endpoint: 'javascript:alert(1)' }, { sampleRate: 2, beforeSend: thrower }, { a: 1, b: 'x'.repeat(1e6), c: true, d: null, e: {} },
  ]
  const args = () => Array.from({ length: Math.floor(random() * 4) }, () => pick(values))

  const rum = (window as any).rum as Record<string, (...args: unknown[]) => unknown>
  const functions = Object.keys(rum).filter((name) => typeof rum[name] === 'function')
  const handles: Record<string, (...args: unknown[]) => unknown>[] = []
  const thrown: string[] = []
  const promises: Promise<unknown>[] = []
  const call = (name: string, fn: (...args: unknown[]) => unknown, target: unknown) => {
    try {
      const result = fn.apply(target, args()) as any
      if (result && typeof result.then === 'function') promises.push(result)
      if (name === 'startAction' && result) handles.push(result)
    } catch (e) {
      thrown.push(`${name}: ${e instanceof Error ? e.message : Object.prototype.toString.call(e)}`)
    }
  }
  for (let i = 0; i < calls; i++) {
    const name = pick(functions)
    call(name, rum[name], rum)
    if (handles.length && random() < 0.2) {
      const handle = pick(handles)
      const end = pick(['end', 'fail'])
      call(end, handle[end], handle)
    }
  }
  const rejected = (await Promise.allSettled(promises)).filter((p) => p.status === 'rejected').length
  return { functions, thrown, promises: promises.length, rejected }
}

test('random calls to every public function and 100,000 trackActions neither throw into the page nor stop recording', async ({ page, collector }) => {
  test.setTimeout(90_000)
  const pageErrors: string[] = []
  // rumlet itself never logs errors; Chromium logs a request the collector refused (a lost or
  // stuck batch) as one.
  const consoleErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(`${message.text()} (${message.location().url})`))
  // Listening before rumlet loads: a rejection rumlet leaves unhandled anywhere is seen.
  await page.addInitScript(() => {
    const w = window as any
    w.rejections = []
    addEventListener('unhandledrejection', (event) => w.rejections.push(String(event.reason)))
  })
  site = await startSite({ '/': tagPage(collector.url) })
  await page.goto(`${site.url}/`)
  await afterFirstSend(page)

  const started = Date.now()
  const result = await page.evaluate(fuzz, { seed: SEED, calls: RANDOM_CALLS })
  const fuzzMs = Date.now() - started
  expect(result.functions.sort()).toEqual(
    ['explainAction', 'flush', 'getSessionId', 'init', 'setAttributes', 'setConsent', 'setUser', 'startAction', 'trackAction', 'trackError', 'trackPageView', 'use'].sort(),
  )
  expect(result.promises).toBeGreaterThan(0) // flush was called
  expect.soft(result.thrown, 'exceptions thrown to the caller').toEqual([])
  expect.soft(result.rejected, 'promises of flush() that rejected').toBe(0)
  expect.soft(pageErrors, 'page errors during the random calls').toEqual([])
  expect.soft(consoleErrors, 'console errors during the random calls').toEqual([])

  // Back to a known state (the fuzz may have denied consent, set a user and 50 global
  // attributes), everything sent, then 100,000 actions in one task: memory keeps the newest
  // 5,000 and counts the rest as dropped.
  const loop = await page.evaluate(
    async (n) => {
      const rum = (window as any).rum
      rum.setConsent('granted')
      rum.setUser(null)
      await rum.flush()
      const start = performance.now()
      let i = 0
      while (i < n) rum.trackAction(`loop_${i++}`)
      const ms = performance.now() - start
      rum.trackAction('after_fuzz')
      const flushStart = performance.now()
      await rum.flush()
      return { calls: i, ms: Math.round(ms), flushMs: Math.round(performance.now() - flushStart) }
    },
    LOOP_CALLS,
  )
  const timing = `${RANDOM_CALLS} random calls: ${fuzzMs} ms; ${loop.calls} trackActions: ${loop.ms} ms (${((loop.ms * 1000) / loop.calls).toFixed(1)} µs each); flush after them: ${loop.flushMs} ms`
  test.info().annotations.push({ type: 'timing', description: timing })
  console.log(timing)

  // flush resolved once the collector had stored it all.
  const actions = (await collector.events({ type: 'action', limit: '100000' })) as ActionEvent[]
  expect(actions.filter((e) => e.name === 'after_fuzz')).toHaveLength(1)
  const stored = actions.filter((e) => e.name.startsWith('loop_'))
  // The newest are kept, the oldest dropped and counted.
  expect(stored.length).toBeLessThanOrEqual(5000)
  expect(stored.map((e) => e.name)).toContain(`loop_${loop.calls - 1}`)
  const dropped = (await collector.events({ type: 'dropped', limit: '100000' })) as DroppedEvent[]
  const queueFull = dropped.reduce((sum, e) => sum + (e.counts.queue_full || 0), 0)
  expect(queueFull).toBeGreaterThanOrEqual(loop.calls - 5000)

  expect(pageErrors).toEqual([])
  expect(await page.evaluate(() => (window as any).rejections)).toEqual([])
  expect(consoleErrors).toEqual([])
})

// Found by the test above: inputs a page passes every day that the collector refused.

test('a name cut at 256 characters inside an emoji is stored, and does not hold back the events after it', async ({ page, collector }) => {
  site = await startSite({ '/': tagPage(collector.url) })
  await page.goto(`${site.url}/`)
  await afterFirstSend(page)
  // 255 characters and an emoji (two UTF-16 units): rumlet keeps 256 units, half the emoji.
  const long = 'a'.repeat(255) + '\u{1F600}'
  await page.evaluate(async (long) => {
    const rum = (window as any).rum
    rum.trackAction(long)
    rum.trackAction('next')
    await rum.flush()
  }, long)
  const names = ((await collector.events({ type: 'action' })) as ActionEvent[]).map((e) => e.name)
  expect(names).toHaveLength(2)
  expect(names[0].startsWith('a'.repeat(255)) && names[0].length <= 256).toBe(true)
  expect(names[1]).toBe('next')
})

test('a page view of a 10,000-character URL does not cost the events sent with it', async ({ page, collector }) => {
  site = await startSite({ '/': tagPage(collector.url) })
  await page.goto(`${site.url}/`)
  await afterFirstSend(page)
  await page.evaluate(async () => {
    const rum = (window as any).rum
    rum.trackAction('before')
    rum.trackPageView('/search?q=' + 'a'.repeat(10_000))
    rum.trackAction('after')
    await rum.flush()
  })
  const actions = (await collector.events({ type: 'action' })) as ActionEvent[]
  expect(actions.map((e) => e.name)).toEqual(['before', 'after'])
})
