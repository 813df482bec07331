// @vitest-environment node
import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createDrops } from '../src/browser/lib/createDrops'
import { createBuffer, type Buffer, type Limits } from '../src/browser/pipeline/createBuffer'
import { createOutbox } from '../src/browser/pipeline/createOutbox'

// The outbox is the real one, on the real buffer and fake-indexeddb (a fresh database for every
// test); where a test needs IndexedDB to fail or hang, the buffer's calls are replaced.

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0)
const LIMITS: Limits = { _maxEvents: 100, _maxBytes: 1e6, _maxAge: 7 * 24 * 3600e3 }

const event = (id: string, time = T0, more: object = {}) => ({ id, time, type: 'action', ...more })
const ids = (entries: { _key: [number, string, number] }[]) => entries.map((entry) => entry._key[1])
/** Lets fake-indexeddb, and the promises waiting on it, finish. */
const settle = async () => {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve))
}

const setup = (limits = LIMITS, buffer: Buffer = createBuffer(limits)) => {
  const drops = createDrops(() => {})
  const written = vi.fn()
  return { outbox: createOutbox(buffer, drops, written, limits), drops, written, buffer }
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory())
  vi.useFakeTimers({ toFake: ['Date'], now: T0 })
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('createOutbox', () => {
  it('serializes each event once and writes the batch in one transaction; `written` hears its bytes once committed', async () => {
    const { outbox, written } = setup()
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    const added = outbox._add([event('a'), event('b')])
    expect(added.map((entry) => entry._json)).toEqual([JSON.stringify(event('a')), JSON.stringify(event('b'))])
    expect(written).not.toHaveBeenCalled()
    await settle()
    // (The database's creation is a versionchange transaction of its own.)
    expect(transactions.mock.calls.filter(([, mode]) => mode !== 'versionchange')).toHaveLength(1)
    expect(written).toHaveBeenCalledWith(added[0]._key[2] + added[1]._key[2], false)
    expect(added.every((entry) => entry._record)).toBe(true)
  })

  it('writes what is added during a write in one transaction once that write ends, in order; nothing is lost', async () => {
    // The first write is held back (as a slow disk would) until `release`; the writes are real.
    const buffer = createBuffer(LIMITS)
    const write = buffer._write
    const calls: string[][] = []
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    buffer._write = async (groups, now) => {
      calls.push(groups.flat().map((entry) => entry._key[1]))
      if (calls.length === 1) await held
      return write(groups, now)
    }
    const { outbox, written } = setup(LIMITS, buffer)
    outbox._add([event('a')])
    await settle()
    // A burst finished in slices: three more adds in later tasks while the first write waits.
    outbox._add([event('b', T0 + 1)])
    await settle()
    outbox._add([event('c', T0 + 2)])
    outbox._add([event('d', T0 + 3, { type: 'error' })])
    await settle()
    expect(calls).toEqual([['a']])
    release()
    await settle()
    expect(calls).toEqual([['a'], ['b', 'c', 'd']])
    // The second write's `written` says it holds an error.
    expect(written.mock.calls).toEqual([
      [expect.any(Number), false],
      [expect.any(Number), true],
    ])
    expect(ids(await outbox._take(1e6))).toEqual(['a', 'b', 'c', 'd'])
  })

  it('tells `written` when a write holds an error (urgent), and only that write', async () => {
    const { outbox, written } = setup()
    outbox._add([event('a'), { ...event('e'), type: 'error' }])
    await settle()
    expect(written).toHaveBeenLastCalledWith(expect.any(Number), true)
    outbox._add([event('b')])
    await settle()
    expect(written).toHaveBeenLastCalledWith(expect.any(Number), false)
  })

  it('tells of what earlier pages left at its first write, so that it goes out at once (without opening IndexedDB before)', async () => {
    await setup().outbox._add([event('left by an earlier page', T0 - 1000)])
    await settle()
    const { outbox, written } = setup()
    outbox._add([event('a')])
    await settle()
    expect(written).toHaveBeenCalledWith(Infinity, false)
    outbox._add([event('b')])
    await settle()
    expect(written).toHaveBeenLastCalledWith(expect.any(Number), false)
    expect(written.mock.lastCall![0]).not.toBe(Infinity)
  })

  it('writes at most 250 events a record, so that a send of four records stays within the collector\'s 1,000 events', async () => {
    const { outbox } = setup({ ...LIMITS, _maxEvents: 2000 })
    outbox._add(Array.from({ length: 600 }, (_, i) => event(`e${i}`, T0 + i)))
    await settle()
    expect((await outbox._take(1e6, 1000)).map((entry) => entry._record![3])).toEqual([...Array(250).fill(250), ...Array(250).fill(250), ...Array(100).fill(100)])
  })

  it('drops and counts an event over 60 KiB (too_large) and one that is no JSON (unserializable); the others go on', async () => {
    const { outbox, drops } = setup()
    const added = outbox._add([event('big', T0, { name: 'x'.repeat(61 * 1024) }), event('bigint', T0, { n: 1n }), event('ok')])
    expect(ids(added)).toEqual(['ok'])
    expect(drops._take()).toEqual({ too_large: 1, unserializable: 1 })
    await settle()
    expect(ids(await outbox._take(1e6))).toEqual(['ok'])
  })

  it('gives the sender the oldest events of any tab within _maxBytes, and deletes those acknowledged at the next take', async () => {
    await setup().outbox._add([event('other tab', T0 - 10)])
    const { outbox } = setup()
    outbox._add([event('a'), event('b', T0 + 1)])
    await settle()
    const first = await outbox._take(1e6)
    expect(ids(first)).toEqual(['other tab', 'a', 'b'])
    outbox._ack(first)
    expect(await outbox._take(1e6)).toEqual([])
  })

  it('without IndexedDB, keeps events in memory and sends from there; tries IndexedDB again 30 s later', async () => {
    const buffer = createBuffer(LIMITS)
    const write = vi.spyOn(buffer, '_write').mockRejectedValue(new Error('QuotaExceededError'))
    const { outbox, written } = setup(LIMITS, buffer)
    outbox._add([event('a')])
    await settle()
    expect(written).toHaveBeenCalled()
    expect(outbox._unwritten()).toBe(true)
    outbox._add([event('b')])
    expect(write).toHaveBeenCalledTimes(1)
    expect(ids(await outbox._take(1e6, 1))).toEqual(['a'])
    const taken = await outbox._take(1e6)
    expect(ids(taken)).toEqual(['a', 'b'])
    outbox._ack(taken.slice(0, 1))
    write.mockRestore()
    vi.setSystemTime(T0 + 30_001)
    expect(ids(await outbox._take(1e6))).toEqual(['b'])
    expect(outbox._unwritten()).toBe(false)
  })

  it('while IndexedDB is down, tells `written` of each event kept in memory at once (an error as urgent), so a burst or an error does not wait for the interval', async () => {
    const buffer = createBuffer(LIMITS)
    const write = vi.spyOn(buffer, '_write').mockRejectedValue(new Error('no IndexedDB'))
    const { outbox, written } = setup(LIMITS, buffer)
    const [a] = outbox._add([event('a')])
    await settle()
    expect(written).toHaveBeenLastCalledWith(a._key[2], false)
    const [b] = outbox._add([event('b')])
    const [e] = outbox._add([{ ...event('e'), type: 'error' }])
    await settle()
    expect(write).toHaveBeenCalledTimes(1)
    // Once each: `a` is not heard of again.
    expect(written.mock.calls).toEqual([[a._key[2], false], [b._key[2] + e._key[2], true]])
    await outbox._take(1e6)
    await settle()
    expect(written).toHaveBeenCalledTimes(2)
  })

  it('tells `written` of events added during a write that fails, with the failed write', async () => {
    const buffer = createBuffer(LIMITS)
    let fail!: () => void
    vi.spyOn(buffer, '_write').mockImplementationOnce(() => new Promise((_, reject) => (fail = () => reject(new Error('quota')))))
    const { outbox, written } = setup(LIMITS, buffer)
    const [a] = outbox._add([event('a')])
    await settle()
    const [e] = outbox._add([{ ...event('e'), type: 'error' }])
    await settle()
    expect(written).not.toHaveBeenCalled()
    fail()
    await settle()
    expect(written.mock.calls).toEqual([[a._key[2] + e._key[2], true]])
  })

  it('never writes an event twice, also when its write ends after IndexedDB was taken as stuck', async () => {
    const buffer = createBuffer(LIMITS)
    let commit!: () => void
    const write = vi.spyOn(buffer, '_write').mockImplementationOnce(
      (groups) =>
        new Promise((resolve) => (commit = () => (groups.flat().forEach((entry) => (entry._record = [T0, 'a', 1, 1])), resolve({ expired: 0, queue_full: 0 })))),
    )
    vi.spyOn(buffer, '_next').mockRejectedValue(new Error('stuck'))
    const { outbox } = setup(LIMITS, buffer)
    const [a] = outbox._add([event('a')])
    vi.setSystemTime(T0 + 6000)
    // The sender takes from memory meanwhile; the slow write is not made again.
    expect(ids(await outbox._take(1e6))).toEqual(['a'])
    vi.setSystemTime(T0 + 40_000)
    await outbox._take(1e6)
    expect(write).toHaveBeenCalledTimes(1)
    commit()
    await settle()
    expect(a._record).toBeDefined()
    expect(write).toHaveBeenCalledTimes(1)
  })

  it('never writes an event twice, also when its write failed as stuck (5 s) and then committed', async () => {
    const buffer = createBuffer(LIMITS)
    let commit!: () => void
    const write = vi.spyOn(buffer, '_write').mockImplementationOnce(async (groups) => {
      commit = () => groups.flat().forEach((entry) => (entry._record = [T0, 'a', 1, 1]))
      throw 0
    })
    const { outbox } = setup(LIMITS, buffer)
    outbox._add([event('a')])
    await settle()
    commit()
    vi.setSystemTime(T0 + 40_000)
    outbox._add([event('b')])
    await settle()
    expect(write).toHaveBeenCalledTimes(2)
    expect(write.mock.calls[1][0].flat().map((entry) => entry._key[1])).toEqual(['b'])
  })

  it('holds at most _maxEvents in memory: past them the oldest go, counted as queue_full when nothing else held them', async () => {
    const buffer = createBuffer(LIMITS)
    vi.spyOn(buffer, '_write').mockRejectedValue(new Error('no IndexedDB'))
    const { outbox, drops } = setup({ ...LIMITS, _maxEvents: 3 }, buffer)
    outbox._add([event('a'), event('b'), event('c'), event('d'), event('e')])
    await settle()
    expect(drops._take()).toEqual({ queue_full: 2 })
    expect(ids(await outbox._take(1e6))).toEqual(['c', 'd', 'e'])
  })

  describe('forExit: what the beacons of a page exit carry', () => {
    it('this tab\'s events, those not yet in IndexedDB first, each once per exit, within _maxBytes', async () => {
      const { outbox } = setup()
      outbox._add([event('written')])
      await settle()
      const [late] = outbox._add([event('not yet written', T0 + 1)])
      const exit1 = outbox._forExit(1, 1e6)
      expect(ids(exit1)).toEqual(['not yet written', 'written'])
      expect(outbox._forExit(1, 1e6)).toEqual([])
      // A new exit: what is not written yet goes again, within the bytes it is given.
      expect(ids(outbox._forExit(2, late._key[2] - 1))).toEqual([])
      expect(ids(outbox._forExit(2, late._key[2]))).toEqual(['not yet written'])
    })

    it('beacons what is safe in IndexedDB once, ever: a hidden tab does not beacon at every hide what another tab may have delivered', async () => {
      const { outbox } = setup()
      outbox._add([event('a'), event('b')])
      await settle()
      expect(ids(outbox._forExit(1, 1e6))).toEqual(['a', 'b'])
      // Another tab sends them meanwhile; this one is hidden again.
      expect(outbox._forExit(2, 1e6)).toEqual([])
      // Still in IndexedDB for any later send: nothing lost.
      expect(ids(await outbox._take(1e6))).toEqual(['a', 'b'])
    })

    it('beacons an event not yet in IndexedDB at each exit until it is written or acknowledged', async () => {
      const buffer = createBuffer(LIMITS)
      vi.spyOn(buffer, '_write').mockRejectedValue(new Error('no IndexedDB'))
      const { outbox } = setup(LIMITS, buffer)
      outbox._add([event('a')])
      await settle()
      expect(ids(outbox._forExit(1, 1e6))).toEqual(['a'])
      expect(ids(outbox._forExit(2, 1e6))).toEqual(['a'])
      outbox._ack(await outbox._take(1e6))
      expect(outbox._forExit(3, 1e6)).toEqual([])
    })

    it('leaves out what acknowledged sends delivered', async () => {
      const { outbox } = setup()
      outbox._add([event('a'), event('b')])
      await settle()
      outbox._ack((await outbox._take(1e6)).slice(0, 1))
      expect(ids(outbox._forExit(1, 1e6))).toEqual(['b'])
    })
  })

  it('stops: forgets what it holds, writes nothing more, and leaves the database closed', async () => {
    const { outbox } = setup()
    outbox._add([event('a')])
    outbox._stop()
    expect(outbox._add([event('b')])).toEqual([])
    expect(outbox._forExit(1, 1e6)).toEqual([])
    expect(await outbox._take(1e6)).toEqual([])
  })
})
