import type { DropCounter } from '../lib/createDrops'
import { byteLength } from '../lib/byteLength'
import type { Buffer, Limits } from './createBuffer'
import type { Entry, RecordKey } from './entry'
import { packGroups } from './packGroups'

/** An event this large is a bug in the page (or in rumlet): it would not fit a beacon. */
const MAX_EVENT_BYTES = 60 * 1024
/** A record holds at most this much: reads and beacons then never need to split one. */
const RECORD_BYTES = 16 * 1024
/** After IndexedDB failed, this tab keeps its events in memory and tries again this much later. */
const RETRY_MS = 30_000

export const DEFAULT_LIMITS: Limits = { maxEvents: 5000, maxBytes: 5e6, maxAge: 7 * 24 * 3600e3 }

/**
 * Holds events until the collector has them: this tab's in memory, and every tab's in the
 * shared IndexedDB `buffer`. `add` serializes events once and writes them (the page may close
 * at any moment: written first, sent after); `take` gives the sender the oldest of any tab, and
 * `ack` forgets them once acknowledged; `forExit` gives the beacons what only this tab holds.
 * Without a working IndexedDB, this tab's events are sent from memory. Every loss is counted
 * in `drops`. `written(bytes)` hears of each write, so that a full batch leaves soon (and
 * `Infinity` when IndexedDB held more than that write: earlier pages left events).
 */
export function createOutbox(buffer: Buffer, drops: DropCounter, written: (bytes: number) => void, limits = DEFAULT_LIMITS) {
  // This tab's events the collector has not acknowledged, by id, oldest first: those not yet
  // in IndexedDB, and those there that no beacon carried yet.
  const memory = new Map<string, Entry>()
  // Records acknowledged, deleted in the transaction of the next read.
  let acknowledged: RecordKey[] = []
  let downUntil = 0
  let queued = false
  let stopped = false

  const up = () => Date.now() >= downUntil

  // Memory holds at most `maxEvents`: past them, the oldest go; those not yet in IndexedDB are lost.
  const cap = () => {
    let excess = memory.size - limits.maxEvents
    for (const [id, entry] of memory) {
      if (excess-- <= 0) break
      memory.delete(id)
      if (!entry._record && !entry._writing) drops._count('queue_full')
    }
  }

  // Writes what memory holds that is neither in IndexedDB nor in a write under way.
  const write = () => {
    if (stopped || !up()) return
    const entries = [...memory.values()].filter((entry) => !entry._record && !entry._writing)
    if (!entries.length) return
    entries.map((entry) => (entry._writing = true))
    const bytes = entries.reduce((total, entry) => total + entry._key[2], 0)
    buffer._write(packGroups(entries, RECORD_BYTES, (entry) => entry._key[2]), Date.now()).then(
      (trimmed) => {
        entries.map((entry) => (entry._writing = false))
        drops._count('expired', trimmed.expired)
        drops._count('queue_full', trimmed.queue_full)
        // More stored than this write: what earlier pages, tabs or crashes left goes out now.
        written(trimmed.stored! > entries.length ? Infinity : bytes)
      },
      () => {
        // Kept in memory: sent from there, and beaconed at exit; written again later.
        entries.map((entry) => (entry._writing = false))
        downUntil = Date.now() + RETRY_MS
        written(bytes)
      },
    )
  }

  return {
    /**
     * Serializes finished events and writes them to IndexedDB (one transaction for all that is
     * added in a task); returns their entries. An event that cannot be JSON (a BigInt or a cycle put there by `beforeSend`), or
     * over 60 KiB, is dropped and counted.
     */
    _add(events: { id: string; time: number }[]): Entry[] {
      if (stopped) return []
      const added: Entry[] = []
      for (const event of events) {
        let json: string | undefined
        try {
          json = JSON.stringify(event)
        } catch {}
        const bytes = json ? byteLength(json) : 0
        if (!json) drops._count('unserializable')
        else if (bytes > MAX_EVENT_BYTES) drops._count('too_large')
        else {
          const entry: Entry = { _key: [event.time, event.id, bytes], _json: json }
          memory.set(event.id, entry)
          added.push(entry)
        }
      }
      if (memory.size > limits.maxEvents) cap()
      // One transaction for all that is added in this task.
      if (!queued) (queued = true), queueMicrotask(() => ((queued = false), write()))
      return added
    },

    /**
     * The oldest events waiting, as many as fit in `maxBytes` (at least one): from IndexedDB,
     * any tab's, after deleting those acknowledged since the last take; or, without IndexedDB,
     * from this tab's memory. Empty when nothing waits.
     */
    async _take(maxBytes: number): Promise<Entry[]> {
      let entries: Entry[] | undefined
      write()
      if (up())
        try {
          entries = await buffer._next(acknowledged, maxBytes)
          acknowledged = []
        } catch {
          downUntil = Date.now() + RETRY_MS
        }
      if (entries) return entries
      entries = []
      for (const entry of memory.values()) {
        if (entries.length && (maxBytes -= entry._key[2]) < 0) break
        entries.push(entry)
      }
      return entries
    },

    /** The collector has these (or refused them for good): forgotten here, deleted at the next take. */
    _ack(entries: Entry[]): void {
      for (const entry of entries) {
        memory.delete(entry._key[1])
        const key = entry._record
        if (key && !acknowledged.includes(key)) acknowledged.push(key)
      }
    },

    /**
     * This tab's events for the beacons of page exit number `exit`, those not yet in IndexedDB
     * first, at most `maxBytes`: each once per exit. Those already in IndexedDB are beaconed
     * once, ever, and leave memory: they are safe there, and a later send of any tab delivers
     * them if the beacon did not (a hidden tab would otherwise beacon, at every hide, what
     * another tab delivered meanwhile).
     */
    _forExit(exit: number, maxBytes: number): Entry[] {
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

    /** Whether this tab holds events not yet in IndexedDB (they wait for a send from memory). */
    _unwritten: () => [...memory.values()].some((entry) => !entry._record),

    /** Forgets everything this tab holds and writes nothing more (consent was denied). */
    _stop(): void {
      stopped = true
      memory.clear()
      buffer._close()
    },
  }
}

export type Outbox = ReturnType<typeof createOutbox>
