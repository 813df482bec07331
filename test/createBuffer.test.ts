// @vitest-environment node
import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBuffer } from '../src/browser/pipeline/createBuffer'
import type { Entry, RecordKey } from '../src/browser/pipeline/entry'

// The buffer is the real one, on fake-indexeddb: a fresh, empty IndexedDB for every test.

const T0 = 1_700_000_000_000
const DAY = 24 * 3600e3

const entry = (time: number, id: string, bytes?: number): Entry => {
  const json = JSON.stringify({ id, time, type: 'action', name: `ñame ${id}` })
  return { _key: [time, id, bytes ?? new TextEncoder().encode(json).length], _json: json }
}
const idsOf = (entries: Entry[]) => entries.map((e) => e._key[1])
const ALL = [1e6, 1e9] as const
// The records in the database, read directly (not through the code under test).
const records = () =>
  new Promise<{ keys: RecordKey[]; values: unknown[] }>((resolve, reject) => {
    const open = indexedDB.open('rumlet')
    open.onerror = () => reject(open.error)
    open.onsuccess = () => {
      const store = open.result.transaction('events').objectStore('events')
      const keys = store.getAllKeys()
      const values = store.getAll()
      values.onsuccess = () => (open.result.close(), resolve({ keys: keys.result as RecordKey[], values: values.result }))
    }
  })

// `indexedDB` is a configurable, writable global here (fake-indexeddb/auto), so it can be deleted.
const globals = globalThis as unknown as { indexedDB?: IDBFactory }

beforeEach(() => {
  globals.indexedDB = new IDBFactory()
})

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('createBuffer', () => {
  it('stores each batch as one record, keyed [time, id] of its first event, its bytes and its count', async () => {
    const buffer = createBuffer()
    const a = [entry(T0 + 10, 'a1', 100), entry(T0 + 11, 'a2', 50)]
    const b = [entry(T0 + 5, 'b1', 70)]
    await buffer._write([a, b])
    const { keys, values } = await records()
    // A comma per event is counted: the bytes are what the events take in a body.
    expect(keys).toEqual([
      [T0 + 5, 'b1', 71, 1],
      [T0 + 10, 'a1', 152, 2],
    ])
    expect(values[1]).toEqual(a.map((e) => [e._key, e._json]))
    expect(a.map((e) => e._record)).toEqual([keys[1], keys[1]])
  })

  it('writes a burst of 1,000 entries with one put per batch, in one transaction', async () => {
    const buffer = createBuffer()
    const entries = Array.from({ length: 1000 }, (_, i) => entry(T0 + i, `e${String(i).padStart(4, '0')}`))
    // Opened first: the open is a transaction of its own.
    await buffer._trim(T0, { maxEvents: 1e6, maxBytes: 1e9, maxAge: DAY })
    const put = vi.spyOn(IDBObjectStore.prototype, 'put')
    const transaction = vi.spyOn(IDBDatabase.prototype, 'transaction')
    await buffer._write(Array.from({ length: 20 }, (_, i) => entries.slice(i * 50, i * 50 + 50)))
    expect(put).toHaveBeenCalledTimes(20)
    expect(transaction).toHaveBeenCalledTimes(1)
    expect(idsOf(await buffer._read(...ALL))).toEqual(entries.map((e) => e._key[1]))
  })

  it('reads back what it wrote, oldest record first, each entry marked as written in its record', async () => {
    const buffer = createBuffer()
    const written = [entry(T0 + 30, 'c'), entry(T0 + 31, 'd')]
    await buffer._write([written, [entry(T0 + 10, 'a'), entry(T0 + 40, 'b')]])
    const read = await buffer._read(...ALL)
    expect(idsOf(read)).toEqual(['a', 'b', 'c', 'd'])
    const { keys } = await records()
    expect(read[2]).toEqual({ _key: written[0]._key, _json: written[0]._json, _written: true, _record: keys[1] })
  })

  it('reads as many whole records as fit in maxEvents and maxBytes, at least one', async () => {
    const buffer = createBuffer()
    const batch = (from: number, n: number, bytes = 10) => Array.from({ length: n }, (_, i) => entry(T0 + from + i, `e${from + i}`, bytes))
    await buffer._write([batch(0, 20), batch(20, 20), batch(40, 20)])
    expect(await buffer._read(50, 1e6)).toHaveLength(40)
    expect(await buffer._read(60, 1e6)).toHaveLength(60)
    // 11 bytes an event with its comma: two records are 440 bytes.
    expect(await buffer._read(100, 439)).toHaveLength(20)
    expect(await buffer._read(100, 440)).toHaveLength(40)
    // A record larger than the batch still comes, alone.
    expect(idsOf(await buffer._read(5, 10))).toEqual(idsOf(batch(0, 20)))
  })

  it('removes the given records and nothing else; removing unknown keys is harmless', async () => {
    const buffer = createBuffer()
    const batches = Array.from({ length: 4 }, (_, i) => [entry(T0 + 2 * i, `e${2 * i}`), entry(T0 + 2 * i + 1, `e${2 * i + 1}`)])
    await buffer._write(batches)
    await buffer._remove([batches[1][0]._record!, batches[3][0]._record!, [T0, 'never-written', 10, 1]])
    expect(idsOf(await buffer._read(...ALL))).toEqual(['e0', 'e1', 'e4', 'e5'])
    await buffer._remove([])
    expect(await buffer._read(...ALL)).toHaveLength(4)
  })

  it('trims records whose first event is older than maxAge, counting their events as expired', async () => {
    const buffer = createBuffer()
    const now = T0 + 10 * DAY
    await buffer._write([[entry(now - 8 * DAY, 'old1'), entry(now - 8 * DAY + 1, 'old2')], [entry(now - 7 * DAY - 1, 'old3')], [entry(now - 7 * DAY + 1, 'young')], [entry(now, 'new')]])
    const dropped = await buffer._trim(now, { maxEvents: 100, maxBytes: 1e9, maxAge: 7 * DAY })
    expect(dropped).toEqual({ expired: 3, queue_full: 0 })
    expect(idsOf(await buffer._read(...ALL))).toEqual(['young', 'new'])
  })

  it('trims the oldest events while there are more than maxEvents, counting them as queue_full', async () => {
    const buffer = createBuffer()
    const e = Array.from({ length: 15 }, (_, i) => entry(T0 + i, `e${String(i).padStart(2, '0')}`))
    await buffer._write([e.slice(0, 3), e.slice(3, 6), e.slice(6, 15)])
    const dropped = await buffer._trim(T0 + 100, { maxEvents: 10, maxBytes: 1e9, maxAge: DAY })
    expect(dropped).toEqual({ expired: 0, queue_full: 5 })
    expect(idsOf(await buffer._read(...ALL))).toEqual(idsOf(e.slice(5)))
    // The second record went in part: what stays of it is a record of its own.
    const { keys } = await records()
    expect(keys[0]).toEqual([T0 + 5, 'e05', e[5]._key[2] + 1, 1])
  })

  it('keeps the events of a record that are not expired, when its first one is', async () => {
    const buffer = createBuffer()
    const now = T0 + 10 * DAY
    await buffer._write([[entry(now - 8 * DAY, 'old'), entry(now - DAY, 'young1'), entry(now, 'young2')]])
    expect(await buffer._trim(now, { maxEvents: 100, maxBytes: 1e9, maxAge: 7 * DAY })).toEqual({ expired: 1, queue_full: 0 })
    expect(idsOf(await buffer._read(...ALL))).toEqual(['young1', 'young2'])
  })

  it('trims the oldest records past maxBytes as queue_full, counting the bytes held in the key', async () => {
    const buffer = createBuffer()
    // The JSON is small; the size in the key (key[2]) is what counts.
    await buffer._write([[entry(T0 + 1, 'a', 399)], [entry(T0 + 2, 'b', 299)], [entry(T0 + 3, 'c', 199), entry(T0 + 4, 'd', 99)]])
    const dropped = await buffer._trim(T0 + 10, { maxEvents: 100, maxBytes: 350, maxAge: DAY })
    // 1000 bytes with the commas: dropping a (→600) and b (→300) brings it within 350.
    expect(dropped).toEqual({ expired: 0, queue_full: 2 })
    expect(idsOf(await buffer._read(...ALL))).toEqual(['c', 'd'])
  })

  it('trims nothing when within every limit', async () => {
    const buffer = createBuffer()
    await buffer._write([[entry(T0, 'a', 9), entry(T0 + 1, 'b', 9)]])
    expect(await buffer._trim(T0 + 2, { maxEvents: 2, maxBytes: 20, maxAge: DAY })).toEqual({ expired: 0, queue_full: 0 })
    expect(await buffer._read(...ALL)).toHaveLength(2)
  })

  it('is shared: a second buffer (another tab) reads, removes and trims what the first wrote', async () => {
    const tabA = createBuffer()
    const tabB = createBuffer()
    await tabA._write([[entry(T0 + 1, 'a1')], [entry(T0 + 3, 'a2')]])
    await tabB._write([[entry(T0 + 2, 'b1')]])
    expect(idsOf(await tabB._read(...ALL))).toEqual(['a1', 'b1', 'a2'])
    expect(idsOf(await tabA._read(...ALL))).toEqual(['a1', 'b1', 'a2'])
    // A key is compared whole: [time, id, bytes, count] must match what was written.
    await tabB._remove([[T0 + 1, 'a1', 0, 1]])
    expect(idsOf(await tabA._read(...ALL))).toEqual(['a1', 'b1', 'a2'])
    const [a1] = await tabA._read(1, 1e9)
    await tabB._remove([a1._record!])
    expect(idsOf(await tabA._read(...ALL))).toEqual(['b1', 'a2'])
    expect(await tabA._trim(T0 + 10, { maxEvents: 1, maxBytes: 1e9, maxAge: DAY })).toEqual({ expired: 0, queue_full: 1 })
    expect(idsOf(await tabB._read(...ALL))).toEqual(['a2'])
  })

  it('rejects every call, without throwing synchronously, when IndexedDB is missing', async () => {
    delete globals.indexedDB
    const buffer = createBuffer()
    const calls: (() => Promise<unknown>)[] = [
      () => buffer._write([[entry(T0, 'a')]]),
      () => buffer._read(10, 1e6),
      () => buffer._remove([[T0, 'a', 10, 1]]),
      () => buffer._trim(T0, { maxEvents: 1, maxBytes: 1, maxAge: 1 }),
    ]
    for (const call of calls) {
      let promise: Promise<unknown> | undefined
      expect(() => (promise = call())).not.toThrow()
      await expect(promise).rejects.toBeInstanceOf(Error)
    }
  })

  it('works again, the same buffer object, once IndexedDB is back', async () => {
    const factory = new IDBFactory()
    delete globals.indexedDB
    const buffer = createBuffer()
    await expect(buffer._write([[entry(T0, 'lost')]])).rejects.toBeInstanceOf(Error)
    await expect(buffer._read(...ALL)).rejects.toBeInstanceOf(Error)
    globals.indexedDB = factory
    await buffer._write([[entry(T0 + 1, 'kept')]])
    const read = await buffer._read(...ALL)
    expect(idsOf(read)).toEqual(['kept'])
    await buffer._remove([read[0]._record!])
    expect(await buffer._read(...ALL)).toEqual([])
  })

  it('rejects a call IndexedDB never answers after 5 s, then reconnects on the next call', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const real = globals.indexedDB!
    // An open that never succeeds nor fails, as when another connection blocks it.
    const open = vi.fn(() => ({}) as IDBOpenDBRequest)
    globals.indexedDB = { open } as unknown as IDBFactory
    const buffer = createBuffer()
    const stuck = buffer._read(...ALL)
    let settled = false
    stuck.then(
      () => (settled = true),
      () => (settled = true),
    )
    await vi.advanceTimersByTimeAsync(4999)
    expect(settled).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    await expect(stuck).rejects.toThrow('IndexedDB timeout')
    expect(open).toHaveBeenCalledTimes(1)
    globals.indexedDB = real
    await buffer._write([[entry(T0, 'a')]])
    expect(idsOf(await buffer._read(...ALL))).toEqual(['a'])
  })

  it('lets another connection upgrade or delete the database instead of blocking it', async () => {
    const buffer = createBuffer()
    await buffer._write([[entry(T0, 'a')]])
    // A versionchange (another tab upgrading, or deleting the database) must not be blocked by
    // the buffer's open connection.
    const deleted = await new Promise<string>((resolve) => {
      const request = indexedDB.deleteDatabase('rumlet')
      request.onsuccess = () => resolve('deleted')
      request.onblocked = () => resolve('blocked')
    })
    expect(deleted).toBe('deleted')
    // The closed connection may fail one call; the buffer then opens the new database.
    const ok = await buffer._write([[entry(T0 + 1, 'b')]]).then(
      () => true,
      () => false,
    )
    if (!ok) await buffer._write([[entry(T0 + 1, 'b')]])
    expect(idsOf(await buffer._read(...ALL))).toEqual(['b'])
  })
})
