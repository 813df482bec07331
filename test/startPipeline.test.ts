// @vitest-environment node
import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { EntryKey, RecordKey } from '../src/browser/pipeline/entry'
import { startPipeline, type Drops } from '../src/browser/pipeline/startPipeline'

// The network and the clock are faked: fetch and sendBeacon record what they are given and answer
// as each test wants, and time only moves when a test moves it. The pipeline and its IndexedDB
// buffer are the real ones, on fake-indexeddb (a fresh database for every test). The end-to-end
// tests cover the real network and collector.
//
// fake-indexeddb runs its work in setImmediate callbacks, so setImmediate stays real (faking it
// hangs IndexedDB). The tests count those callbacks to know when IndexedDB has nothing left to
// do, and move the fake clock one timer at a time, letting IndexedDB settle in between: that way
// Date.now() inside the pipeline reads the time of the timer that started the work.

const ENDPOINT = 'https://collector.example/rum'
const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)
const DAY = 24 * 3600e3
const KIB16 = 16 * 1024

const realSetImmediate = globalThis.setImmediate
let tasks = 0 // setImmediate callbacks not yet run
const countedSetImmediate = ((fn: (...args: unknown[]) => void, ...args: unknown[]) => {
  tasks++
  return realSetImmediate(() => {
    tasks--
    fn(...args)
  })
}) as typeof setImmediate

/** Runs IndexedDB (and the promises waiting on it) until nothing is left to do. */
async function settle(): Promise<void> {
  for (let quiet = 0; quiet < 2; ) {
    await new Promise<void>((resolve) => realSetImmediate(resolve))
    quiet = tasks ? 0 : quiet + 1
  }
}

let fired = 0 // fake timer callbacks run so far

/** Fake setTimeout and setInterval, counting the callbacks they run. */
function countTimers() {
  const fakeSetTimeout = globalThis.setTimeout
  const fakeSetInterval = globalThis.setInterval
  const counted =
    (schedule: typeof setTimeout | typeof setInterval) =>
    (fn: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) =>
      schedule(() => {
        fired++
        fn(...args)
      }, ms)
  vi.stubGlobal('setTimeout', counted(fakeSetTimeout))
  vi.stubGlobal('setInterval', counted(fakeSetInterval))
}

/**
 * Moves the fake clock `ms` ahead, one timer at a time, settling IndexedDB after each, and runs
 * the timers that come due at the final instant too.
 */
async function advance(ms: number): Promise<void> {
  let reached = false
  setTimeout(() => (reached = true), ms)
  await settle()
  while (!reached) {
    vi.advanceTimersToNextTimer()
    await settle()
  }
  for (let before = -1; before !== fired; ) {
    before = fired
    vi.advanceTimersByTime(0)
    await settle()
  }
}

// --- the fake network ---------------------------------------------------------------------------

interface Post {
  body: string
  init: RequestInit
  /** Inside navigator.locks.request's callback, when the test provides locks. */
  inLock: boolean
}
let posts: Post[]
let beacons: string[]
let answer: (post: Post) => Response | Promise<Response>
let beaconAccepts: boolean
let listeners: Record<string, (() => void)[]>
let inLock: boolean
let onDrops: ReturnType<typeof vi.fn<(drops: Drops) => void>>
let pipelines: ReturnType<typeof startPipeline>[]

const ok = () => new Response('{"stored":1,"duplicates":0}', { status: 200 })
const status = (code: number, headers?: Record<string, string>) => () => new Response('', { status: code, headers })

type Event = { id: string; time: number; type: string; name: string }
/** Event ids, zero-padded so that IndexedDB's order (by time, then id) is the order of recording. */
const id = (i: number | string) => (typeof i === 'number' ? `e${String(i).padStart(4, '0')}` : `e${i}`)
const event = (i: number | string, extra = '', time = Date.now()): Event => ({ id: id(i), time, type: 'action', name: `n${i}${extra}` })
const idsIn = (body: string): string[] => JSON.parse(body).events.map((e: { id: string }) => e.id)
const ids = (bodies: string[]) => bodies.flatMap(idsIn)
const sentIds = () => ids(posts.map((p) => p.body))
const utf8 = (text: string) => new TextEncoder().encode(text).length
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => id(from + i))

function start(flushInterval = 60_000, limits?: Parameters<typeof startPipeline>[3], prepare?: Parameters<typeof startPipeline<Event>>[4]) {
  const pipeline = startPipeline(ENDPOINT, flushInterval, onDrops, limits, prepare)
  pipelines.push(pipeline)
  return pipeline
}

function setNavigator(extra: Record<string, unknown> = {}) {
  vi.stubGlobal('navigator', {
    onLine: true,
    sendBeacon: vi.fn((_url: string, body: string) => {
      if (beaconAccepts) beacons.push(body)
      return beaconAccepts
    }),
    ...extra,
  })
}

// --- IndexedDB, read directly (not through the code under test) -----------------------------------

function openDb(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open('rumlet')
    request.onupgradeneeded = () => request.result.createObjectStore('events')
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error)
  })
}

async function readStore<T>(read: (store: IDBObjectStore) => IDBRequest): Promise<T> {
  const db = await openDb()
  try {
    const request = read(db.transaction('events', 'readonly').objectStore('events'))
    return await new Promise((resolve, reject) => {
      request.onsuccess = () => resolve(request.result as T)
      request.onerror = () => reject(request.error)
    })
  } finally {
    db.close()
  }
}
// Each record holds a batch of events: by event, oldest first.
const storedEvents = async (): Promise<[EntryKey, string][]> => (await readStore<[EntryKey, string][][]>((store) => store.getAll())).flat()
const storedRecords = () => readStore<RecordKey[]>((store) => store.getAllKeys())
const storedKeys = async () => (await storedEvents()).map(([key]) => key)
const storedValues = async () => (await storedEvents()).map(([, json]) => json)
const storedIds = async () => (await storedKeys()).map((key) => key[1])

// -------------------------------------------------------------------------------------------------

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'], now: T0 })
  countTimers()
  vi.stubGlobal('setImmediate', countedSetImmediate)
  vi.stubGlobal('indexedDB', new IDBFactory())
  posts = []
  beacons = []
  beaconAccepts = true
  listeners = {}
  inLock = false
  pipelines = []
  onDrops = vi.fn<(drops: Drops) => void>()
  answer = ok
  vi.stubGlobal(
    'fetch',
    vi.fn(async (_url: string, init: RequestInit) => {
      // CompressionStream is stubbed away: bodies are strings.
      const post = { body: init.body as string, init, inLock }
      posts.push(post)
      return answer(post)
    }),
  )
  setNavigator()
  vi.stubGlobal('addEventListener', (type: string, listener: () => void) => (listeners[type] ||= []).push(listener))
  vi.stubGlobal('requestIdleCallback', undefined)
  // Node has CompressionStream; it compresses on a thread pool, which the tests cannot wait for.
  vi.stubGlobal('CompressionStream', undefined)
})

afterEach(async () => {
  for (const pipeline of pipelines) pipeline._stop()
  await settle()
  vi.unstubAllGlobals() // first: it puts back the fake timers, which useRealTimers then removes
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('startPipeline: writing to IndexedDB', () => {
  it('writes recorded events to IndexedDB within 250 ms, before sending anything', async () => {
    const pipeline = start()
    for (let i = 0; i < 10; i++) pipeline._add(event(i))
    await advance(250)
    expect(await storedIds()).toEqual(range(0, 10))
    expect(posts).toEqual([])
  })

  it('stores the key [time, id, UTF-8 bytes] and the event JSON', async () => {
    const pipeline = start()
    const e = event(1, ' ünïcödé 😀')
    pipeline._add(e)
    await advance(250)
    const json = JSON.stringify(e)
    expect(await storedKeys()).toEqual([[e.time, id(1), utf8(json)]])
    expect(await storedValues()).toEqual([json])
  })

  it('writes a burst of 1,000 events in one IndexedDB transaction, one record per batch', async () => {
    setNavigator({ onLine: false }) // nothing leaves, so everything stays stored
    const put = vi.spyOn(IDBObjectStore.prototype, 'put')
    const pipeline = start()
    for (let i = 0; i < 1000; i++) pipeline._add(event(i))
    await advance(250)
    // One record per batch of 50: Chromium spends tens of µs of main thread on every request.
    expect(put).toHaveBeenCalledTimes(20)
    expect(new Set(put.mock.contexts.map((store) => (store as IDBObjectStore).transaction)).size).toBe(1)
    expect(await storedIds()).toHaveLength(1000)
  })

  it('writes a burst of 2,500 events a slice of 1,000 at a time, each slice in a transaction of its own; flush sends them all', async () => {
    setNavigator({ onLine: false })
    const put = vi.spyOn(IDBObjectStore.prototype, 'put')
    const pipeline = start()
    for (let i = 0; i < 2500; i++) pipeline._add(event(i))
    await advance(250)
    expect(new Set(put.mock.contexts.map((store) => (store as IDBObjectStore).transaction)).size).toBe(3)
    expect(await storedIds()).toHaveLength(2500)
    setNavigator()
    await pipeline._flush()
    expect(new Set(sentIds())).toEqual(new Set(range(0, 2500)))
  })

  it('prepares for at most about 20 ms a task: a slow prepare (a slow beforeSend) spreads a burst over several writes', async () => {
    setNavigator({ onLine: false })
    const put = vi.spyOn(IDBObjectStore.prototype, 'put')
    const prepare = (e: Event) => {
      const start = performance.now()
      while (performance.now() - start < 5);
      return e
    }
    const pipeline = start(60_000, undefined, prepare)
    for (let i = 0; i < 20; i++) pipeline._add(event(i))
    await advance(250)
    expect(await storedIds()).toEqual(range(0, 20))
    // 5 ms each: about 5 events a slice, and at least 3 slices however slow the machine.
    expect(new Set(put.mock.contexts.map((store) => (store as IDBObjectStore).transaction)).size).toBeGreaterThanOrEqual(3)
  })

  it('flush sends a burst larger than one write slice, recorded just before it', async () => {
    const pipeline = start()
    for (let i = 0; i < 2500; i++) pipeline._add(event(i))
    // The slices wait for timers of 0 ms, which the fake clock must run.
    let flushed = false
    void pipeline._flush().then(() => (flushed = true))
    while (!flushed) await advance(0)
    expect(new Set(sentIds())).toEqual(new Set(range(0, 2500)))
  })

  it('still writes an event recorded while memory is full and the write of the oldest is in flight', async () => {
    setNavigator({ onLine: false })
    // Memory holds at most maxEvents of this tab's events.
    const pipeline = start(60_000, { maxEvents: 10, maxBytes: 1e9, maxAge: 7 * DAY })
    for (let i = 0; i < 10; i++) pipeline._add(event(i, '', T0 + i))
    // flush() starts writing the 10 at once; the 11th event arrives before that finished and
    // pushes the oldest (being written) out of memory.
    void pipeline._flush()
    pipeline._add(event(10, '', T0 + 10))
    await advance(1000)
    expect(await storedIds()).toContain(id(10))
    expect(await storedIds()).toHaveLength(10)
  })
})

describe('startPipeline: sending', () => {
  it('sends a batch every flushInterval', async () => {
    const pipeline = start(5000)
    pipeline._add(event(1))
    pipeline._add(event(2))
    await advance(4999)
    expect(posts).toEqual([])
    await advance(1)
    expect(sentIds()).toEqual([id(1), id(2)])
    pipeline._add(event(3))
    await advance(5000)
    expect(sentIds()).toEqual([id(1), id(2), id(3)])
    await advance(5000)
    expect(posts).toHaveLength(2)
  })

  it('posts text/plain JSON batches to the endpoint, without credentials', async () => {
    const pipeline = start()
    pipeline._add(event(1))
    await pipeline._flush()
    expect(vi.mocked(fetch).mock.calls[0][0]).toBe(ENDPOINT)
    expect(posts[0].init).toMatchObject({ method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } })
    expect(JSON.parse(posts[0].body)).toMatchObject({ schema: 1, sentAt: Date.now(), events: [event(1, '', T0)] })
  })

  it('sends at once when 50 events are queued, without waiting for the interval', async () => {
    const pipeline = start()
    for (let i = 0; i < 49; i++) pipeline._add(event(i))
    await advance(0)
    expect(posts).toEqual([])
    pipeline._add(event(49))
    await advance(0)
    expect(posts).toHaveLength(1)
    expect(sentIds()).toEqual(range(0, 50))
  })

  it('sends at once when 50 events are queued, even when they were recorded over more than 250 ms', async () => {
    const pipeline = start()
    for (let i = 0; i < 30; i++) pipeline._add(event(i))
    await advance(300) // the first 30 are written to IndexedDB meanwhile
    expect(posts).toEqual([])
    for (let i = 30; i < 50; i++) pipeline._add(event(i))
    await advance(0)
    expect(sentIds()).toEqual(range(0, 50))
  })

  it('sends without waiting for the interval once 16 KiB of UTF-8 are queued, however few events, in bodies of at most 16 KiB', async () => {
    const pipeline = start()
    // 10 events of ~1,750 bytes but only ~590 characters each: 17 KB in UTF-8, 6 K characters.
    for (let i = 0; i < 9; i++) pipeline._add(event(i, '日本語'.repeat(190)))
    await advance(1000)
    expect(await storedIds()).toEqual(range(0, 9))
    expect(posts).toEqual([])
    pipeline._add(event(9, '日本語'.repeat(190)))
    // Bytes are known once an event is serialized, at the write (within 250 ms); the send
    // follows in a 0 ms timer (1 ms on a fake clock running timers), long before the interval.
    await advance(300)
    expect(sentIds()).toEqual(range(0, 10))
    expect(posts.length).toBeGreaterThan(1)
    for (const { body } of posts) expect(utf8(body)).toBeLessThanOrEqual(KIB16)
  })

  it('sends at once when 50 events are queued, also after a full batch arrived while a send was in flight', async () => {
    let release!: () => void
    answer = () => new Promise((resolve) => (release = () => resolve(ok())))
    const pipeline = start()
    pipeline._add(event('first'))
    const flushed = pipeline._flush()
    await settle()
    expect(posts).toHaveLength(1)
    // 50 events while the collector has not answered yet.
    for (let i = 0; i < 50; i++) pipeline._add(event(i))
    await advance(0)
    answer = ok
    release()
    await flushed
    await advance(250)
    // Whether or not those 50 have left by now, 50 more must leave at once.
    for (let i = 50; i < 100; i++) pipeline._add(event(i))
    await advance(0)
    expect(sentIds()).toEqual(expect.arrayContaining(range(0, 100)))
  })

  it('never posts a body over 16 KiB while draining a large backlog', async () => {
    setNavigator({ onLine: false })
    const pipeline = start()
    for (let i = 0; i < 300; i++) pipeline._add(event(i, 'ß€'.repeat(50 + (i % 200))))
    await advance(250)
    setNavigator()
    await pipeline._flush()
    expect(sentIds()).toEqual(range(0, 300))
    for (const { body } of posts) expect(utf8(body)).toBeLessThanOrEqual(KIB16)
    expect(await storedIds()).toEqual([])
  })

  it('flush resolves once the collector has answered', async () => {
    let release!: () => void
    answer = () => new Promise((resolve) => (release = () => resolve(ok())))
    const pipeline = start()
    pipeline._add(event(1))
    let done = false
    const flushed = pipeline._flush().then(() => (done = true))
    await settle()
    expect(posts).toHaveLength(1)
    expect(done).toBe(false)
    release()
    await flushed
    expect(done).toBe(true)
  })
})

describe('startPipeline: acknowledgement and retries', () => {
  it('deletes events from IndexedDB only once the collector answered 2xx', async () => {
    let release!: (response: Response) => void
    answer = () => new Promise((resolve) => (release = resolve))
    const pipeline = start()
    pipeline._add(event(1))
    pipeline._add(event(2))
    const flushed = pipeline._flush()
    await settle()
    expect(sentIds()).toEqual([id(1), id(2)])
    expect(await storedIds()).toEqual([id(1), id(2)])
    release(new Response('{}', { status: 202 }))
    await flushed
    await settle()
    expect(await storedIds()).toEqual([])
  })

  it('keeps events in IndexedDB on a 503 and sends them again later', async () => {
    answer = status(503)
    const pipeline = start(5000)
    pipeline._add(event(1))
    await pipeline._flush()
    await settle()
    expect(sentIds()).toEqual([id(1)])
    expect(await storedIds()).toEqual([id(1)])
    answer = ok
    await advance(5000)
    expect(sentIds()).toEqual([id(1), id(1)])
    await settle()
    expect(await storedIds()).toEqual([])
    await advance(10_000)
    expect(posts).toHaveLength(2)
  })

  it('keeps events when the network fails (fetch rejects) and sends them once it is back', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'))
    const pipeline = start(1000)
    pipeline._add(event(1))
    await advance(1000)
    expect(sentIds()).toEqual([id(1)])
    answer = ok
    pipeline._add(event(2))
    await advance(2000)
    expect(sentIds()).toEqual([id(1), id(1), id(2)])
    expect(await storedIds()).toEqual([])
  })

  it.each([
    [0, 1000],
    [0.5, 1500],
    [0.998, 1998],
  ])('with Math.random() = %s, retries after a 503 no sooner than %s ms (2 s base, upper-half jitter)', async (random, wait) => {
    vi.spyOn(Math, 'random').mockReturnValue(random)
    answer = status(503)
    const pipeline = start(60_000)
    pipeline._add(event(1))
    await pipeline._flush()
    expect(posts).toHaveLength(1)
    await advance(Math.ceil(wait) - 1)
    expect(posts).toHaveLength(1)
    await advance(1)
    expect(posts).toHaveLength(2)
  })

  it('doubles the wait after each failure in a row', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    answer = status(503)
    const pipeline = start(60_000)
    pipeline._add(event(1))
    await pipeline._flush()
    const times: number[] = [Date.now() - T0]
    const record = answer
    answer = (post) => (times.push(Date.now() - T0), record(post))
    await advance(10_000)
    // Retries after 1 s, then 2 s, 4 s (random = 0: half of 2, 4, 8 s).
    expect(times).toEqual([0, 1000, 3000, 7000])
  })

  it('does not retry before a Retry-After of 2 s, even when the interval comes round', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    answer = status(503, { 'Retry-After': '2' })
    const pipeline = start(500)
    pipeline._add(event(1))
    await pipeline._flush()
    expect(posts).toHaveLength(1)
    answer = ok
    await advance(1999)
    expect(posts).toHaveLength(1)
    await advance(1)
    expect(sentIds()).toEqual([id(1), id(1)])
    await settle()
    expect(await storedIds()).toEqual([])
  })

  it('drops a batch the collector answers 400 to, after halving it down to single events, and reports them as rejected on the next send', async () => {
    answer = status(400)
    const pipeline = start(1000)
    pipeline._add(event(1))
    pipeline._add(event(2))
    await advance(1000)
    expect(posts.map((p) => idsIn(p.body))).toEqual([[id(1), id(2)], [id(1)], [id(2)]])
    await settle()
    expect(await storedIds()).toEqual([])
    expect(onDrops).not.toHaveBeenCalled()
    answer = ok
    await advance(1000)
    expect(onDrops).toHaveBeenCalledTimes(1)
    expect(onDrops).toHaveBeenCalledWith({ rejected: 2 })
    // Not sent again.
    await advance(5000)
    expect(posts).toHaveLength(3)
    expect(onDrops).toHaveBeenCalledTimes(1)
  })

  it('isolates the one event a 400 is about: the others in its batch are delivered', async () => {
    // The collector refuses any batch that holds event 3 (a URL too long for it, say).
    answer = (post) => (idsIn(post.body).includes(id(3)) ? new Response('', { status: 400 }) : ok())
    const pipeline = start()
    for (let i = 0; i < 8; i++) pipeline._add(event(i))
    await pipeline._flush()
    const delivered = posts.filter((p) => !idsIn(p.body).includes(id(3))).flatMap((p) => idsIn(p.body))
    expect(delivered.sort()).toEqual(range(0, 8).filter((i) => i !== id(3)).sort())
    await pipeline._flush()
    expect(onDrops).toHaveBeenCalledWith({ rejected: 1 })
  })

  it('deletes a record only once every event in it is settled: a failure after half of it was acknowledged keeps it all', async () => {
    const pipeline = start()
    for (let i = 0; i < 4; i++) pipeline._add(event(i))
    await advance(250)
    expect(await storedRecords()).toHaveLength(1)
    // 400 for the whole batch, then the first half is stored and the network fails for the second.
    const answers = [status(400), ok, () => Promise.reject(new TypeError('Failed to fetch'))]
    answer = () => (answers.shift() || ok)()
    await pipeline._flush()
    expect(ids(posts.slice(1, 2).map((p) => p.body))).toEqual(range(0, 2))
    expect(await storedIds()).toEqual(range(0, 4))
    // After the backoff, the whole record goes again (the collector stores an id once) and is deleted.
    await advance(2000)
    await pipeline._flush()
    expect(ids(posts.slice(3).map((p) => p.body))).toEqual(range(0, 4))
    expect(await storedIds()).toEqual([])
  })

  it('flush during a send under way sends, after it, what was recorded since that send began', async () => {
    let release!: () => void
    const held = new Promise<void>((resolve) => (release = resolve))
    answer = async () => (await held, ok())
    const pipeline = start()
    pipeline._add(event(1))
    const first = pipeline._flush()
    await settle()
    pipeline._add(event(2))
    const second = pipeline._flush()
    release()
    await first
    await second
    expect(sentIds()).toEqual([id(1), id(2)])
  })

  it('splits a batch answered 413 into halves and sends each', async () => {
    let calls = 0
    answer = () => (calls++ === 0 ? new Response('', { status: 413 }) : ok())
    const pipeline = start()
    for (let i = 0; i < 5; i++) pipeline._add(event(i))
    await pipeline._flush()
    expect(posts.map((p) => idsIn(p.body))).toEqual([range(0, 5), range(0, 2), range(2, 5)])
    await settle()
    expect(await storedIds()).toEqual([])
    await pipeline._flush()
    expect(onDrops).not.toHaveBeenCalled()
  })

  it('halves a batch answered 413 down to single events, then drops those still refused as rejected', async () => {
    answer = status(413)
    const pipeline = start()
    for (let i = 0; i < 4; i++) pipeline._add(event(i))
    await pipeline._flush()
    expect(posts.map((p) => idsIn(p.body))).toEqual([range(0, 4), range(0, 2), [id(0)], [id(1)], range(2, 4), [id(2)], [id(3)]])
    await settle()
    expect(await storedIds()).toEqual([])
    await pipeline._flush()
    expect(onDrops).toHaveBeenCalledWith({ rejected: 4 })
    expect(posts).toHaveLength(7)
  })
})

describe('startPipeline: tabs', () => {
  it('sends what another tab wrote to the shared IndexedDB', async () => {
    const tabA = start()
    const tabB = start()
    tabB._add(event('b1'))
    tabB._add(event('b2'))
    await advance(250)
    expect(await storedIds()).toEqual(['eb1', 'eb2'])
    expect(posts).toEqual([])
    await tabA._flush()
    expect(sentIds()).toEqual(['eb1', 'eb2'])
    await settle()
    expect(await storedIds()).toEqual([])
    // Tab B finds nothing left to send.
    await tabB._flush()
    expect(posts).toHaveLength(1)
  })

  it('with Web Locks, sends inside locks.request("rumlet-send", { ifAvailable: true })', async () => {
    const request = vi.fn(async (_name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) => {
      inLock = true
      try {
        return await callback({ name: 'rumlet-send', mode: 'exclusive' } as Lock)
      } finally {
        inLock = false
      }
    })
    setNavigator({ locks: { request } })
    const pipeline = start()
    pipeline._add(event(1))
    await pipeline._flush()
    expect(request).toHaveBeenCalledTimes(1)
    expect(request.mock.calls[0].slice(0, 2)).toEqual(['rumlet-send', { ifAvailable: true }])
    expect(posts).toHaveLength(1)
    expect(posts[0].inLock).toBe(true)
  })

  it('with Web Locks, sends nothing while another tab holds the lock', async () => {
    const request = vi.fn(async (_name: string, _options: LockOptions, callback: (lock: Lock | null) => unknown) => callback(null))
    setNavigator({ locks: { request } })
    const pipeline = start(1000)
    pipeline._add(event(1))
    await pipeline._flush()
    await advance(3000)
    expect(request.mock.calls.length).toBeGreaterThanOrEqual(2)
    expect(posts).toEqual([])
    expect(await storedIds()).toEqual([id(1)])
  })
})

describe('startPipeline: hide()', () => {
  it("beacons this tab's unacknowledged events, unwritten first, in bodies of at most 16 KiB, and deletes nothing", async () => {
    const pipeline = start()
    // 8 events of ~1.4 KB of UTF-8: 11 KB, under the 16 KiB that sends at once.
    for (let i = 0; i < 8; i++) pipeline._add(event(i, '日本語'.repeat(150)))
    await advance(250)
    expect(await storedIds()).toEqual(range(0, 8))
    for (let i = 8; i < 16; i++) pipeline._add(event(i, '日本語'.repeat(150)))
    pipeline._hide()
    expect(ids(beacons)).toEqual([...range(8, 16), ...range(0, 8)])
    expect(beacons.length).toBeGreaterThan(1)
    for (const body of beacons) expect(utf8(body)).toBeLessThanOrEqual(KIB16)
    expect(posts).toEqual([])
    await settle()
    // Hidden may not mean leaving: everything stays stored until a 2xx.
    expect(await storedIds()).toEqual(range(0, 16))
  })

  it('beacons, at the end of the task, what is recorded while the page is leaving, and only that', async () => {
    // Chromium fires pagehide (still visible) and then visibilitychange to hidden, where
    // web-vitals reports the final CLS and INP.
    vi.stubGlobal('document', { visibilityState: 'hidden' })
    const pipeline = start()
    pipeline._add(event(1))
    pipeline._hide()
    expect(ids(beacons)).toEqual([id(1)])
    pipeline._add(event(2))
    pipeline._add(event(3))
    expect(ids(beacons)).toEqual([id(1)])
    await Promise.resolve()
    expect(beacons.map((body) => ids([body]))).toEqual([[id(1)], [id(2), id(3)]])
    // Shown again, then hidden again: everything unacknowledged goes out again.
    vi.stubGlobal('document', { visibilityState: 'visible' })
    pipeline._add(event(4))
    await Promise.resolve()
    expect(beacons).toHaveLength(2)
    pipeline._hide()
    expect(ids(beacons.slice(2))).toEqual([id(1), id(2), id(3), id(4)])
  })

  it('beacons neither acknowledged events nor those of other tabs', async () => {
    const tabA = start()
    const tabB = start()
    tabA._add(event('a1'))
    await tabA._flush()
    tabB._add(event('b1'))
    tabA._add(event('a2'))
    await advance(250)
    tabA._hide()
    expect(ids(beacons)).toEqual(['ea2'])
  })

  it('falls back to a keepalive fetch when sendBeacon refuses', async () => {
    beaconAccepts = false
    const pipeline = start()
    pipeline._add(event(1))
    pipeline._add(event(2))
    pipeline._hide()
    expect(posts).toHaveLength(1)
    expect(posts[0].init).toMatchObject({ method: 'POST', keepalive: true, credentials: 'omit' })
    expect(sentIds()).toEqual([id(1), id(2)])
    expect(vi.mocked(navigator.sendBeacon)).toHaveBeenCalledTimes(1)
    await settle()
    expect(await storedIds()).toEqual([id(1), id(2)])
  })

  it('reports pending drops before beaconing', async () => {
    answer = status(400)
    const pipeline = start()
    pipeline._add(event(1))
    await pipeline._flush()
    pipeline._add(event(2))
    pipeline._hide()
    expect(onDrops).toHaveBeenCalledWith({ rejected: 1 })
    expect(ids(beacons)).toEqual([id(2)])
  })
})

describe('startPipeline: without a working IndexedDB', () => {
  it('sends from memory, by fetch and by beacon, when IndexedDB is missing', async () => {
    vi.stubGlobal('indexedDB', undefined)
    const pipeline = start(1000)
    expect(() => {
      pipeline._add(event(1))
      pipeline._add(event(2))
    }).not.toThrow()
    await advance(1000)
    expect(sentIds()).toEqual([id(1), id(2)])
    pipeline._add(event(3))
    expect(() => pipeline._hide()).not.toThrow()
    expect(ids(beacons)).toEqual([id(3)])
    await advance(1000)
    expect(sentIds()).toEqual([id(1), id(2), id(3)])
    // Acknowledged: not beaconed again.
    beacons = []
    pipeline._hide()
    expect(beacons).toEqual([])
  })

  it('sends from memory when IndexedDB writes fail with QuotaExceededError', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const pipeline = start(1000)
    for (let i = 0; i < 3; i++) expect(() => pipeline._add(event(i))).not.toThrow()
    await advance(250)
    expect(put).toHaveBeenCalled()
    expect(await storedIds()).toEqual([])
    await advance(750)
    expect(sentIds()).toEqual(range(0, 3))
    pipeline._add(event(3))
    pipeline._hide()
    expect(ids(beacons)).toEqual([id(3)])
  })

  it('keeps events recorded while IndexedDB failed and stores them once it works again', async () => {
    setNavigator({ onLine: false })
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const pipeline = start(1000)
    pipeline._add(event(1))
    await advance(250)
    expect(await storedIds()).toEqual([])
    put.mockRestore()
    pipeline._add(event(2))
    await advance(31_000)
    expect(await storedIds()).toEqual([id(1), id(2)])
  })

  it('does not store (nor send again) events sent from memory while IndexedDB failed, once it works again', async () => {
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const pipeline = start(60_000)
    pipeline._add(event(1))
    await advance(250)
    await pipeline._flush()
    expect(sentIds()).toEqual([id(1)])
    put.mockRestore()
    pipeline._add(event(2))
    await advance(31_000)
    pipeline._add(event(3))
    await advance(250)
    expect(await storedIds()).toEqual([id(2), id(3)])
    await pipeline._flush()
    expect(sentIds()).toEqual([id(1), id(2), id(3)])
  })

  it('flush still resolves, and later events are still sent, while IndexedDB stays missing past its 30 s retry', async () => {
    vi.stubGlobal('indexedDB', undefined)
    const pipeline = start()
    pipeline._add(event(1))
    await pipeline._flush()
    expect(sentIds()).toEqual([id(1)])
    await advance(31_000)
    await expect(pipeline._flush()).resolves.toBeUndefined()
    pipeline._add(event(2))
    await expect(pipeline._flush()).resolves.toBeUndefined()
    expect(sentIds()).toEqual([id(1), id(2)])
  })
})

describe('startPipeline: refusals and failures that must end', () => {
  const rejectedSoFar = () => onDrops.mock.calls.reduce((sum, [counts]) => sum + (counts.rejected || 0), 0)

  it('drops a batch refused with a status no retry would change (404, 403, 3xx), counted as rejected, and goes on', async () => {
    for (const code of [404, 403, 301]) {
      answer = status(code)
      const pipeline = start(5000)
      pipeline._add(event(code))
      await pipeline._flush()
      await advance(60_000)
      expect(posts.filter((p) => idsIn(p.body).includes(id(code)))).toHaveLength(1)
      expect(await storedIds()).not.toContain(id(code))
      pipeline._stop()
    }
    expect(rejectedSoFar()).toBe(3)
  })

  it('does not make a new count of drops each time the count itself is refused', async () => {
    answer = status(400)
    let made = 0
    const pipeline = startPipeline(ENDPOINT, 5000, (counts) => pipeline._add({ type: 'dropped', counts, id: `d${made++}`, time: Date.now() } as never))
    pipelines.push(pipeline)
    pipeline._add(event(1))
    await pipeline._flush()
    await advance(10 * 60_000)
    expect(made).toBe(1)
    expect(posts.length).toBeLessThanOrEqual(3)
  })

  it('counts a refused event once, though its record is read and sent again while the rest waits for a retry', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    let unavailable = 3
    answer = (post) => (idsIn(post.body).includes(id(0)) ? new Response('', { status: 400 }) : unavailable-- > 0 ? new Response('', { status: 503 }) : ok())
    const pipeline = start()
    pipeline._add(event(0))
    pipeline._add(event(1))
    await pipeline._flush()
    await advance(120_000)
    await pipeline._flush()
    expect(sentIds()).toContain(id(1))
    expect(await storedIds()).toEqual([])
    expect(rejectedSoFar()).toBe(1)
  })

  it('gives up on a request the collector never answers after 30 s, so that flush resolves and later sends go on', async () => {
    let first = true
    // Like a real fetch, it gives up only when its signal aborts.
    const never = () => new Promise<Response>((_, fail) => posts.at(-1)!.init.signal?.addEventListener('abort', () => fail(new DOMException('aborted', 'AbortError'))))
    answer = () => (first ? ((first = false), never()) : ok())
    const pipeline = start(5000)
    pipeline._add(event(1))
    let flushed = false
    void pipeline._flush().then(() => (flushed = true))
    await advance(31_000)
    expect(flushed).toBe(true)
    await advance(120_000)
    expect(new Set(sentIds())).toEqual(new Set([id(1)]))
    expect(await storedIds()).toEqual([])
  })

  it('beacons at most 50 events in one body', async () => {
    setNavigator({ onLine: false })
    const pipeline = start()
    for (let i = 0; i < 120; i++) pipeline._add(event(i))
    pipeline._hide()
    expect(beacons.map((body) => idsIn(body).length)).toEqual([50, 50, 20])
  })

  it('keeps a record while an event of it the cap took out of memory is only in IndexedDB, when sending from memory', async () => {
    setNavigator({ onLine: false })
    const pipeline = start(60_000, { maxEvents: 10, maxBytes: 5e6, maxAge: 7 * DAY })
    for (let i = 0; i < 10; i++) pipeline._add(event(i))
    await advance(250)
    const put = vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    // Past the cap: the oldest leave memory, safe in IndexedDB; then the write fails.
    for (let i = 10; i < 13; i++) pipeline._add(event(i))
    await advance(250)
    setNavigator()
    await pipeline._flush()
    put.mockRestore()
    await advance(31_000)
    await pipeline._flush()
    const counted = onDrops.mock.calls.reduce((sum, [counts]) => sum + (counts.queue_full || 0), 0)
    // Every event was sent, or counted as dropped.
    expect(new Set(sentIds()).size + counted).toBe(13)
    expect(new Set(sentIds())).toEqual(new Set(range(0, 13)))
  })

  it('counts events the cap took out of memory during a write that then failed', async () => {
    setNavigator({ onLine: false })
    vi.spyOn(IDBObjectStore.prototype, 'put').mockImplementation(() => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
    })
    const pipeline = start(60_000, { maxEvents: 10, maxBytes: 5e6, maxAge: 7 * DAY })
    for (let i = 0; i < 10; i++) pipeline._add(event(i))
    vi.advanceTimersByTime(250) // the write starts; IndexedDB answers later
    for (let i = 10; i < 22; i++) pipeline._add(event(i))
    await settle()
    await advance(1000)
    setNavigator()
    await pipeline._flush()
    await pipeline._flush()
    const counted = onDrops.mock.calls.reduce((sum, [counts]) => sum + (counts.queue_full || 0), 0)
    expect(new Set(sentIds()).size + counted).toBe(22)
  })
})

describe('startPipeline: buffer limits', () => {
  const LIMITS = { maxEvents: 10, maxBytes: 1e9, maxAge: 7 * DAY }

  it('keeps at most maxEvents in IndexedDB and reports the rest as queue_full', async () => {
    answer = status(503)
    const pipeline = start(60_000, LIMITS)
    for (let i = 0; i < 10; i++) pipeline._add(event(i, '', T0 + i))
    await advance(250)
    expect(await storedIds()).toEqual(range(0, 10))
    for (let i = 10; i < 15; i++) pipeline._add(event(i, '', T0 + i))
    await advance(250)
    expect(await storedIds()).toEqual(range(5, 15))
    expect(onDrops).not.toHaveBeenCalled()
    await pipeline._flush()
    expect(onDrops).toHaveBeenCalledTimes(1)
    expect(onDrops).toHaveBeenCalledWith({ queue_full: 5 })
    expect(sentIds()).toEqual(range(5, 15))
  })

  it('with 15 events recorded at once while the network fails, stores the newest 10 and reports queue_full: 5', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'))
    const pipeline = start(60_000, LIMITS)
    for (let i = 0; i < 15; i++) pipeline._add(event(i, '', T0 + i))
    await advance(250)
    expect(await storedIds()).toEqual(range(5, 15))
    await pipeline._flush()
    expect(onDrops).toHaveBeenCalledTimes(1)
    expect(onDrops).toHaveBeenCalledWith({ queue_full: 5 })
    expect(sentIds()).toEqual(range(5, 15))
  })

  it('past the cap, drops written events before newly recorded ones, and the oldest of those: the newest 10 are kept', async () => {
    answer = () => Promise.reject(new TypeError('Failed to fetch'))
    const pipeline = start(60_000, LIMITS)
    for (let i = 0; i < 5; i++) pipeline._add(event(i, '', T0 + i))
    await advance(250)
    expect(await storedIds()).toEqual(range(0, 5))
    for (let i = 5; i < 25; i++) pipeline._add(event(i, '', T0 + i))
    await advance(250)
    expect(await storedIds()).toEqual(range(15, 25))
    await pipeline._flush()
    // 10 never written (5 to 14), and 5 trimmed from IndexedDB (0 to 4).
    expect(onDrops).toHaveBeenCalledWith({ queue_full: 15 })
  })

  it('without IndexedDB, holds at most maxEvents in memory and reports the oldest as queue_full', async () => {
    vi.stubGlobal('indexedDB', undefined)
    const pipeline = start(60_000, LIMITS)
    for (let i = 0; i < 15; i++) pipeline._add(event(i, '', T0 + i))
    await pipeline._flush()
    expect(onDrops).toHaveBeenCalledWith({ queue_full: 5 })
    expect(sentIds()).toEqual(range(5, 15))
  })

  it('prepares events when it takes them in, leaves out those prepare refuses, and counts one it throws on', async () => {
    const prepare = vi.fn((e: Event) => {
      if (e.id === id(1)) return undefined
      if (e.id === id(2)) throw new Error('bug')
      return { ...e, name: 'prepared' }
    })
    const pipeline = start(60_000, undefined, prepare)
    for (let i = 0; i < 4; i++) pipeline._add(event(i))
    expect(prepare).not.toHaveBeenCalled()
    await advance(250)
    expect(prepare).toHaveBeenCalledTimes(4)
    expect(await storedIds()).toEqual([id(0), id(3)])
    await pipeline._flush()
    expect(onDrops).toHaveBeenCalledWith({ internal_error: 1 })
    expect(sentIds()).toEqual([id(0), id(3)])
    expect(posts.flatMap((p) => JSON.parse(p.body).events.map((e: Event) => e.name))).toEqual(['prepared', 'prepared'])
  })

  it('drops an event over 60 KiB as too_large and sends the others', async () => {
    const pipeline = start()
    pipeline._add(event(0))
    pipeline._add(event(1, 'ж'.repeat(31 * 1024))) // 62 KiB in UTF-8
    pipeline._add(event(2))
    await advance(250)
    expect(await storedIds()).toEqual([id(0), id(2)])
    await pipeline._flush()
    expect(onDrops).toHaveBeenCalledWith({ too_large: 1 })
    expect(sentIds()).toEqual([id(0), id(2)])
    pipeline._add(event(3, 'ж'.repeat(31 * 1024)))
    pipeline._hide()
    expect(beacons).toEqual([])
  })

  it('never stores or sends an event it refused at a hide: one too large, one that cannot be JSON', async () => {
    const pipeline = start()
    pipeline._add(event(0))
    pipeline._add(event(1, 'ж'.repeat(31 * 1024)))
    pipeline._add({ ...event(2), big: 1n } as unknown as Event)
    pipeline._add(event(3))
    pipeline._hide()
    expect(beacons.flatMap((body) => JSON.parse(body).events.map((e: Event) => e.id))).toEqual([id(0), id(3)])
    await advance(250)
    expect(await storedIds()).toEqual([id(0), id(3)])
    await pipeline._flush()
    expect(posts.every((p) => JSON.parse(p.body))).toBe(true)
    expect(onDrops).toHaveBeenCalledWith({ too_large: 1, unserializable: 1 })
    expect(sentIds()).toEqual([id(0), id(3)])
  })

  it('drops stored events older than maxAge as expired', async () => {
    setNavigator({ onLine: false })
    const pipeline = start(60_000, { maxEvents: 100, maxBytes: 1e9, maxAge: 7 * DAY })
    pipeline._add(event('old', '', T0 - 8 * DAY))
    pipeline._add(event('new'))
    await advance(250)
    expect(await storedIds()).toEqual(['enew'])
    setNavigator()
    await pipeline._flush()
    expect(onDrops).toHaveBeenCalledWith({ expired: 1 })
    expect(sentIds()).toEqual(['enew'])
  })

  it('expires events that waited in IndexedDB longer than maxAge', async () => {
    setNavigator({ onLine: false })
    const pipeline = start(DAY, { maxEvents: 100, maxBytes: 1e9, maxAge: 2 * DAY })
    pipeline._add(event(1))
    await advance(DAY)
    pipeline._add(event(2))
    await advance(DAY + 1000)
    pipeline._add(event(3))
    await advance(250)
    expect(await storedIds()).toEqual([id(2), id(3)])
    await pipeline._flush()
    expect(onDrops).toHaveBeenCalledWith({ expired: 1 })
  })
})

describe('startPipeline: offline', () => {
  it('fetches nothing while navigator.onLine is false, and sends when the online event fires', async () => {
    setNavigator({ onLine: false })
    const pipeline = start(1000)
    for (let i = 0; i < 60; i++) pipeline._add(event(i))
    await advance(5000)
    await pipeline._flush()
    expect(posts).toEqual([])
    expect(await storedIds()).toHaveLength(60)
    setNavigator()
    expect(listeners.online).toHaveLength(1)
    listeners.online[0]()
    await settle()
    expect(sentIds()).toEqual(range(0, 60))
  })

  it('the online event cuts a backoff short', async () => {
    vi.spyOn(Math, 'random').mockReturnValue(0)
    answer = status(503, { 'Retry-After': '600' })
    const pipeline = start(60_000)
    pipeline._add(event(1))
    await pipeline._flush()
    answer = ok
    await advance(10_000)
    expect(posts).toHaveLength(1)
    listeners.online[0]()
    await settle()
    expect(sentIds()).toEqual([id(1), id(1)])
  })
})

describe('startPipeline: whenIdle()', () => {
  it('without requestIdleCallback, sends what is pending about a second later', async () => {
    const pipeline = start()
    pipeline._add(event(1))
    pipeline._whenIdle()
    await advance(999)
    expect(posts).toEqual([])
    await advance(1)
    expect(sentIds()).toEqual([id(1)])
  })
})
