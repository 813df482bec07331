/**
 * The IndexedDB key of an event: [time, id, UTF-8 bytes]. Keys sort oldest first, and holding
 * the size in the key lets the buffer enforce its byte cap from `getAllKeys` alone.
 */
export type EntryKey = [time: number, id: string, bytes: number]

/** One recorded event on its way to the collector. */
export interface Entry {
  /** The event as recorded; serialized later, off the caller's task (see `serialize`). */
  _event?: { id: string; time: number }
  _key: EntryKey
  _json: string
  /** A copy is in IndexedDB. */
  _written?: boolean
  /** Waiting for its write (not yet written, and not in a write under way). */
  _queued?: boolean
  /** The page hide in which it was last beaconed. */
  _exit?: number
}
