// @vitest-environment node
import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBuffer, type Limits } from '../src/browser/pipeline/createBuffer'
import type { Entry, RecordKey } from '../src/browser/pipeline/entry'

// The buffer is the real one, on fake-indexeddb (a fresh database for every test).

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)
const DAY = 24 * 3600e3
const LIMITS: Limits = { _maxEvents: 100, _maxBytes: 1e6, _maxAge: 7 * DAY }

const entry = (id: string, time = T0, json = `{"id":"${id}"}`): Entry => ({ _key: [time, id, json.length], _json: json })

/** Every record in the database, as [key, its events' ids]. */
async function records(): Promise<[RecordKey, string[]][]> {
  const open = indexedDB.open('rumlet')
  const db = await new Promise<IDBDatabase>((resolve) => (open.onsuccess = () => resolve(open.result)))
  const store = db.transaction('events').objectStore('events')
  const keys = await new Promise<RecordKey[]>((resolve) => (store.getAllKeys().onsuccess = (e) => resolve((e.target as IDBRequest).result)))
  const values = await new Promise<[unknown[], string][][]>((resolve) => (store.getAll().onsuccess = (e) => resolve((e.target as IDBRequest).result)))
  db.close()
  return keys.map((key, i) => [key, values[i].map(([k]) => k[1] as string)])
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory())
})
afterEach(() => vi.unstubAllGlobals())

describe('createBuffer', () => {
  it('opens nothing before the first call', async () => {
    createBuffer(LIMITS)
    expect(await indexedDB.databases()).toEqual([])
  })

  it('writes each group as one record keyed [time, id, bytes with commas, count], and notes the record on its entries', async () => {
    const buffer = createBuffer(LIMITS)
    const a = [entry('a', T0), entry('b', T0 + 1)]
    const c = [entry('c', T0 + 2)]
    await buffer._write([a, c], T0)
    const stored = await records()
    // `{"id":"a"}` is 10 bytes, and each event counts a comma.
    expect(stored).toEqual([
      [[T0, 'a', 22, 2], ['a', 'b']],
      [[T0 + 2, 'c', 11, 1], ['c']],
    ])
    expect(a.map((e) => e._record)).toEqual([stored[0][0], stored[0][0]])
    expect(c[0]._record).toEqual(stored[1][0])
  })

  it('keeps the session beside the events: read and stored in one transaction, never read as events', async () => {
    const buffer = createBuffer(LIMITS)
    await buffer._write([[entry('a')]], T0)
    expect(await buffer._session((stored) => stored ?? { id: 's1', start: T0, last: T0 })).toEqual({ id: 's1', start: T0, last: T0 })
    expect(await buffer._session((stored: { id: string } | undefined) => ({ ...stored!, last: T0 + 1 }))).toEqual({ id: 's1', start: T0, last: T0 + 1 })
    expect((await buffer._next([], 1e6)).map((e) => e._key[1])).toEqual(['a'])
  })

  it('reads the oldest records of any tab, as many as fit in maxBytes and maxCount but at least one', async () => {
    const other = createBuffer(LIMITS)
    await other._write([[entry('a', T0)], [entry('b', T0 + 1)], [entry('c', T0 + 2)]], T0)
    const buffer = createBuffer(LIMITS)
    expect((await buffer._next([], 22)).map((e) => e._key[1])).toEqual(['a', 'b'])
    expect((await buffer._next([], 21)).map((e) => e._key[1])).toEqual(['a'])
    expect((await buffer._next([], 1)).map((e) => e._key[1])).toEqual(['a'])
    // …and as many as fit in `maxCount` events (the collector's limit per batch), at least one record.
    await other._write([[entry('d', T0 + 3), entry('e', T0 + 4)]], T0)
    expect((await buffer._next([], 1e6, 4)).map((e) => e._key[1])).toEqual(['a', 'b', 'c'])
    expect((await buffer._next([], 1e6, 5)).map((e) => e._key[1])).toEqual(['a', 'b', 'c', 'd', 'e'])
    expect((await buffer._next([], 1e6, 0)).map((e) => e._key[1])).toEqual(['a'])
    const read = (await buffer._next([], 1e6)).slice(0, 3)
    expect(read.map((e) => [e._key, e._json, e._record![1]])).toEqual([
      [[T0, 'a', 10], '{"id":"a"}', 'a'],
      [[T0 + 1, 'b', 10], '{"id":"b"}', 'b'],
      [[T0 + 2, 'c', 10], '{"id":"c"}', 'c'],
    ])
  })

  it('deletes acknowledged records in the transaction that reads the next ones', async () => {
    const buffer = createBuffer(LIMITS)
    await buffer._write([[entry('a')], [entry('b', T0 + 1)]], T0)
    const first = await buffer._next([], 10)
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    expect((await buffer._next([first[0]._record!], 10)).map((e) => e._key[1])).toEqual(['b'])
    expect(transactions).toHaveBeenCalledTimes(1)
    expect((await records()).map(([, ids]) => ids)).toEqual([['b']])
  })

  it('keeps at most _maxEvents, dropping the oldest records as queue_full, in the transaction of the write', async () => {
    const buffer = createBuffer({ ...LIMITS, _maxEvents: 5 })
    const group = (from: number, n: number) => Array.from({ length: n }, (_, i) => entry(`e${from + i}`, T0 + from + i))
    expect(await buffer._write([group(0, 2)], T0)).toEqual({ expired: 0, queue_full: 0, stored: 2 })
    expect(await buffer._write([group(2, 2)], T0)).toEqual({ expired: 0, queue_full: 0 })
    // 7 events: the oldest record goes whole (2 events), and 5 are left.
    expect(await buffer._write([group(4, 3)], T0)).toEqual({ expired: 0, queue_full: 2, stored: 5 })
    expect((await records()).map(([, ids]) => ids)).toEqual([['e2', 'e3'], ['e4', 'e5', 'e6']])
  })

  it('drops events older than _maxAge as expired, at the first write of a page', async () => {
    await createBuffer(LIMITS)._write([[entry('old', T0 - 8 * DAY)], [entry('recent', T0 - DAY)]], T0 - DAY)
    const buffer = createBuffer(LIMITS)
    expect(await buffer._write([[entry('new', T0)]], T0)).toEqual({ expired: 1, queue_full: 0, stored: 2 })
    expect((await records()).map(([, ids]) => ids)).toEqual([['recent'], ['new']])
  })

  it('reads the stored total only at its first write and near the caps: other writes are one put per record', async () => {
    const buffer = createBuffer({ ...LIMITS, _maxEvents: 10 })
    const keys = vi.spyOn(IDBObjectStore.prototype, 'getAllKeys')
    await buffer._write([[entry('a')]], T0)
    expect(keys).toHaveBeenCalledTimes(1)
    for (let i = 0; i < 8; i++) await buffer._write([[entry(`b${i}`, T0 + i)]], T0)
    expect(keys).toHaveBeenCalledTimes(1)
    // Past 9 of 10, within a tenth of the cap: the write trims.
    await buffer._write([[entry('c', T0 + 10)]], T0)
    expect(keys).toHaveBeenCalledTimes(2)
  })

  it('refuses every call once closed, without opening the database again', async () => {
    const buffer = createBuffer(LIMITS)
    buffer._close()
    await expect(buffer._write([[entry('a')]], T0)).rejects.toBeDefined()
    await expect(buffer._next([], 10)).rejects.toBeDefined()
    expect(await indexedDB.databases()).toEqual([])
  })

  it('fails a request that has not settled after 5 s (an open blocked by another tab): the session and the events go on from memory', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setTimeout'], now: T0 })
    try {
      vi.stubGlobal('indexedDB', { open: () => ({}) as IDBOpenDBRequest })
      const buffer = createBuffer(LIMITS)
      let failed = false
      buffer._session(() => 1).catch(() => (failed = true))
      await vi.advanceTimersByTimeAsync(4999)
      expect(failed).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(failed).toBe(true)
    } finally {
      vi.useRealTimers()
    }
  })

  it('fails at once while a request has been under way for over 5 s (IndexedDB stuck), ', async () => {
    vi.useFakeTimers({ toFake: ['Date'], now: T0 })
    try {
      // An open that never succeeds, as when another tab blocks it.
      const real = indexedDB
      const stuck: IDBOpenDBRequest[] = []
      vi.stubGlobal('indexedDB', { open: () => (stuck.push({} as IDBOpenDBRequest), stuck[0]) })
      const buffer = createBuffer(LIMITS)
      const hanging = buffer._write([[entry('a')]], T0)
      vi.setSystemTime(T0 + 5001)
      await expect(buffer._next([], 10)).rejects.toBeDefined()
      expect(stuck).toHaveLength(1)
      void hanging
      vi.stubGlobal('indexedDB', real)
    } finally {
      vi.useRealTimers()
    }
  })
})
