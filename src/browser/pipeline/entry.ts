/**
 * The key of one event: [time, id, UTF-8 bytes]. Holding the size lets batches be packed
 * without measuring the JSON again.
 */
export type EntryKey = [time: number, id: string, bytes: number]

/**
 * The IndexedDB key of a record, which holds the events of one batch: the [time, id] of its
 * first event, the UTF-8 bytes of its events (with a comma each), and how many there are. Keys
 * sort oldest first, and the buffer enforces its caps from `getAllKeys` alone.
 */
export type RecordKey = [time: number, id: string, bytes: number, count: number]

/** One recorded event on its way to the collector. */
export interface Entry {
  /** The event as recorded; serialized later, off the caller's task (see `serialize`). */
  _event?: { id: string; time: number }
  _key: EntryKey
  _json: string
  /** A copy is in IndexedDB, in the record of this key. */
  _written?: boolean
  _record?: RecordKey
  /** Waiting for its write (not yet written, and not in a write under way). */
  _queued?: boolean
  /** The page hide in which it was last beaconed. */
  _exit?: number
}
