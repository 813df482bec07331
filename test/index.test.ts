// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionEvent, ErrorEvent, PageViewEvent } from '../src/wire'
import { ENDPOINT, QUIET, T0, fetchMock, freshPage, idle, loadRum, sent } from './fakePage'

beforeEach(freshPage)

const actions = () => sent().filter((e): e is ActionEvent => e.type === 'action')

describe('calls before init', () => {
  it('run at init, in the order made, each with the time it was made', async () => {
    const rum = await loadRum()
    rum.trackAction('a')
    vi.setSystemTime(T0 + 1000)
    rum.setUser('u1')
    rum.setAttributes({ plan: 'pro' })
    vi.setSystemTime(T0 + 2000)
    rum.trackAction('b')
    vi.setSystemTime(T0 + 3000)
    rum.setUser(null)
    rum.trackError(new Error('boom'))
    vi.setSystemTime(T0 + 9000)
    rum.init(QUIET)
    await rum.flush()
    const events = sent().map((e) => [e.type, e.time, e.userId, e.attributes])
    expect(events).toEqual([
      ['action', T0, undefined, undefined],
      ['action', T0 + 2000, 'u1', { plan: 'pro' }],
      ['error', T0 + 3000, undefined, { plan: 'pro' }],
    ])
  })

  it('are kept up to 1000; later ones are ignored and counted as queue_full', async () => {
    const rum = await loadRum()
    for (let i = 0; i < 1003; i++) rum.trackAction(`a${i}`)
    rum.init(QUIET)
    await rum.flush()
    const names = actions().map((e) => e.name)
    expect(names).toHaveLength(1000)
    expect(names).not.toContain('a1000')
    expect(sent().filter((e) => e.type === 'dropped').map((e) => e.counts)).toEqual([{ queue_full: 3 }])
  })
})

it('ignores a second init', async () => {
  const rum = await loadRum()
  rum.init({ ...QUIET, app: 'first' })
  rum.init({ ...QUIET, app: 'second', endpoint: 'https://other.test/rum' })
  rum.trackAction('a')
  await rum.flush()
  expect(sent().map((e) => e.app)).toEqual(['first'])
  expect(fetchMock.mock.calls.map(([url]) => url)).toEqual([ENDPOINT])
})

describe('startAction', () => {
  it('end records the duration, ok: true and the start and end attributes merged, once', async () => {
    const rum = await loadRum()
    rum.init(QUIET)
    const upload = rum.startAction('upload', { kind: 'avatar', step: 1 })
    vi.setSystemTime(T0 + 1500)
    upload.end({ bytes: 42, step: 2 })
    upload.end()
    upload.fail(new Error('late'))
    await rum.flush()
    expect(actions()).toMatchObject([{ name: 'upload', time: T0, duration: 1500, ok: true, source: 'api', attributes: { kind: 'avatar', step: 2, bytes: 42 } }])
    expect(actions()[0].error).toBeUndefined()
  })

  it('fail records ok: false with the error message (an Error, a string, or none)', async () => {
    const rum = await loadRum()
    rum.init(QUIET)
    const pay = rum.startAction('pay')
    const save = rum.startAction('save')
    const load = rum.startAction('load')
    vi.setSystemTime(T0 + 200)
    pay.fail(new TypeError('card declined'), { retry: true })
    save.fail('quota')
    load.fail()
    pay.end()
    await rum.flush()
    const byName = Object.fromEntries(actions().map((e) => [e.name, e]))
    expect(actions()).toHaveLength(3)
    expect(byName.pay).toMatchObject({ ok: false, error: 'card declined', duration: 200, attributes: { retry: true } })
    expect(byName.save).toMatchObject({ ok: false, error: 'quota' })
    expect(byName.load.ok).toBe(false)
    expect(byName.load.error).toBeUndefined()
  })
})

describe('attributes that cannot be read', () => {
  const trap = () => {
    throw new Error('lazy getter')
  }

  it('an action whose attributes have a getter that throws is recorded without them (setAttributes\'s kept), with a warning, and nothing dropped; so is one whose attributes are no object', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const rum = await loadRum()
    rum.init({ ...QUIET, debug: true })
    rum.setAttributes({ app: 'shop' })
    rum.trackAction('checkout', { plan: 'pro', get price() { return trap() } } as never)
    rum.startAction('upload', { kind: 'avatar', get size() { return trap() } } as never).end({ bytes: 42 })
    rum.startAction('save', { kind: 'draft' }).fail('quota', { get type() { return trap() } } as never)
    // Not an object at all: ignored the same way, as before.
    rum.startAction('open', 'plan=pro' as never).end()
    await rum.flush()
    expect(actions().map((e) => [e.name, e.attributes])).toEqual([
      ['checkout', { app: 'shop' }],
      ['upload', { app: 'shop', bytes: 42 }],
      ['save', { app: 'shop', kind: 'draft' }],
      ['open', { app: 'shop' }],
    ])
    expect(sent().filter((e) => e.type === 'dropped')).toEqual([])
    const lines = warn.mock.calls.map((call) => call.join(' '))
    expect(lines.filter((line) => line.startsWith('[rumlet] attributes dropped: Error: lazy getter'))).toHaveLength(3)
    expect(lines).toContain('[rumlet] attributes must be an object: plan=pro')
  })

  it('an action whose attributes are a proxy that throws is recorded without them, and a "__proto__" key stays a key', async () => {
    const rum = await loadRum()
    rum.init(QUIET)
    const proxy = new Proxy({}, { ownKeys: trap, get: trap, getOwnPropertyDescriptor: trap })
    rum.trackAction('proxied', proxy as never)
    rum.startAction('started', proxy as never).end({ step: 2 })
    rum.trackAction('parsed', JSON.parse('{"__proto__": "a key", "plan": "pro"}'))
    await rum.flush()
    expect(JSON.stringify(actions().map((e) => [e.name, e.attributes]))).toBe('[["proxied",null],["started",{"step":2}],["parsed",{"__proto__":"a key","plan":"pro"}]]')
  })
})

describe('trackError', () => {
  const circular: Record<string, unknown> = { a: 1 }
  circular.self = circular
  it.each([
    ['an Error', new RangeError('out of range'), 'RangeError', 'out of range'],
    ['a string', 'oops', 'string', 'oops'],
    ['an object', { code: 42 }, 'Object', '{"code":42}'],
    ['a circular object', circular, 'Object', '{"a":1}'],
    ['a Symbol', Symbol('s'), 'symbol', 'Symbol(s)'],
    ['undefined', undefined, 'undefined', 'undefined'],
    ['an object without prototype', Object.assign(Object.create(null), { a: 1 }), 'Object', '{"a":1}'],
    ['an instance of a class', new (class Declined { code = 'card' })(), 'Declined', 'Declined {"code":"card"}'],
    ['a function whose toString throws', Object.assign(() => {}, { toString: () => JSON.parse('{') }), 'function', '[object function]'],
  ])('records %s', async (_, value, errorType, message) => {
    const rum = await loadRum()
    rum.init(QUIET)
    expect(() => rum.trackError(value, { step: 'pay' })).not.toThrow()
    await rum.flush()
    const [event] = sent() as ErrorEvent[]
    expect(event).toMatchObject({ type: 'error', errorType, message, source: 'api', count: 1, attributes: { step: 'pay' } })
    expect(event.fingerprint).toMatch(/^[0-9a-z]+$/)
    if (value instanceof Error) expect(event.stack).toContain('out of range')
  })
})

it('trackPageView ignores a URL that does not parse, with a warning, and the view goes on', async () => {
  const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
  const rum = await loadRum()
  rum.init({ ...QUIET, debug: true })
  rum.trackAction('before')
  rum.trackPageView('http://[')
  rum.trackAction('after')
  await rum.flush()
  expect(sent().map((e) => e.type)).toEqual(['action', 'action'])
  expect(new Set(sent().map((e) => e.viewId)).size).toBe(1)
  expect(warn.mock.calls.map((call) => call.join(' '))).toEqual([expect.stringContaining('trackPageView needs a URL string')])
})

it('trackPageView starts a new view for later events, with the last view as referrer', async () => {
  history.replaceState(null, '', '/home')
  const rum = await loadRum()
  rum.init(QUIET)
  rum.trackAction('before')
  vi.setSystemTime(T0 + 1)
  rum.trackPageView('/cart', { step: 1 })
  vi.setSystemTime(T0 + 2)
  rum.trackAction('after')
  vi.setSystemTime(T0 + 3)
  rum.trackPageView('https://shop.test/checkout')
  await rum.flush()
  const events = sent()
  const [before, cart, after, checkout] = events.filter((e) => e.type !== 'view_end') as [ActionEvent, PageViewEvent, ActionEvent, PageViewEvent]
  // Each new view ends the one before it.
  expect(events.filter((e) => e.type === 'view_end').map((e) => e.viewId)).toEqual([before.viewId, cart.viewId])
  expect(cart).toMatchObject({ type: 'page_view', url: 'http://localhost:3000/cart', referrer: 'http://localhost:3000/home', navigationType: 'manual', attributes: { step: 1 } })
  expect(cart.viewId).not.toBe(before.viewId)
  expect(after.viewId).toBe(cart.viewId)
  expect(checkout).toMatchObject({ url: 'https://shop.test/checkout', referrer: 'http://localhost:3000/cart' })
  expect(checkout.viewId).not.toBe(cart.viewId)
})

it('setUser sets the userId of later events; null clears it and other types are ignored', async () => {
  const rum = await loadRum()
  rum.init(QUIET)
  const steps: [unknown, string][] = [[undefined, 'a'], ['u-1', 'b'], [42, 'c'], [{ id: 1 }, 'd'], [null, 'e']]
  steps.forEach(([user, name], i) => {
    vi.setSystemTime(T0 + i)
    if (user !== undefined) rum.setUser(user as string)
    rum.trackAction(name)
  })
  await rum.flush()
  expect(actions().map((e) => e.userId)).toEqual([undefined, 'u-1', '42', '42', undefined])
})

it('setAttributes merges into later events: per-call attributes win, null removes a key', async () => {
  const rum = await loadRum()
  rum.init(QUIET)
  rum.setAttributes({ plan: 'pro', ab: 'A' })
  rum.trackAction('a', { ab: 'B' })
  vi.setSystemTime(T0 + 1)
  rum.setAttributes({ tier: 2, plan: null })
  rum.trackAction('b')
  await rum.flush()
  expect(actions().map((e) => e.attributes)).toEqual([{ plan: 'pro', ab: 'B' }, { ab: 'A', tier: 2 }])
})

it('records attributes as they were at the call: the page may reuse the object it passed', async () => {
  const rum = await loadRum()
  rum.init(QUIET)
  const attributes: Record<string, number> = { step: 1 }
  rum.trackAction('a', attributes)
  attributes.step = 2
  attributes.extra = 3
  rum.trackAction('b', attributes)
  await rum.flush()
  expect(actions().map((e) => e.attributes)).toEqual([{ step: 1 }, { step: 2, extra: 3 }])
})

it('leaves the checking, scrubbing and beforeSend out of the caller\'s task, and keeps the moment of the call', async () => {
  const rum = await loadRum()
  const beforeSend = vi.fn((event) => event)
  rum.init({ ...QUIET, beforeSend })
  history.replaceState(null, '', '/page?token=abc')
  rum.setUser('u1')
  rum.trackAction('a', { ok: 1, bad: {} as never })
  rum.setUser('u2')
  history.replaceState(null, '', '/elsewhere')
  expect(beforeSend).not.toHaveBeenCalled()
  await rum.flush()
  expect(beforeSend.mock.calls.filter(([event]) => event.type === 'action')).toHaveLength(1)
  const [event] = actions()
  expect(event.id).toMatch(/\w{17,}/)
  expect(event.sessionId).toBeTruthy()
  expect(event.userId).toBe('u1')
  expect(new URL(event.url).pathname + new URL(event.url).search).toBe('/page?token=redacted')
  expect(event.attributes).toEqual({ ok: 1 })
})

it('keeps attributes within limits: 64-character keys, 1024-character values, 50 keys', async () => {
  const rum = await loadRum()
  rum.init(QUIET)
  rum.trackAction('sizes', { ['k'.repeat(64)]: 1, ['k'.repeat(65)]: 2, fits: 'v'.repeat(1024), long: 'v'.repeat(1025) })
  rum.setAttributes(Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`g${i}`, i])))
  vi.setSystemTime(T0 + 1)
  rum.trackAction('many', Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`a${i}`, i])))
  await rum.flush()
  const [sizes, many] = actions()
  expect(Object.keys(sizes.attributes!)).toEqual(['k'.repeat(64), 'fits', 'long'])
  expect(sizes.attributes!.fits).toHaveLength(1024)
  expect(sizes.attributes!.long).toHaveLength(1024)
  expect(Object.keys(many.attributes!)).toHaveLength(50)
  expect(many.attributes).toHaveProperty('g29')
  expect(many.attributes).toHaveProperty('a19')
  expect(many.attributes).not.toHaveProperty('a20')
})

it('getSessionId is undefined before init, while consent is pending and until the session is read; then the events’ session', async () => {
  const rum = await loadRum()
  expect(rum.getSessionId()).toBeUndefined()
  rum.init({ ...QUIET, consent: 'pending' })
  expect(rum.getSessionId()).toBeUndefined()
  rum.setConsent('granted')
  // Asking starts reading the session from IndexedDB, shared by the origin's tabs.
  expect(rum.getSessionId()).toBeUndefined()
  await idle()
  const id = rum.getSessionId()
  expect(id).toMatch(/^[0-9a-z]{16,}$/)
  rum.trackAction('a')
  await rum.flush()
  expect(sent()[0].sessionId).toBe(id)
})

/** mulberry32: a tiny seeded PRNG, so a failing run can be replayed exactly. */
function mulberry32(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

it('never throws into the page, nor rejects unhandled, whatever the arguments (seeded fuzz)', async () => {
  vi.spyOn(console, 'warn').mockImplementation(() => {})
  const rejections: unknown[] = []
  const onRejection = (reason: unknown) => rejections.push(reason)
  process.on('unhandledRejection', onRejection)
  const random = mulberry32(20250115)
  const pick = <T>(list: T[]): T => list[Math.floor(random() * list.length)]
  const circular: Record<string, unknown> = { name: 'loop' }
  circular.self = circular
  const trap = () => {
    throw new Error('trap')
  }
  const huge = 'x'.repeat(1e6)
  const pool: unknown[] = [
    undefined, null, 0, -1, 42, NaN, Infinity, -Infinity, '', 'checkout', huge, '/p?token=t', 'granted', 'pending', 'denied',
    Symbol('s'), () => 1, circular, [], [1, 'a', null], Object.create(null), Object.assign(Object.create(null), { plan: 'pro' }),
    10n, { plan: 'pro', n: 1 }, { [huge]: 1, long: huge }, new Error('e'), { endpoint: ENDPOINT },
    new Proxy({}, { get: trap }),
    new Proxy({ message: 'm' }, { get: trap, ownKeys: trap, has: trap, getPrototypeOf: trap, getOwnPropertyDescriptor: trap }),
  ]
  const rum = await loadRum()
  const handles: ReturnType<typeof rum.startAction>[] = []
  const calls: Record<string, (...args: unknown[]) => unknown> = {
    ...(rum as unknown as Record<string, (...args: unknown[]) => unknown>),
    end: (...args) => pick(handles)?.end(...(args as [])),
    fail: (...args) => pick(handles)?.fail(...args),
  }
  const names = Object.keys(calls).filter((name) => typeof calls[name] === 'function')
  expect(names).toEqual(expect.arrayContaining(['init', 'trackAction', 'startAction', 'trackError', 'trackPageView', 'setUser', 'setAttributes', 'setConsent', 'flush', 'getSessionId']))
  const thrown: unknown[] = []
  const pending: unknown[] = []
  const step = (name: string) => {
    const args = Array.from({ length: Math.floor(random() * 4) }, () => pick(pool))
    try {
      const result = calls[name](...args)
      if (name === 'startAction') handles.push(result as ReturnType<typeof rum.startAction>)
      if (result instanceof Promise) pending.push(result)
    } catch (e) {
      thrown.push([name, e])
    }
    vi.setSystemTime(Date.now() + Math.floor(random() * 1000))
  }
  for (let i = 0; i < 1500; i++) step(pick(names.filter((name) => name !== 'init')))
  rum.init({ ...QUIET, debug: true })
  for (let i = 0; i < 3000; i++) step(pick(names))
  await Promise.all(pending)
  await idle()
  process.off('unhandledRejection', onRejection)
  expect(thrown).toEqual([])
  expect(rejections).toEqual([])
  // …and it still works afterwards.
  rum.setConsent('granted')
  rum.trackAction('after-fuzz')
  await rum.flush()
  expect(actions().map((e) => e.name)).toContain('after-fuzz')
}, 60_000)
