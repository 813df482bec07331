import { createStore, promisifyRequest, type UseStore } from 'idb-keyval'
import type { Entry, EntryKey, RecordKey } from './entry'

const DB = 'rumlet'

/**
 * An IndexedDB request that has not settled after this long means IndexedDB is stuck (an open
 * blocked by another tab, a browser bug): later calls fail at once, so that events are sent from
 * memory, until it settles.
 */
const STUCK_MS = 5000

/** Deletes the buffer's database, with whatever any tab left in it (consent was denied). */
export function deleteBuffer(): void {
  try {
    indexedDB.deleteDatabase(DB)
  } catch {}
}

/** The buffer's caps: events, UTF-8 bytes, and age in ms. */
export interface Limits {
  maxEvents: number
  maxBytes: number
  maxAge: number
}

/** What a record holds: its events' keys and JSON. */
type Stored = [EntryKey, string][]

/** Events the caps took out, by reason; and when it was read, how many the store holds. */
export interface Trimmed {
  expired: number
  queue_full: number
  stored?: number
}

const sum = (keys: RecordKey[], i: 2 | 3) => keys.reduce((total, key) => total + key[i], 0)

/**
 * The write-ahead buffer shared by every tab of the origin: rumlet's own IndexedDB database,
 * through idb-keyval, holding one record per write of events (Chromium spends tens of µs of main
 * thread on each request, so one record per event made a burst of 1,000 cost over 40 ms). Each
 * step is one transaction: a write with its trim, an acknowledgement with the next read. Every
 * call may reject (no IndexedDB, quota, a connection the browser closed, the database deleted);
 * the next one then opens the database afresh. Nothing opens it before the first call.
 */
export function createBuffer(limits: Limits) {
  let store: UseStore | undefined
  let closed = false
  // When the oldest request still under way began, and how many are under way.
  let since = 0
  let busy = 0
  // What this tab knows of the stored total: read at the first write, then kept up to date by
  // its own writes and deletes (other tabs' are seen at the next trim). Trims happen only near
  // the caps, or when something may have expired.
  let events = Infinity
  let bytes = 0
  let oldest = 0

  const use = async <T>(mode: IDBTransactionMode, work: (objects: IDBObjectStore) => Promise<T>): Promise<T> => {
    // Closed for good (consent denied): opening would create the deleted database again.
    if (closed) throw 0
    if (busy && Date.now() - since > STUCK_MS) throw 1
    if (!busy++) since = Date.now()
    try {
      return await (store ||= createStore(DB, 'events'))(mode, (objects) => {
        // Let another tab delete or upgrade the database instead of blocking it; idb-keyval
        // reconnects on the next call.
        const db = objects.transaction.db
        db.onversionchange = () => db.close()
        return work(objects)
      })
    } catch (e) {
      store = undefined
      throw e
    } finally {
      if (--busy) since = Date.now()
    }
  }

  const done = (objects: IDBObjectStore) => promisifyRequest(objects.transaction)

  // Drops what is older than `maxAge`, then the oldest events while over a cap, oldest record
  // first; a record whose newest events may stay is written again with those only.
  const trim = async (objects: IDBObjectStore, now: number, dropped: Trimmed) => {
    const keys = (await promisifyRequest(objects.getAllKeys())) as RecordKey[]
    events = sum(keys, 3)
    bytes = sum(keys, 2)
    const over = (time: number) =>
      time < now - limits.maxAge ? 'expired' : events > limits.maxEvents || bytes > limits.maxBytes ? 'queue_full' : ''
    oldest = now
    for (const key of keys) {
      oldest = key[0]
      if (!over(key[0])) break
      const stored: Stored = await promisifyRequest(objects.get(key))
      objects.delete(key)
      let gone = 0
      for (const [event] of stored) {
        const reason = over(event[0])
        if (!reason) break
        dropped[reason]++
        events--
        bytes -= event[2] + 1
        gone++
      }
      if (gone < stored.length) {
        const rest = stored.slice(gone)
        const [time, id] = rest[0][0]
        objects.put(rest, [time, id, rest.reduce((total, [event]) => total + event[2] + 1, 0), rest.length])
        oldest = time
        break
      }
      oldest = now
    }
  }

  return {
    /** Refuses every later call, without opening the database again. */
    _close: () => {
      closed = true
    },

    /**
     * Stores each group of entries as one record and trims to the caps, in one transaction;
     * notes the record on its entries once committed. Resolves with what the trim took out, and
     * how many events the store holds when it was read (at the first write, and near the caps).
     */
    _write: (groups: Entry[][], now: number) =>
      use('readwrite', async (objects) => {
        const dropped: Trimmed = { expired: 0, queue_full: 0 }
        const keys = groups.map((group): RecordKey => {
          const [time, id] = group[0]._key
          const key: RecordKey = [time, id, group.reduce((total, entry) => total + entry._key[2] + 1, 0), group.length]
          objects.put(group.map((entry): [EntryKey, string] => [entry._key, entry._json]), key)
          return key
        })
        events += sum(keys, 3)
        bytes += sum(keys, 2)
        if (events > limits.maxEvents * 0.9 || bytes > limits.maxBytes * 0.9 || oldest < now - limits.maxAge)
          await trim(objects, now, dropped), (dropped.stored = events)
        await done(objects)
        groups.forEach((group, i) => group.forEach((entry) => (entry._record = keys[i])))
        return dropped
      }),

    /**
     * Deletes the records in `acknowledged`, then reads the oldest records of any tab, as many
     * as fit in `maxBytes` (at least one): their entries, oldest first. One transaction.
     */
    _next: (acknowledged: RecordKey[], maxBytes: number) =>
      use(acknowledged.length ? 'readwrite' : 'readonly', async (objects) => {
        for (const key of acknowledged) objects.delete(key), (events -= key[3]), (bytes -= key[2])
        const keys = (await promisifyRequest(objects.getAllKeys(null, 1000))) as RecordKey[]
        let taken = 0
        let total = 0
        for (const key of keys) {
          if (taken && (total += key[2]) > maxBytes) break
          if (!taken) total = key[2]
          taken++
        }
        if (!taken) return []
        // Keys sort oldest first: the range from the first to the last taken holds exactly those.
        const values = (await promisifyRequest(objects.getAll(IDBKeyRange.bound(keys[0], keys[taken - 1]), taken))) as Stored[]
        return values.flatMap((stored, i): Entry[] => stored.map(([key, json]) => ({ _key: key, _json: json, _record: keys[i] })))
      }),
  }
}

export type Buffer = ReturnType<typeof createBuffer>
