import { createStore, promisifyRequest as done, type UseStore } from 'idb-keyval'
import type { Entry, EntryKey, RecordKey } from './entry'

const DB = 'rumlet'
/** The key of the session record, beside the event records (whose keys are arrays). */
const SESSION = 'session'

/**
 * An IndexedDB request that has not settled after this long means IndexedDB is stuck (an open
 * blocked by another tab's upgrade, a browser bug): it fails, and later calls fail at once, so
 * that the session and the events live in memory and are sent from there, until it settles.
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
  _maxEvents: number
  _maxBytes: number
  _maxAge: number
}

/** Events the caps took out, by reason; and when it was read, how many the store holds. */
export interface Trimmed {
  expired: number
  queue_full: number
  stored?: number
}

/** What a record holds: its events' keys and JSON. */
type Stored = [EntryKey, string][]

// Event records only: array keys sort after the session's string key.
const EVENTS = () => IDBKeyRange.lowerBound([])
const sum = (keys: RecordKey[], i: 2 | 3) => keys.reduce((total, key) => total + key[i], 0)

/**
 * The write-ahead buffer shared by every tab of the origin: rumlet's own IndexedDB database,
 * through idb-keyval, holding one record per write of events (Chromium spends tens of µs of main
 * thread on each request, so one record per event made a burst of 1,000 cost over 40 ms), and the
 * session. Each step is one transaction: a write with its trim, an acknowledgement with the next
 * read. Every call may reject (no IndexedDB, quota, a connection the browser closed, the database
 * deleted); the next one then opens the database afresh. Nothing opens it before the first call.
 */
export function createBuffer(limits: Limits) {
  let store: UseStore | undefined
  let closed = false
  // How many requests are under way, and when the last one began or ended.
  let busy = 0
  let since = 0
  // What this tab knows of the stored total, to trim only near the caps: read at the first write
  // (which also drops what expired), then kept up to date by its own writes and deletes.
  let events = Infinity
  let bytes = 0

  const request = async <T>(mode: IDBTransactionMode, work: (objects: IDBObjectStore) => Promise<T>): Promise<T> => {
    // Closed for good (consent denied): opening would create the deleted database again.
    if (closed || (busy && Date.now() - since > STUCK_MS)) throw 0
    busy++
    since = Date.now()
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
      busy--
      since = Date.now()
    }
  }
  // A stuck request fails for whoever waits on it too (the session, a write, a send), who goes
  // on from memory; `busy` counts it until it settles.
  const use: typeof request = (mode, work) => {
    let timer: ReturnType<typeof setTimeout>
    return Promise.race([request(mode, work), new Promise<never>((_, reject) => (timer = setTimeout(reject, STUCK_MS)))]).finally(() => clearTimeout(timer))
  }

  return {
    /** Refuses every later call, without opening the database again. */
    _close: () => {
      closed = true
    },

    /**
     * Stores each group of entries as one record, in one transaction with the trim (at the first
     * write, and near the caps: what is older than `_maxAge`, then the oldest records while over
     * `_maxEvents` or `_maxBytes`); notes the record on its entries once committed. Resolves with
     * what the trim took out, and how many events the store holds when it read them. `leaving`:
     * the page may unload at the end of this task, so the transaction is committed in it, without
     * the trim (whose read would end it in a later task): the next write trims.
     */
    _write: (groups: Entry[][], now: number, leaving?: boolean) =>
      use('readwrite', async (objects): Promise<Trimmed> => {
        const dropped: Trimmed = { expired: 0, queue_full: 0 }
        const keys = groups.map((group): RecordKey => {
          const [time, id] = group[0]._key
          const key: RecordKey = [time, id, group.reduce((total, entry) => total + entry._key[2] + 1, 0), group.length]
          objects.put(
            group.map((entry): [EntryKey, string] => [entry._key, entry._json]),
            key,
          )
          return key
        })
        events += sum(keys, 3)
        bytes += sum(keys, 2)
        if (!leaving && (events > limits._maxEvents * 0.9 || bytes > limits._maxBytes * 0.9)) {
          const all = (await done(objects.getAllKeys(EVENTS()))) as RecordKey[]
          events = sum(all, 3)
          bytes = sum(all, 2)
          for (const key of all) {
            const reason = key[0] < now - limits._maxAge ? 'expired' : events > limits._maxEvents || bytes > limits._maxBytes ? 'queue_full' : ''
            if (!reason) break
            objects.delete(key)
            dropped[reason] += key[3]
            events -= key[3]
            bytes -= key[2]
          }
          dropped.stored = events
        }
        // Committed now, not once the transaction has nothing left to do: Chromium aborts the
        // transactions of a page that unloads before they asked to commit (a write in a pagehide
        // handler, then a navigation, a reload or a closed tab: 26 of 26 lost without commit();
        // with it, none of 84 lost when the tab closed or the page reloaded, 10 of 104 when it
        // left for another origin; Chromium 156, bench/RESULTS.md). https://w3c.github.io/IndexedDB/#dom-idbtransaction-commit
        objects.transaction.commit?.()
        await done(objects.transaction)
        groups.forEach((group, i) => group.map((entry) => (entry._record = keys[i])))
        return dropped
      }),

    /**
     * Deletes the records in `acknowledged`, then reads the oldest records of any tab, as many
     * as fit in `maxBytes` and `maxCount` events (at least one): their entries, oldest first.
     * One transaction.
     */
    _next: (acknowledged: RecordKey[], maxBytes: number, maxCount = Infinity) =>
      use(acknowledged.length ? 'readwrite' : 'readonly', async (objects) => {
        for (const key of acknowledged) objects.delete(key), (events -= key[3]), (bytes -= key[2])
        const keys = (await done(objects.getAllKeys(EVENTS(), 1000))) as RecordKey[]
        let taken = 0
        for (let total = 0, count = 0; taken < keys.length; taken++) {
          total += keys[taken][2]
          count += keys[taken][3]
          if (taken && (total > maxBytes || count > maxCount)) break
        }
        if (!taken) return []
        // Keys sort oldest first: the range from the first to the last taken holds exactly those.
        const values = (await done(objects.getAll(IDBKeyRange.bound(keys[0], keys[taken - 1]), taken))) as Stored[]
        return values.flatMap((stored, i): Entry[] => stored.map(([key, json]) => ({ _key: key, _json: json, _record: keys[i] })))
      }),

    /**
     * Reads the session record and stores what `update` makes of it, in one transaction: tabs
     * that start together agree on one session, as IndexedDB runs their transactions one after
     * the other.
     */
    _session: <T>(update: (stored: T | undefined) => T) =>
      use('readwrite', async (objects) => {
        const next = update(await done(objects.get(SESSION)))
        objects.put(next, SESSION)
        return next
      }),
  }
}

export type Buffer = ReturnType<typeof createBuffer>
