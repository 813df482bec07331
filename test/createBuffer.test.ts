// @vitest-environment node
import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createBuffer } from '../src/browser/pipeline/createBuffer'
import type { Entry, EntryKey } from '../src/browser/pipeline/entry'

// The buffer is the real one, on fake-indexeddb: a fresh, empty IndexedDB for every test.

const T0 = 1_700_000_000_000
const DAY = 24 * 3600e3

const entry = (time: number, id: string, bytes?: number): Entry => {
  const json = JSON.stringify({ id, time, type: 'action', name: `ñame ${id}` })
  return { _key: [time, id, bytes ?? new TextEncoder().encode(json).length], _json: json }
}
const idsOf = (entries: Entry[]) => entries.map((e) => e._key[1])

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
  it('reads back what it wrote, oldest first by [time, id], marked as written', async () => {
    const buffer = createBuffer()
    const written = [entry(T0 + 30, 'c'), entry(T0 + 10, 'z'), entry(T0 + 20, 'b'), entry(T0 + 10, 'a')]
    await buffer._write(written)
    const read = await buffer._read(100)
    expect(idsOf(read)).toEqual(['a', 'z', 'b', 'c'])
    for (const got of read) {
      const original = written.find((e) => e._key[1] === got._key[1])!
      expect(got).toEqual({ _key: original._key, _json: original._json, _written: true })
    }
  })

  it('writes entries with the same key once (a rewrite replaces)', async () => {
    const buffer = createBuffer()
    const first = entry(T0, 'a')
    await buffer._write([first])
    await buffer._write([first, entry(T0 + 1, 'b')])
    expect(idsOf(await buffer._read(100))).toEqual(['a', 'b'])
  })

  it('reads at most `limit` entries, the oldest', async () => {
    const buffer = createBuffer()
    await buffer._write(Array.from({ length: 30 }, (_, i) => entry(T0 + 1000 - i, `e${i}`)))
    const read = await buffer._read(5)
    expect(idsOf(read)).toEqual(['e29', 'e28', 'e27', 'e26', 'e25'])
    expect(await buffer._read(100)).toHaveLength(30)
  })

  it('removes the given keys and nothing else; removing unknown keys is harmless', async () => {
    const buffer = createBuffer()
    const entries = Array.from({ length: 6 }, (_, i) => entry(T0 + i, `e${i}`))
    await buffer._write(entries)
    await buffer._remove([entries[1]._key, entries[4]._key, [T0, 'never-written', 10]])
    expect(idsOf(await buffer._read(100))).toEqual(['e0', 'e2', 'e3', 'e5'])
    await buffer._remove([])
    expect(await buffer._read(100)).toHaveLength(4)
  })

  it('trims entries older than maxAge as expired', async () => {
    const buffer = createBuffer()
    const now = T0 + 10 * DAY
    await buffer._write([entry(now - 8 * DAY, 'old1'), entry(now - 7 * DAY - 1, 'old2'), entry(now - 7 * DAY + 1, 'young'), entry(now, 'new')])
    const dropped = await buffer._trim(now, { maxEvents: 100, maxBytes: 1e9, maxAge: 7 * DAY })
    expect(dropped).toEqual({ expired: 2, queue_full: 0 })
    expect(idsOf(await buffer._read(100))).toEqual(['young', 'new'])
  })

  it('trims the oldest entries past maxEvents as queue_full', async () => {
    const buffer = createBuffer()
    await buffer._write(Array.from({ length: 15 }, (_, i) => entry(T0 + i, `e${String(i).padStart(2, '0')}`)))
    const dropped = await buffer._trim(T0 + 100, { maxEvents: 10, maxBytes: 1e9, maxAge: DAY })
    expect(dropped).toEqual({ expired: 0, queue_full: 5 })
    expect(idsOf(await buffer._read(100))).toEqual(['e05', 'e06', 'e07', 'e08', 'e09', 'e10', 'e11', 'e12', 'e13', 'e14'])
  })

  it('trims the oldest entries past maxBytes as queue_full, counting the bytes held in the key', async () => {
    const buffer = createBuffer()
    // The JSON is small; the size in the key (key[2]) is what counts.
    await buffer._write([entry(T0 + 1, 'a', 400), entry(T0 + 2, 'b', 300), entry(T0 + 3, 'c', 200), entry(T0 + 4, 'd', 100)])
    const dropped = await buffer._trim(T0 + 10, { maxEvents: 100, maxBytes: 350, maxAge: DAY })
    // 1000 bytes: dropping a (→600) and b (→300) brings it within 350.
    expect(dropped).toEqual({ expired: 0, queue_full: 2 })
    expect(idsOf(await buffer._read(100))).toEqual(['c', 'd'])
  })

  it('drops expired entries first, then only as many of the rest as the caps need', async () => {
    const buffer = createBuffer()
    const now = T0 + 30 * DAY
    const entries = [
      entry(now - 20 * DAY, 'x1', 10),
      entry(now - 9 * DAY, 'x2', 10),
      ...Array.from({ length: 8 }, (_, i) => entry(now - 1000 + i, `k${i}`, 10)),
    ]
    await buffer._write(entries)
    const dropped = await buffer._trim(now, { maxEvents: 5, maxBytes: 1e9, maxAge: 7 * DAY })
    expect(dropped).toEqual({ expired: 2, queue_full: 3 })
    expect(idsOf(await buffer._read(100))).toEqual(['k3', 'k4', 'k5', 'k6', 'k7'])
  })

  it('trims nothing when within every limit', async () => {
    const buffer = createBuffer()
    await buffer._write([entry(T0, 'a', 10), entry(T0 + 1, 'b', 10)])
    expect(await buffer._trim(T0 + 2, { maxEvents: 2, maxBytes: 20, maxAge: DAY })).toEqual({ expired: 0, queue_full: 0 })
    expect(await buffer._read(100)).toHaveLength(2)
  })

  it('is shared: a second buffer (another tab) reads, removes and trims what the first wrote', async () => {
    const tabA = createBuffer()
    const tabB = createBuffer()
    await tabA._write([entry(T0 + 1, 'a1'), entry(T0 + 3, 'a2')])
    await tabB._write([entry(T0 + 2, 'b1')])
    expect(idsOf(await tabB._read(100))).toEqual(['a1', 'b1', 'a2'])
    expect(idsOf(await tabA._read(100))).toEqual(['a1', 'b1', 'a2'])
    // A key is compared whole: [time, id, bytes] must match what was written.
    await tabB._remove([[T0 + 1, 'a1', 0] as EntryKey])
    expect(idsOf(await tabA._read(100))).toEqual(['a1', 'b1', 'a2'])
    const [a1] = await tabA._read(1)
    await tabB._remove([a1._key])
    expect(idsOf(await tabA._read(100))).toEqual(['b1', 'a2'])
    expect(await tabA._trim(T0 + 10, { maxEvents: 1, maxBytes: 1e9, maxAge: DAY })).toEqual({ expired: 0, queue_full: 1 })
    expect(idsOf(await tabB._read(100))).toEqual(['a2'])
  })

  it('rejects every call, without throwing synchronously, when IndexedDB is missing', async () => {
    delete globals.indexedDB
    const buffer = createBuffer()
    const calls: (() => Promise<unknown>)[] = [
      () => buffer._write([entry(T0, 'a')]),
      () => buffer._read(10),
      () => buffer._remove([[T0, 'a', 10]]),
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
    await expect(buffer._write([entry(T0, 'lost')])).rejects.toBeInstanceOf(Error)
    await expect(buffer._read(10)).rejects.toBeInstanceOf(Error)
    globals.indexedDB = factory
    await buffer._write([entry(T0 + 1, 'kept')])
    expect(idsOf(await buffer._read(10))).toEqual(['kept'])
    await buffer._remove([[T0 + 1, 'kept', (await buffer._read(1))[0]._key[2]]])
    expect(await buffer._read(10)).toEqual([])
  })

  it('rejects a call IndexedDB never answers after 5 s, then reconnects on the next call', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] })
    const real = globals.indexedDB!
    // An open that never succeeds nor fails, as when another connection blocks it.
    const open = vi.fn(() => ({}) as IDBOpenDBRequest)
    globals.indexedDB = { open } as unknown as IDBFactory
    const buffer = createBuffer()
    const stuck = buffer._read(10)
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
    await buffer._write([entry(T0, 'a')])
    expect(idsOf(await buffer._read(10))).toEqual(['a'])
  })

  it('lets another connection upgrade or delete the database instead of blocking it', async () => {
    const buffer = createBuffer()
    await buffer._write([entry(T0, 'a')])
    // A versionchange (another tab upgrading, or deleting the database) must not be blocked by
    // the buffer's open connection.
    const deleted = await new Promise<string>((resolve) => {
      const request = indexedDB.deleteDatabase('rumlet')
      request.onsuccess = () => resolve('deleted')
      request.onblocked = () => resolve('blocked')
    })
    expect(deleted).toBe('deleted')
    // The closed connection may fail one call; the buffer then opens the new database.
    const ok = await buffer._write([entry(T0 + 1, 'b')]).then(
      () => true,
      () => false,
    )
    if (!ok) await buffer._write([entry(T0 + 1, 'b')])
    expect(idsOf(await buffer._read(10))).toEqual(['b'])
  })
})
