import { byteLength } from '../lib/byteLength'
import { guard } from '../lib/guard'
import { packBodies } from './packBodies'
import { beacon, post } from './send'

/** A batch leaves at this many events… */
const BATCH_EVENTS = 50
/** …or this many UTF-8 bytes, whichever comes first. */
const BATCH_BYTES = 16 * 1024
// sendBeacon and keepalive fetch share one 64 KiB in-flight quota per document (Fetch spec);
// beacons of 16 KiB leave room for the host page's own.
const BEACON_BYTES = 16 * 1024

/**
 * Holds recorded events until they are sent: in batches every `flushInterval` ms or when a batch
 * is full, and with beacons when the page is hidden. Events that a failed send carried go back
 * to the front of the queue. (This in-memory queue is where the IndexedDB buffer slots in.)
 */
export function startPipeline(endpoint: string, flushInterval: number) {
  let queue: string[] = []
  let queueBytes = 0
  let inFlight: string[] = []
  let sending: Promise<void> | undefined
  let soon: ReturnType<typeof setTimeout> | undefined

  const bytesOf = (events: string[]) => events.reduce((sum, event) => sum + byteLength(event), 0)

  // One send loop at a time; it drains the queue batch by batch and stops at the first failure,
  // leaving the rest to the next interval.
  const send = (): Promise<void> => {
    clearTimeout(soon)
    soon = undefined
    if (!queue.length) return sending || Promise.resolve()
    return (sending ||= (async () => {
      try {
        while (queue.length) {
          const batch = (inFlight = queue.splice(0, BATCH_EVENTS))
          queueBytes -= bytesOf(batch)
          let ok = true
          for (const body of packBodies(batch, BATCH_BYTES, Date.now())) ok = ok && (await post(endpoint, body))
          inFlight = []
          if (!ok) {
            queue = batch.concat(queue)
            queueBytes += bytesOf(batch)
            break
          }
        }
      } finally {
        sending = undefined
      }
    })())
  }

  const timer = setInterval(guard(() => void send()), flushInterval)

  return {
    /** Queues one event; a full batch is sent right after the current task. */
    add(event: object): void {
      const json = JSON.stringify(event)
      queue.push(json)
      queueBytes += byteLength(json)
      if (!soon && (queue.length >= BATCH_EVENTS || queueBytes >= BATCH_BYTES))
        soon = setTimeout(guard(() => void send()))
    },
    /** Sends everything now and resolves when the collector has answered (never rejects). */
    flush: send,
    /**
     * The page may be leaving: beacon everything not yet acknowledged, in this task. Events in
     * flight are sent again — a fetch may not survive the page, and the collector dedupes by id.
     */
    beaconAll(): void {
      const events = inFlight.concat(queue)
      for (const body of packBodies(events, BEACON_BYTES, Date.now())) beacon(endpoint, body)
      queue = []
      queueBytes = 0
    },
    stop(): void {
      clearInterval(timer)
    },
  }
}
