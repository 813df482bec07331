// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Batch } from '../src/wire'
import { createDrops } from '../src/browser/lib/createDrops'
import { createBuffer } from '../src/browser/pipeline/createBuffer'
import { createOutbox, DEFAULT_LIMITS } from '../src/browser/pipeline/createOutbox'
import type { Answer, Transport } from '../src/browser/pipeline/createTransport'
import { startSender } from '../src/browser/pipeline/startSender'

// The sender is the real one, over the real outbox and buffer on fake-indexeddb. The network is a
// fake transport that answers as each test wants; the clock is fake (IndexedDB's setImmediate
// stays real); Web Locks, where a test needs them, are a fake LockManager.

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)
const INTERVAL = 5000

/** Lets fake-indexeddb, and the promises waiting on it, finish. */
const settle = async () => {
  for (let i = 0; i < 30; i++) await new Promise((resolve) => setImmediate(resolve))
}

let posts: Batch[]
let answer: (batch: Batch) => Answer | Promise<Answer>
const transport: Transport = {
  _post: async (body) => {
    const batch = JSON.parse(body) as Batch
    posts.push(batch)
    return answer(batch)
  },
  _beacon: () => {},
}
const accepted = (): Answer => ({ _status: 200, _retryAfter: null })
const names = (batch: Batch) => batch.events.map((event) => (event as { name: string }).name)

const setup = (locks?: LockManager) => {
  const drops = createDrops(() => {})
  let sender: ReturnType<typeof startSender> | undefined
  const outbox = createOutbox(createBuffer(DEFAULT_LIMITS), drops, (bytes, urgent) => sender?._written(bytes, urgent))
  sender = startSender(outbox, transport, drops, INTERVAL, 'https://rum.test/rum', locks)
  stops.push(sender.stop)
  let n = 0
  /** Records `count` actions of `bytes` each (about), and lets them be written. */
  const record = async (count: number, name = 'a', bytes = 0, type = 'action') => {
    outbox._add(Array.from({ length: count }, () => ({ id: `${name}${n}`, time: T0 + n, type, name: `${name}${n++}`, pad: 'x'.repeat(bytes) })))
    await settle()
  }
  return { outbox, sender, drops, record }
}

const stops: (() => void)[] = []
beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory())
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], now: T0 })
  posts = []
  answer = accepted
})
afterEach(() => {
  stops.splice(0).forEach((stop) => stop())
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('startSender', () => {
  it('sends what was written within the interval, and nothing while nothing waits', async () => {
    const { record } = setup()
    await vi.advanceTimersByTimeAsync(60_000)
    expect(posts).toEqual([])
    await record(3)
    await vi.advanceTimersByTimeAsync(INTERVAL - 1)
    expect(posts).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(posts.map(names)).toEqual([['a0', 'a1', 'a2']])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('sends within 1 s of an error, with what waited before it, instead of at the interval', async () => {
    const { record } = setup()
    await record(2)
    await vi.advanceTimersByTimeAsync(2000)
    await record(1, 'e', 0, 'error')
    await vi.advanceTimersByTimeAsync(999)
    expect(posts).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(posts.map(names)).toEqual([['a0', 'a1', 'e2']])
    // The next action waits for the interval again.
    await record(1)
    await vi.advanceTimersByTimeAsync(INTERVAL - 1)
    expect(posts).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1)
    await settle()
    expect(posts.map(names)[1]).toEqual(['a3'])
  })

  it('sends a burst of 1,000 events in one request, and at once once 64 KiB wait', async () => {
    const { record } = setup()
    await record(1000, 'a', 60)
    await vi.advanceTimersByTimeAsync(0)
    await settle()
    expect(posts).toHaveLength(1)
    expect(posts[0].events).toHaveLength(1000)
  })

  it('carries at most 256 KiB of events a request, oldest first', async () => {
    const { record, sender } = setup()
    await record(300, 'a', 1000)
    await sender._flush()
    await settle()
    expect(posts.map((batch) => batch.events.length)).toEqual([expect.any(Number), expect.any(Number)])
    expect(posts.every((batch) => JSON.stringify(batch.events).length <= 256 * 1024)).toBe(true)
    expect(posts.flatMap(names)).toEqual(Array.from({ length: 300 }, (_, i) => `a${i}`))
  })

  it('carries at most 1,000 events a request (the collector refuses more), however small they are', async () => {
    const { record, sender } = setup()
    await record(1100, 'a')
    await sender._flush()
    await settle()
    expect(posts.map((batch) => batch.events.length)).toEqual([1000, 100])
    expect(posts.flatMap(names)).toEqual(Array.from({ length: 1100 }, (_, i) => `a${i}`))
  })

  it('deletes events only once the collector answered 2xx', async () => {
    const { record, sender, outbox } = setup()
    await record(2)
    answer = () => ({ _status: 503, _retryAfter: null })
    await sender._flush()
    expect((await outbox._take(1e6)).length).toBe(2)
    answer = accepted
    vi.setSystemTime(T0 + 120_000)
    await sender._flush()
    expect(await outbox._take(1e6)).toEqual([])
  })

  it('after a failure, waits with backoff, and never sooner than Retry-After', async () => {
    const { record, sender } = setup()
    await record(1)
    answer = () => ({ _status: 503, _retryAfter: '10' })
    await sender._flush()
    expect(posts).toHaveLength(1)
    answer = accepted
    await sender._flush()
    await vi.advanceTimersByTimeAsync(9_000)
    expect(posts).toHaveLength(1)
    await vi.advanceTimersByTimeAsync(1_001)
    await settle()
    expect(posts).toHaveLength(2)
  })

  it('isolates the one event a 400 is about: the others are delivered, it is dropped and counted once as rejected', async () => {
    const { record, sender, drops } = setup()
    await record(8)
    answer = (batch) => ({ _status: names(batch).includes('a5') ? 400 : 200, _retryAfter: null })
    await sender._flush()
    expect(posts.filter((batch) => batch.events.length === 1 && names(batch)[0] === 'a5')).toHaveLength(1)
    expect(new Set(posts.filter((batch) => !names(batch).includes('a5')).flatMap(names))).toEqual(new Set(['a0', 'a1', 'a2', 'a3', 'a4', 'a6', 'a7']))
    expect(drops._take()).toEqual({ rejected: 1 })
  })

  it('takes a refusal of every part of a request as a refusal of the request: 3 requests, not 2n - 1, and each event counted once', async () => {
    const { record, sender, drops } = setup()
    await record(64)
    answer = () => ({ _status: 400, _retryAfter: null })
    await sender._flush()
    expect(posts.map((batch) => batch.events.length)).toEqual([64, 32, 32])
    expect(drops._take()).toEqual({ rejected: 64 })
    // The queue goes on.
    answer = accepted
    await record(1, 'b')
    await sender._flush()
    expect(names(posts.at(-1)!)).toEqual(['b64'])
  })

  it('drops a batch refused with a status no retry would change (404, 403), counted, and goes on', async () => {
    const { record, sender, drops } = setup()
    await record(3)
    answer = () => ({ _status: 404, _retryAfter: null })
    await sender._flush()
    expect(posts).toHaveLength(1)
    expect(drops._take()).toEqual({ rejected: 3 })
  })

  it('never counts a refused count of drops: its refusal would make a new one at every send', async () => {
    const { sender, outbox, drops } = setup()
    outbox._add([{ type: 'dropped', id: 'd', time: T0, counts: { queue_full: 1 } } as never])
    await settle()
    answer = () => ({ _status: 403, _retryAfter: null })
    await sender._flush()
    expect(drops._take()).toBeUndefined()
  })

  // A LockManager with one lock, held by "another tab" while `held` is set.
  const fakeLocks = () => {
    const state = { held: false, requests: [] as unknown[], release: () => {} }
    const locks = {
      request: async (name: string, options: LockOptions, fn: (lock: Lock | null) => Promise<void>) => {
        state.requests.push([name, options])
        if (state.held && options.ifAvailable) return fn(null)
        if (state.held) await new Promise<void>((resolve) => (state.release = () => ((state.held = false), resolve())))
        return fn({ name } as Lock)
      },
    } as unknown as LockManager
    return { state, locks }
  }

  it('sends inside navigator.locks.request("rumlet-send", { ifAvailable: true }), and nothing while another tab holds it', async () => {
    const { state, locks } = fakeLocks()
    const { record, sender } = setup(locks)
    await record(1)
    state.held = true
    await vi.advanceTimersByTimeAsync(INTERVAL)
    await settle()
    expect(posts).toEqual([])
    expect(state.requests[0]).toEqual(['rumlet-send', { ifAvailable: true }])
    state.held = false
    await sender._flush()
    expect(posts).toHaveLength(1)
  })

  it('flush waits for the lock another tab holds, then sends', async () => {
    const { state, locks } = fakeLocks()
    const { record, sender } = setup(locks)
    await record(1)
    state.held = true
    let flushed = false
    const flush = sender._flush().then(() => (flushed = true))
    await settle()
    expect(flushed).toBe(false)
    state.release()
    await flush
    expect(posts).toHaveLength(1)
  })

  it('sends without the lock once another tab has held it at its tries for 10 s (a tab that hung while sending), and asks for it again after', async () => {
    const { state, locks } = fakeLocks()
    const { record } = setup(locks)
    await record(1)
    state.held = true
    // Missed at 5 s and 10 s, tried again at each interval; at 15 s it has been held for 10 s.
    await vi.advanceTimersByTimeAsync(2 * INTERVAL)
    await settle()
    expect(posts).toEqual([])
    await vi.advanceTimersByTimeAsync(INTERVAL)
    await settle()
    expect(posts).toHaveLength(1)
    const asked = state.requests.length
    await record(1)
    await vi.advanceTimersByTimeAsync(INTERVAL)
    await settle()
    expect(state.requests.length).toBe(asked + 1)
  })

  it('sends without the lock where Web Locks refuse (a sandboxed frame), and asks no more', async () => {
    const request = vi.fn(async () => Promise.reject(new DOMException('denied', 'SecurityError')))
    const { record, sender } = setup({ request } as unknown as LockManager)
    await record(1)
    await sender._flush()
    expect(posts).toHaveLength(1)
    await record(1)
    await sender._flush()
    expect(posts).toHaveLength(2)
    expect(request).toHaveBeenCalledTimes(1)
  })

  it('sends nothing while the browser is offline; the online event sends at once and cuts a backoff short', async () => {
    const { record, sender } = setup()
    await record(1)
    answer = () => ({ _status: 0, _retryAfter: null })
    await sender._flush()
    vi.stubGlobal('navigator', { onLine: false })
    answer = accepted
    await vi.advanceTimersByTimeAsync(120_000)
    expect(posts).toHaveLength(1)
    vi.stubGlobal('navigator', { onLine: true })
    dispatchEvent(new Event('online'))
    await settle()
    expect(posts).toHaveLength(2)
  })

  it('stops: no timer and no online listener outlive it', async () => {
    const { record, sender } = setup()
    await record(1)
    expect(vi.getTimerCount()).toBe(1)
    sender.stop()
    expect(vi.getTimerCount()).toBe(0)
    dispatchEvent(new Event('online'))
    await settle()
    expect(posts).toEqual([])
  })

  it('stops for the page\'s life once its Content-Security-Policy blocks the collector; another origin\'s violation changes nothing', async () => {
    const { record, sender } = setup()
    const violation = (blockedURI: string) => {
      const event = new Event('securitypolicyviolation')
      Object.defineProperty(event, 'blockedURI', { value: blockedURI })
      document.dispatchEvent(event)
    }
    violation('https://ads.test/pixel')
    await record(1)
    await sender._flush()
    expect(posts).toHaveLength(1)
    violation('https://rum.test/rum')
    await record(1)
    await sender._flush()
    await vi.advanceTimersByTimeAsync(600_000)
    expect(posts).toHaveLength(1)
    expect(vi.getTimerCount()).toBe(0)
  })
})
