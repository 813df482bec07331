// A fresh page for the tests of the public API (index, startRum, global): new module instances,
// an empty IndexedDB (fake-indexeddb), a fake clock, and a fake network that
// records every body rumlet posts. Only what is outside rumlet is faked; the pipeline and its
// IndexedDB buffer are the real ones. Call `freshPage()` in a `beforeEach` of a happy-dom test.
import { IDBFactory } from 'fake-indexeddb'
import { vi } from 'vitest'
import type { Batch, RumEvent } from '../src/wire'

export const ENDPOINT = 'https://collector.test/rum'
export const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)

/** init options that leave the public API as the only source of events, sent only by `flush`. */
export const QUIET = { endpoint: ENDPOINT, flushInterval: 60_000, trackErrors: false, trackVitals: false, trackPageViews: false }

let bodies: string[] = []
export let fetchMock: ReturnType<typeof vi.fn>
/** The bodies rumlet beaconed since the page was fresh (a pipeline of an earlier test included). */
export let beacons: string[] = []

export function freshPage(): void {
  vi.resetModules()
  vi.restoreAllMocks()
  vi.unstubAllGlobals()
  // Timers are fake too: a pipeline left by an earlier test never wakes up (useRealTimers drops
  // its timers), and this test's pipeline sends only when the test flushes. fake-indexeddb works
  // in setImmediate callbacks, which stay real.
  vi.useRealTimers()
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'], now: T0 })
  vi.stubGlobal('indexedDB', new IDBFactory())
  // Bodies over 1 KiB would be gzipped: keep them readable.
  vi.stubGlobal('CompressionStream', undefined)
  bodies = []
  fetchMock = vi.fn(async (_url: unknown, init: RequestInit) => {
    bodies.push(init.body as string)
    return new Response('{}', { status: 200 })
  })
  vi.stubGlobal('fetch', fetchMock)
  // A page exit beacons: recorded, never sent (happy-dom's would go to the network).
  beacons = []
  Object.defineProperty(navigator, 'sendBeacon', { configurable: true, value: (_url: string, body: string) => (beacons.push(body), true) })
  history.replaceState(null, '', '/')
}

/** Every event posted so far, in the order sent. */
export function sent(): RumEvent[] {
  return bodies.flatMap((body) => (JSON.parse(body) as Batch).events)
}

/** Lets fake-indexeddb (and the promises waiting on it) finish what it was asked to do. */
export async function idle(rounds = 50): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise<void>((resolve) => setImmediate(resolve))
}

/** Names of the IndexedDB databases of the origin. */
export async function databases(): Promise<string[]> {
  return (await indexedDB.databases()).map((db) => db.name!)
}

/** A fresh instance of the npm entry. */
export const loadRum = () => import('../src/browser/index')

/** Puts records into rumlet's database, as an earlier page of the origin would have. */
async function store(records: [key: IDBValidKey, value: unknown][]): Promise<void> {
  const open = indexedDB.open('rumlet')
  open.onupgradeneeded = () => open.result.createObjectStore('events')
  const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)))
  const tx = db.transaction('events', 'readwrite')
  for (const [key, value] of records) tx.objectStore('events').put(value, key)
  await new Promise((resolve) => (tx.oncomplete = resolve))
  db.close()
}

/** The origin's session, as another tab or an earlier page stored it. */
export const storedSession = (id: string) => store([['session', { id, start: T0, last: T0 }]])

/** What an earlier page left behind: rumlet's database holding a record of one unsent event, and its session. */
export async function leftByEarlierPage(): Promise<void> {
  const json = '{"id":"old","type":"action","time":1}'
  await store([
    [[T0 - 1000, 'old', json.length + 1, 1], [[[T0 - 1000, 'old', json.length], json]]],
    ['session', { id: 'old-session', start: T0, last: T0 }],
  ])
}
