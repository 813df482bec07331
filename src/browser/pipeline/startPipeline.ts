import { guard } from '../lib/guard'
import { warn } from '../lib/warn'
import { byteLength } from '../lib/byteLength'
import { createBuffer, type Limits } from './createBuffer'
import type { Entry, RecordKey } from './entry'
import { packGroups, toBody } from './packGroups'
import { retryDelay } from './retryDelay'
import { beacon, post } from './send'

/** A batch leaves at this many events… */
const BATCH_EVENTS = 50
/** …or this many UTF-8 bytes, whichever comes first. */
const BATCH_BYTES = 16 * 1024
// sendBeacon and keepalive fetch share one 64 KiB in-flight quota per document (Fetch spec);
// beacons of 16 KiB leave room for the host page's own.
const BEACON_BYTES = 16 * 1024
/** An event this large is a bug in the page (or in rumlet): it would not fit a beacon. */
const MAX_EVENT_BYTES = 60 * 1024
/** Recorded events reach IndexedDB this soon: one transaction for every burst. */
const WRITE_DELAY_MS = 250
/**
 * A write prepares and stores at most this many events, and prepares for at most this many ms
 * (a slow `beforeSend`): it is never a long task for the page.
 */
const WRITE_SLICE = 1000
const WRITE_SLICE_MS = 20
/** After IndexedDB failed, rumlet keeps events in memory and tries it again this much later. */
const BUFFER_RETRY_MS = 30_000

export const DEFAULT_LIMITS: Limits = { maxEvents: 5000, maxBytes: 5e6, maxAge: 7 * 24 * 3600e3 }

export type Drops = Record<string, number>

type Recorded = NonNullable<Entry['_event']>

/**
 * Delivers events at least once. Each event is written to IndexedDB (shared by the origin's
 * tabs) before any send and deleted there only once the collector answered 2xx. One tab sends
 * at a time, under a Web Lock held for one flush. When the page is hidden, this tab's
 * unacknowledged events go out in beacons but stay stored: hidden may not mean leaving, and the
 * collector stores an id once. `onDrops` receives counts of events lost, by reason. `prepare`
 * finishes a recorded event (or leaves it out) once it is on its way, off the caller's task.
 */
export function startPipeline<E extends Recorded = Recorded>(
  endpoint: string,
  flushInterval: number,
  onDrops: (drops: Drops) => void,
  limits = DEFAULT_LIMITS,
  prepare: (event: E) => Recorded | undefined = (event) => event,
) {
  const buffer = createBuffer()
  const memory = new Map<string, Entry>() // this tab's unacknowledged events, oldest first
  // Recorded, not yet in `memory`: all a recorded event costs the caller's task is this push.
  // `prepare`, its entry and its Map slot wait for the next write, send or hide, in bulk (fewer
  // live objects per event also means cheaper garbage collection during a burst).
  let recorded: E[] = []
  let unwritten: Entry[] = []
  let bufferDownUntil = 0
  let writeTimer: ReturnType<typeof setTimeout> | undefined
  let sendTimer: ReturnType<typeof setTimeout> | undefined
  // Events and bytes recorded since the last send: a full batch is sent without waiting for the
  // interval (bytes are known once serialized, at the write 250 ms later).
  let freshEvents = 0
  let fresh = 0
  let failures = 0
  let notBefore = 0
  let sending: Promise<void> | undefined
  let drops: Drops = {}
  // Ids already counted as `rejected`; events of a record acknowledged from memory, by record.
  const rejected = new Set<string>()
  const acked = new Map<RecordKey, number>()
  let stopped = false
  // Hides so far, whether the page is hidden now, and whether a beacon of late events is due.
  let exit = 0
  let exiting = false
  let late = false

  // Serializing is the costly part of recording an event: it waits for the write (or the exit),
  // so a burst of calls costs the page little more than an array push each.
  // An entry refused here (counted once) is never stored or sent: not even when it is met
  // again, serialized by an earlier beacon or send, on its way to the write.
  const serialize = (entries: Entry[]) =>
    entries.filter((entry) => {
      const event = entry._event
      if (!event) return entry._json != null
      let json: string | undefined
      try {
        json = JSON.stringify(event)
      } catch {
        // A BigInt or a cycle, put there by the page's beforeSend.
      }
      entry._event = undefined
      entry._key = [event.time, event.id, json ? byteLength(json) : 0]
      if (json && entry._key[2] <= MAX_EVENT_BYTES) return (entry._json = json), (fresh += entry._key[2]), true
      memory.delete(event.id)
      drop(json ? 'too_large' : 'unserializable', 1)
    })

  // Hands the counts over (they become an event of their own); true when there were any.
  const reportDrops = () => {
    if (!Object.keys(drops).length) return false
    onDrops(drops)
    drops = {}
    return true
  }

  const drop = (reason: string, count: number) => count > 0 && (drops[reason] = (drops[reason] || 0) + count)
  const later = (fn: () => unknown, ms: number) => setTimeout(guard(fn), ms)

  // Moves what was recorded into memory, oldest first, waiting for its write: those `prepare`
  // keeps, up to `limit` events or `ms`. Events recorded meanwhile (by `prepare` itself) wait for
  // the next time.
  const admit = (limit = Infinity, ms = Infinity) => {
    const events = recorded
    const start = performance.now()
    let taken = 0
    recorded = []
    for (const raw of events) {
      if (taken === limit || (ms < Infinity && performance.now() - start > ms)) break
      taken++
      let event: Recorded | undefined
      try {
        event = prepare(raw)
      } catch (e) {
        // A bug of rumlet's own: the event is counted as lost, and the others go on.
        warn('internal error', e)
        drop('internal_error', 1)
      }
      if (!event) continue
      const entry = { _event: event, _queued: true } as Entry
      memory.set(event.id, entry)
      unwritten.push(entry)
    }
    recorded = events.slice(taken).concat(recorded)
  }

  // Memory holds at most what the buffer may hold, oldest out first. Called in bulk (from `add`
  // only past a tenth over the cap) so that each recorded event stays O(1). What waits for its
  // write is what memory still holds: events acknowledged meanwhile (sent from memory) need no copy.
  const trimMemory = () => {
    let excess = memory.size + recorded.length - limits.maxEvents
    for (const [id, entry] of memory) {
      if (excess <= 0) break
      excess--
      memory.delete(id)
      // Safe in IndexedDB, or in a write under way: no loss. Still waiting for its write: lost.
      if (entry._queued) drop('queue_full', 1)
    }
    unwritten = unwritten.filter((entry) => memory.has(entry._key ? entry._key[1] : entry._event!.id))
    // Memory is empty now: the oldest of what was recorded go without ever costing an entry.
    if (excess > 0) {
      drop('queue_full', excess)
      recorded = recorded.slice(excess)
    }
  }

  // Beacons this tab's unacknowledged events not yet beaconed since the page was hidden, those
  // with no copy in IndexedDB first.
  const beaconAll = () => {
    reportDrops()
    admit()
    const held = serialize([...memory.values()]).filter((entry) => entry._exit !== exit)
    const entries = held.filter((entry) => !entry._written).concat(held.filter((entry) => entry._written))
    for (const group of packGroups(entries, BEACON_BYTES, (entry) => entry._key[2], BATCH_EVENTS)) {
      for (const entry of group) entry._exit = exit
      beacon(endpoint, toBody(group.map((entry) => entry._json), Date.now()))
    }
  }

  // Prepares and stores what was recorded, a slice at a time, each slice in a task of its own.
  const write = async (): Promise<void> => {
    clearTimeout(writeTimer)
    writeTimer = undefined
    for (;;) {
      await writeSlice()
      if (!recorded.length || stopped || Date.now() < bufferDownUntil) return
      await new Promise((next) => setTimeout(next))
    }
  }

  const writeSlice = async (): Promise<void> => {
    trimMemory()
    admit(WRITE_SLICE, WRITE_SLICE_MS)
    if (stopped || !unwritten.length || Date.now() < bufferDownUntil) return
    const batch = serialize(unwritten)
    unwritten = []
    for (const entry of batch) entry._queued = false
    if (fresh >= BATCH_BYTES) sendTimer ||= later(send, 0)
    if (!batch.length) return
    try {
      await buffer._write(packGroups(batch, BATCH_BYTES, (entry) => entry._key[2], BATCH_EVENTS))
    } catch {
      // Events stay in memory: sent from there, and at exit by beacon. Those the cap took out of
      // memory meanwhile, taking them as safe in this write, are lost.
      const kept = batch.filter((entry) => memory.has(entry._key[1]))
      drop('queue_full', batch.length - kept.length)
      for (const entry of kept) entry._queued = true
      unwritten = kept.concat(unwritten)
      bufferDownUntil = Date.now() + BUFFER_RETRY_MS
      return
    }
    for (const entry of batch) entry._written = true
    const trimmed = await buffer._trim(Date.now(), limits).catch(() => undefined)
    if (trimmed) {
      drop('expired', trimmed.expired)
      drop('queue_full', trimmed.queue_full)
    }
  }

  // Sends the given entries in bodies of at most 16 KiB; false when the collector could not be
  // reached and the rest should wait for the backoff.
  const deliver = async (entries: Entry[]): Promise<boolean> => {
    for (const group of packGroups(entries, BATCH_BYTES, (entry) => entry._key[2])) {
      if (stopped) return false
      const answer = await post(endpoint, toBody(group.map((entry) => entry._json), Date.now()))
      const { status } = answer
      // Refused as too large or invalid: halve until the culprits stand alone, so that one bad
      // event (a URL too long for the collector, say) does not cost the others.
      if ((status === 400 || status === 413) && group.length > 1) {
        const half = group.length >> 1
        if (!(await deliver(group.slice(0, half))) || !(await deliver(group.slice(half)))) return false
        continue
      }
      // Worth another try: no answer, 408, 429, 5xx. Any other refusal (404, 403…) would be
      // refused again: those events go, counted.
      if (!status || status === 408 || status === 429 || status > 499) {
        failures++
        const wait = retryDelay(failures, answer.retryAfter, Date.now(), Math.random())
        notBefore = Date.now() + wait
        later(send, wait)
        return false
      }
      failures = 0
      for (const entry of group) {
        // Counted once, though a record that keeps others waiting is read and refused again;
        // and never the count of drops itself, whose refusal would make a new one each send.
        if (status > 299 && !rejected.has(entry._key[1]) && JSON.parse(entry._json).type !== 'dropped')
          rejected.size > 1000 && rejected.clear(), rejected.add(entry._key[1]), drop('rejected', 1)
        memory.delete(entry._key[1])
      }
    }
    return true
  }

  // The records whose events have all been acknowledged (or refused) from memory, counting these
  // `entries` with those before them: not one while an event the cap took out of memory is only there.
  const settled = (entries: Entry[]): RecordKey[] => {
    const done: RecordKey[] = []
    if (acked.size > 1000) acked.clear()
    for (const { _record: key } of entries) {
      if (!key) continue
      const count = (acked.get(key) || 0) + 1
      if (count < key[3]) acked.set(key, count)
      else acked.delete(key), done.push(key)
    }
    return done
  }

  const drain = async () => {
    for (;;) {
      let entries: Entry[] | undefined
      if (Date.now() >= bufferDownUntil) entries = await buffer._read(BATCH_EVENTS, BATCH_BYTES).catch(() => undefined)
      // Without IndexedDB, this tab sends what it holds itself.
      const fromMemory = !entries
      if (!entries) {
        admit()
        entries = serialize([...memory.values()].slice(0, BATCH_EVENTS))
      }
      if (!entries.length || !(await deliver(entries))) return
      // A record goes once all its events are acknowledged (or refused). Records read from
      // IndexedDB were sent whole; those of events sent from memory, see `settled`.
      const done = fromMemory ? settled(entries) : [...new Set(entries.map((entry) => entry._record!))]
      // If IndexedDB fails here, stop reading from it: it would hand back what was just acknowledged.
      if (done.length) await buffer._remove(done).catch(() => (bufferDownUntil = Date.now() + BUFFER_RETRY_MS))
    }
  }

  const send = (): Promise<void> => {
    // Every call clears the "send soon" timer, also one that joins a send in flight.
    clearTimeout(sendTimer)
    sendTimer = undefined
    return (sending ||= (async () => {
      try {
        if (stopped) return
        fresh = freshEvents = 0
        await write()
        // Drops counted so far (some by the write above) travel in this send.
        if (reportDrops()) await write()
        if (stopped || Date.now() < notBefore || navigator.onLine === false) return
        // One sender per origin, and the lock only for the length of one flush: a lock held while
        // idle would keep the page out of the back/forward cache.
        if (navigator.locks) await navigator.locks.request('rumlet-send', { ifAvailable: true }, (lock) => lock && drain())
        else await drain()
      } catch (e) {
        // Never a rejection from a timer: navigator.locks itself may refuse (a sandboxed frame).
        warn('send failed', e)
      } finally {
        sending = undefined
      }
    })())
  }

  const timer = setInterval(guard(send), flushInterval)
  addEventListener('online', guard(() => ((notBefore = 0), send())))

  return {
    /** Records one event: into memory now, prepared and into IndexedDB within 250 ms. */
    _add(event: E): void {
      if (stopped) return
      if (recorded.push(event) + memory.size > limits.maxEvents * 1.1 + 1) trimMemory()
      writeTimer ||= later(write, WRITE_DELAY_MS)
      if (++freshEvents >= BATCH_EVENTS) sendTimer ||= later(send, 0)
      // Recorded while the page is leaving: Chromium fires pagehide before visibilitychange,
      // where web-vitals reports the final CLS and INP. Beacon them at the end of the task.
      if (exiting && document.visibilityState === 'visible') exiting = false
      if (exiting && !late) {
        late = true
        queueMicrotask(guard(() => ((late = false), beaconAll())))
      }
    },

    /**
     * Sends everything now (after a send already under way: it took only what was recorded
     * before it began); resolves when the collector has answered, or at once while a backoff
     * or Retry-After is running. Never rejects.
     */
    _flush: (): Promise<void> => (sending || Promise.resolve()).then(send),

    /** Sends what is pending, the first time the page is idle: what earlier pages left too. */
    _whenIdle(): void {
      if (typeof requestIdleCallback === 'function') requestIdleCallback(guard(send), { timeout: 5000 })
      else later(send, 1000)
    },

    /**
     * The page may be leaving: beacon this tab's unacknowledged events in this task, those with
     * no copy in IndexedDB first, and start writing them; events added while it stays hidden
     * are beaconed at the end of their task. Nothing is deleted: a later acknowledged send does
     * that.
     */
    _hide(): void {
      if (stopped) return
      exit++
      exiting = true
      trimMemory()
      beaconAll()
      void write()
    },

    /** Counts events dropped before they reached the pipeline (by `beforeSend`, say). */
    _drop: drop,

    /** Stops sending and forgets what this tab holds (consent was denied). */
    _stop(): void {
      stopped = true
      buffer._close()
      clearInterval(timer)
      clearTimeout(writeTimer)
      clearTimeout(sendTimer)
      memory.clear()
      recorded = []
      unwritten = []
      drops = {}
    },
  }
}
