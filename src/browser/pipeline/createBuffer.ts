import { createStore, promisifyRequest, type UseStore } from 'idb-keyval'
import type { Entry, EntryKey, RecordKey } from './entry'

/** An IndexedDB call that has not settled by then is taken as failed (e.g. an open blocked). */
const TIMEOUT_MS = 5000

const DB = 'rumlet'

/** Deletes the buffer's database, with whatever any tab left in it (consent was denied). */
export function deleteBuffer(): void {
  try {
    indexedDB.deleteDatabase(DB)
  } catch {}
}

export interface Limits {
  maxEvents: number
  maxBytes: number
  maxAge: number
}

/** What a record holds: its events' keys and JSON. */
type Stored = [EntryKey, string][]

/**
 * The write-ahead buffer shared by every tab of the origin: rumlet's own IndexedDB database,
 * through idb-keyval. It holds one record per batch of events, not one per event: Chromium
 * spends tens of µs of main thread on each request, so a burst of 1,000 events written one by
 * one cost over 40 ms (bench/RESULTS.md). Every call may reject (no IndexedDB, quota, a
 * connection the browser closed, the database deleted); the next call then opens the database
 * afresh.
 */
export function createBuffer() {
  let store: UseStore | undefined
  let closed = false

  const use = <T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => T | PromiseLike<T>): Promise<T> =>
    Promise.race([
      Promise.resolve().then(() => {
        // Closed for good (consent denied): opening would create the deleted database again.
        if (closed) throw new Error('buffer closed')
        return (store ||= createStore(DB, 'events'))(mode, (objects) => {
          // Let another tab delete or upgrade the database instead of blocking it; idb-keyval
          // reconnects on the next call.
          const db = objects.transaction.db
          db.onversionchange = () => db.close()
          return work(objects)
        })
      }),
      new Promise<never>((_, fail) => setTimeout(() => fail(new Error('IndexedDB timeout')), TIMEOUT_MS)),
    ]).catch((e) => {
      store = undefined
      throw e
    })

  const done = (objects: IDBObjectStore) => promisifyRequest(objects.transaction)

  return {
    /** Refuses every later call, without opening the database again. */
    _close: () => {
      closed = true
    },

    /** Stores each batch as one record, all in one transaction, and notes the record on its entries. */
    _write: (batches: Entry[][]) =>
      use('readwrite', async (objects) => {
        const keys = batches.map((batch): RecordKey => {
          const [time, id] = batch[0]._key
          const key: RecordKey = [time, id, batch.reduce((sum, entry) => sum + entry._key[2] + 1, 0), batch.length]
          objects.put(batch.map((entry): [EntryKey, string] => [entry._key, entry._json]), key)
          return key
        })
        await done(objects)
        batches.forEach((batch, i) => batch.forEach((entry) => (entry._record = keys[i])))
      }),

    /**
     * The oldest records, from any tab, as many as fit in one batch of `maxEvents` and
     * `maxBytes` (at least one): their entries, oldest first.
     */
    _read: (maxEvents: number, maxBytes: number) =>
      use('readonly', async (objects) => {
        const keys = (await promisifyRequest(objects.getAllKeys(null, maxEvents))) as RecordKey[]
        let taken = 0
        let events = 0
        let bytes = 0
        for (const key of keys) {
          events += key[3]
          bytes += key[2]
          if (taken && (events > maxEvents || bytes > maxBytes)) break
          taken++
        }
        if (!taken) return []
        // Keys sort oldest first: the range from the first to the last taken holds exactly those.
        const range = IDBKeyRange.bound(keys[0], keys[taken - 1])
        const values = (await promisifyRequest(objects.getAll(range, taken))) as Stored[]
        return values.flatMap((stored, i): Entry[] =>
          stored.map(([key, json]) => ({
            _key: key,
            _json: json,
            _written: true,
            _record: keys[i],
          })),
        )
      }),

    /** Deletes records whose events were all acknowledged (or dropped). */
    _remove: (keys: RecordKey[]) =>
      use('readwrite', (objects) => {
        for (const key of keys) objects.delete(key)
        return done(objects)
      }),

    /**
     * Drops events older than `maxAge`, then the oldest events while there are more than
     * `maxEvents` or `maxBytes`, oldest record first: a record whose newest events may stay is
     * written again with those only. Resolves with how many events went for each reason.
     */
    _trim: (now: number, limits: Limits) =>
      use('readwrite', async (objects) => {
        const keys = (await promisifyRequest(objects.getAllKeys())) as RecordKey[]
        let bytes = keys.reduce((sum, key) => sum + key[2], 0)
        let count = keys.reduce((sum, key) => sum + key[3], 0)
        const dropped = { expired: 0, queue_full: 0 }
        const over = (time: number) =>
          time < now - limits.maxAge ? 'expired' : count > limits.maxEvents || bytes > limits.maxBytes ? 'queue_full' : ''
        for (const key of keys) {
          if (!over(key[0])) break
          const events: Stored = await promisifyRequest(objects.get(key))
          objects.delete(key)
          let gone = 0
          for (const [event] of events) {
            const reason = over(event[0])
            if (!reason) break
            dropped[reason]++
            count--
            bytes -= event[2] + 1
            gone++
          }
          if (gone < events.length) {
            const rest = events.slice(gone)
            const [time, id] = rest[0][0]
            objects.put(rest, [time, id, rest.reduce((sum, [event]) => sum + event[2] + 1, 0), rest.length])
            break
          }
        }
        await done(objects)
        return dropped
      }),
  }
}

export type Buffer = ReturnType<typeof createBuffer>
