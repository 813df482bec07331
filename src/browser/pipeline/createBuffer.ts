import { createStore, promisifyRequest, type UseStore } from 'idb-keyval'
import type { Entry, EntryKey } from './entry'

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

/**
 * The write-ahead buffer shared by every tab of the origin: rumlet's own IndexedDB database,
 * through idb-keyval. Every call may reject (no IndexedDB, quota, a connection the browser
 * closed, the database deleted); the next call then opens the database afresh.
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

    /** Stores entries in one transaction. */
    _write: (entries: Entry[]) =>
      use('readwrite', (objects) => {
        for (const entry of entries) objects.put(entry._json, entry._key)
        return done(objects)
      }),

    /** The oldest `limit` entries, from any tab. */
    _read: (limit: number) =>
      use('readonly', (objects) =>
        Promise.all([promisifyRequest(objects.getAllKeys(null, limit)), promisifyRequest(objects.getAll(null, limit))]),
      ).then(([keys, values]) => keys.map((key, i): Entry => ({ _key: key as EntryKey, _json: values[i], _written: true }))),

    /** Deletes acknowledged (or dropped) entries. */
    _remove: (keys: EntryKey[]) =>
      use('readwrite', (objects) => {
        for (const key of keys) objects.delete(key)
        return done(objects)
      }),

    /**
     * Drops what is older than `maxAge`, then the oldest entries past `maxEvents` or `maxBytes`.
     * Resolves with how many went for each reason.
     */
    _trim: (now: number, limits: Limits) =>
      use('readwrite', async (objects) => {
        const keys = (await promisifyRequest(objects.getAllKeys())) as EntryKey[]
        let bytes = keys.reduce((sum, key) => sum + key[2], 0)
        let count = keys.length
        const dropped = { expired: 0, queue_full: 0 }
        for (const key of keys) {
          const reason = key[0] < now - limits.maxAge ? 'expired' : count > limits.maxEvents || bytes > limits.maxBytes ? 'queue_full' : ''
          if (!reason) break
          objects.delete(key)
          dropped[reason]++
          count--
          bytes -= key[2]
        }
        await done(objects)
        return dropped
      }),
  }
}

export type Buffer = ReturnType<typeof createBuffer>
