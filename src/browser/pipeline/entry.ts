/**
 * The key of one event: [time, id, UTF-8 bytes of its JSON]. Holding the size lets batches be
 * packed without measuring the JSON again.
 */
export type EntryKey = [time: number, id: string, bytes: number]

/**
 * The IndexedDB key of a record, which holds the events of one write: the [time, id] of its
 * first event, the UTF-8 bytes of its events (with a comma each), and how many there are. Keys
 * sort oldest first, and the caps are enforced from `getAllKeys` alone.
 */
export type RecordKey = [time: number, id: string, bytes: number, count: number]

/** One event on its way to the collector, serialized once. */
export interface Entry {
  _key: EntryKey
  _json: string
  /** The record holding it in IndexedDB, once that write committed. */
  _record?: RecordKey
  /** In a write under way: not written again (a write that ends late still counts). */
  _writing?: boolean
  /** The page exit in which it was last beaconed. */
  _exit?: number
}
