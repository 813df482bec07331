import type { DropCounter } from '../lib/createDrops'
import { byteLength } from '../lib/byteLength'
import { stringify } from '../lib/stringify'
import type { Buffer, Limits } from './createBuffer'
import type { Entry, RecordKey } from './entry'
import { packGroups } from './packGroups'

/** An event this large is a bug in the page (or in rumlet): it would not fit a beacon (bytes). */
const MAX_EVENT_BYTES = 60 * 1024
/**
 * A record holds at most this much (bytes): a quarter of what one send carries (startSender's
 * 256 KiB), so that a read takes whole records and never needs to split one. Fewer, larger records
 * cost less: Chromium spends main-thread time on every `put` and on every value read back
 * (1,000 events in 20 records of 16 KiB cost about twice the `put` and `getAll` time of 5 of
 * 64 KiB, bench/RESULTS.md).
 */
const RECORD_BYTES = 64 * 1024
/** And at most this many events: a quarter of what one send carries (MAX_BATCH_EVENTS). */
const RECORD_EVENTS = 250
/** After IndexedDB failed, this tab keeps its events in memory and tries again this much later (ms). */
const RETRY_MS = 30_000

/** 5,000 events, 5 MB, 7 days. */
export const DEFAULT_LIMITS: Limits = { _maxEvents: 5000, _maxBytes: 5e6, _maxAge: 7 * 24 * 3600e3 }

/**
 * Holds events until the collector has them: this tab's in memory, and every tab's in the
 * shared IndexedDB `buffer`. `add` serializes events once and writes them (the page may close
 * at any moment: written first, sent after); `take` gives the sender the oldest of any tab, and
 * `ack` forgets them once acknowledged; `forExit` gives the beacons what only this tab holds.
 * Without a working IndexedDB, this tab's events are sent from memory. Every loss is counted
 * in `drops`. `written(bytes, urgent)` hears of each write (and, while IndexedDB is down, of each
 * event kept in memory), so that a full batch leaves soon (and `Infinity` when IndexedDB held more
 * than that write: earlier pages left events); `urgent` when they hold an error, which should not
 * wait for the interval.
 */
export function createOutbox(buffer: Buffer, drops: DropCounter, written: (bytes: number, urgent: boolean) => void, limits = DEFAULT_LIMITS) {
  // This tab's events the collector has not acknowledged, by id, oldest first: those not yet
  // in IndexedDB, and those there that no beacon carried yet.
  const memory = new Map<string, Entry>()
  // Those of them not in IndexedDB nor in a write under way.
  let pending: Entry[] = []
  // Records acknowledged, deleted in the transaction of the next read.
  let acknowledged: RecordKey[] = []
  let downUntil = 0
  let queued = false
  let stopped = false
  // How many writes are under way.
  let writing = 0
  // What `written` has not heard of yet (bytes), and whether an error is among it.
  let unheard = 0
  let urgent = false

  // Tells `written` of the events it has not heard of (kept in memory while IndexedDB is down).
  const tell = () => {
    const bytes = unheard
    const soon = urgent
    unheard = 0
    urgent = false
    if (bytes) written(bytes, soon)
  }

  // Writes what waits, unless a write is under way: what comes meanwhile goes in one transaction
  // when it ends (IndexedDB would have run a second one after it anyway, so nothing waits longer;
  // a burst assembled in slices is then one or two transactions, not one a slice). A write that
  // ends late (after IndexedDB was taken as stuck) still counts: nothing is written twice. While
  // IndexedDB is down (it failed less than 30 s ago), `written` hears of new events at once, so
  // that a burst or an error leaves from memory as soon as it would from IndexedDB. `leaving`:
  // the page may unload at the end of this task, and a write begun later would be lost: this one
  // begins now, beside any under way, and commits in this task.
  const write = (leaving?: boolean) => {
    // The cap may have taken some out; a write that failed as stuck may have ended late.
    const entries = pending.filter((entry) => memory.get(entry._key[1]) === entry && !entry._record)
    if (stopped || (writing && !leaving) || !entries.length) return
    if (Date.now() < downUntil) return tell()
    writing++
    const bytes = unheard
    const soon = urgent
    pending = []
    unheard = 0
    urgent = false
    for (const entry of entries) entry._writing = true
    const done = () => {
      writing--
      for (const entry of entries) entry._writing = false
    }
    buffer._write(packGroups(entries, RECORD_BYTES, RECORD_EVENTS), Date.now(), leaving).then(
      ({ expired, queue_full, stored }) => {
        done()
        drops._count('expired', expired)
        drops._count('queue_full', queue_full)
        // More stored than this write: what earlier pages, tabs or crashes left goes out now.
        if (stored! > entries.length) written(Infinity, soon)
        else if (bytes) written(bytes, soon)
        write()
      },
      () => {
        // Kept in memory: sent from there, beaconed at exit, written again 30 s later. `written`
        // hears of these and of what came during the write.
        done()
        pending = entries.concat(pending)
        downUntil = Date.now() + RETRY_MS
        unheard += bytes
        urgent ||= soon
        tell()
      },
    )
  }

  return {
    /**
     * Serializes finished events and writes them to IndexedDB (one transaction for all that is
     * added in a task); returns their entries. An event that cannot be JSON (a BigInt or a cycle
     * put there by `beforeSend`), or over 60 KiB, is dropped and counted.
     */
    _add(events: { id: string; time: number; type?: string }[]): Entry[] {
      const added: Entry[] = []
      const texts = stringify(events)
      // An index, not `events.entries()`: Prototype.js replaces Array.prototype.entries (1.7.0)
      // or deletes it (1.7.3), and Magento 1 pages still load it.
      for (let i = 0; i < events.length; i++) {
        const event = events[i]
        const json = texts[i]
        const bytes = json ? byteLength(json) : 0
        if (!json) drops._count('unserializable')
        else if (bytes > MAX_EVENT_BYTES) drops._count('too_large')
        else if (!stopped) {
          const entry: Entry = { _key: [event.time, event.id, bytes], _json: json }
          memory.set(event.id, entry)
          added.push(entry)
          pending.push(entry)
          unheard += bytes
          urgent ||= event.type === 'error'
        }
      }
      // Past `_maxEvents` the oldest go; those neither in IndexedDB nor in a write are lost.
      let excess = memory.size - limits._maxEvents
      for (const [id, entry] of memory) {
        if (excess-- <= 0) break
        memory.delete(id)
        if (!entry._record && !entry._writing) drops._count('queue_full')
      }
      if (!queued) (queued = true), queueMicrotask(() => ((queued = false), write()))
      return added
    },

    /**
     * The oldest events waiting, as many as fit in `maxBytes` and `maxCount` (at least one): from
     * IndexedDB, any tab's, after deleting those acknowledged since the last take; or, without
     * IndexedDB, from this tab's memory. Empty when nothing waits.
     */
    async _take(maxBytes: number, maxCount = Infinity): Promise<Entry[]> {
      write()
      if (Date.now() >= downUntil)
        try {
          const entries = await buffer._next(acknowledged, maxBytes, maxCount)
          acknowledged = []
          return entries
        } catch {
          downUntil = Date.now() + RETRY_MS
        }
      return packGroups([...memory.values()], maxBytes, maxCount)[0] || []
    },

    /** The collector has these (or refused them for good): forgotten here, deleted at the next take. */
    _ack(entries: Entry[]): void {
      for (const { _key, _record } of entries) {
        memory.delete(_key[1])
        if (_record && !acknowledged.includes(_record)) acknowledged.push(_record)
      }
    },

    /**
     * This tab's events for the beacons of page exit number `exit`, those not yet in IndexedDB
     * first, at most `_maxBytes`: each once per exit. Those not yet in IndexedDB are written at
     * once, committed in this task, so that what the beacons cannot carry survives the page.
     * Those already in IndexedDB are beaconed once, ever, and leave memory: they are safe there,
     * and a later send of any tab delivers them if the beacon did not (a hidden tab would
     * otherwise beacon, at every hide, what another tab delivered meanwhile).
     */
    _forExit(exit: number, maxBytes: number): Entry[] {
      // What the beacons cannot carry (past 48 KiB, or refused) is safe only in IndexedDB.
      write(true)
      const all = [...memory.values()].filter((entry) => entry._exit !== exit)
      const out: Entry[] = []
      for (const entry of all.filter((entry) => !entry._record).concat(all.filter((entry) => entry._record))) {
        if ((maxBytes -= entry._key[2]) < 0) break
        entry._exit = exit
        if (entry._record) memory.delete(entry._key[1])
        out.push(entry)
      }
      return out
    },

    /** Whether this tab holds events IndexedDB did not take (they wait for a send from memory). */
    _unwritten: () => pending.length > 0,

    /** Forgets everything this tab holds and writes nothing more (consent was denied). */
    _stop(): void {
      stopped = true
      memory.clear()
      buffer._close()
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
