import { MAX_BATCH_EVENTS } from '../../wire'
import type { DropCounter } from '../lib/createDrops'
import { guard } from '../lib/guard'
import { listen } from '../lib/listen'
import type { Entry } from './entry'
import type { Outbox } from './createOutbox'
import { toBody } from './packGroups'
import { retryDelay } from './retryDelay'
import type { Answer, Transport } from './createTransport'

/**
 * One send carries at most this much JSON (bytes), and at most MAX_BATCH_EVENTS events (the
 * collector's limit). A fetch that is not `keepalive` is not bound by the 64 KiB in-flight quota
 * of beacons (Fetch spec), and the collector takes 1 MiB: one request for a burst costs the page
 * far less than one per 50 events.
 */
const SEND_BYTES = 256 * 1024
/** Written and not yet sent past this many bytes: send now rather than at the interval. */
const SOON_BYTES = 64 * 1024
/**
 * An error waits at most this long (ms) rather than the interval: whoever watches errors (and
 * the collector's alerts) sees them within seconds, and they leave compressed in a send instead
 * of in a page's uncompressed exit beacon.
 */
const ERROR_MS = 1000
/**
 * A send waits at most this long (ms) for the lock another tab holds, then goes without it: a
 * tab that hung holding it must not stop every tab's sends for good, and what two tabs both send
 * the collector's dedupe absorbs.
 */
const LOCK_MS = 10_000

/**
 * Sends what the outbox holds to the collector, at most every `interval` ms while there is
 * something to send (within 1 s of an error, and at once past 64 KiB): the oldest first, up to
 * 256 KiB and 1,000 events a request, one
 * tab of the origin at a time (a Web Lock held for one send only: a lock held while idle would
 * keep the page out of the back/forward cache; where the lock is missing or denied, every tab
 * sends and the collector's dedupe absorbs the overlap). After a failure it waits with backoff
 * and the collector's `Retry-After`, and not while the browser is offline. What the collector
 * refuses for good is dropped, counted once as `rejected`.
 */
export function startSender(outbox: Outbox, transport: Transport, drops: DropCounter, interval: number, endpoint: string, locks: LockManager | undefined = navigator.locks) {
  const origin = new URL(endpoint, location.href).origin
  let timer: ReturnType<typeof setTimeout> | undefined
  // When the timer fires (epoch ms).
  let due = 0
  let sending: Promise<void> | undefined
  let fresh = 0
  let failures = 0
  let notBefore = 0
  // Since when the lock has been held by another tab at each try (epoch ms; 0 when it was not).
  let held = 0
  let stopped = false
  // Ids already counted as `rejected`: a record that holds them may be read and refused again.
  const rejected = new Set<string>()

  const later = (ms: number) => {
    clearTimeout(timer)
    due = Date.now() + ms
    timer = setTimeout(() => send(), ms)
  }

  // Refused for good: forgotten, and counted once each; never the count of drops itself, whose
  // refusal would make a new one at every send.
  const refuse = (entries: Entry[]) => {
    for (const { _key, _json } of entries)
      if (!rejected.has(_key[1]) && !_json.startsWith('{"type":"dropped"')) rejected.add(_key[1]), drops._count('rejected')
    outbox._ack(entries)
  }

  // Posts `entries` once: 1 settled (acknowledged, or refused for good), 0 to try again later
  // (no answer, 408, 429, 5xx: with backoff), -1 refused with 400 or 413, which may be about some
  // of them only.
  const post = async (entries: Entry[]): Promise<number> => {
    const answer: Answer = await transport._post(toBody(entries, Date.now()))
    const status = answer._status
    if (!status || status === 408 || status === 429 || status > 499) {
      notBefore = Date.now() + retryDelay(++failures, answer._retryAfter, Date.now(), Math.random())
      return later(notBefore - Date.now()), 0
    }
    failures = 0
    if (status === 400 || status === 413) return -1
    // Any other refusal (404, 403, a redirect) would come again.
    status < 300 ? outbox._ack(entries) : refuse(entries)
    return 1
  }

  // `entries` were refused with 400 or 413: the culprits may be some of them (an event a
  // `beforeSend` broke, a URL too long for a proxy). Halve while halving helps, so that one bad
  // event costs only itself; when both halves are refused as well, the request was refused as
  // one (a schema the collector does not know, a proxy that refuses every body): they go.
  // False when the rest must wait for a retry.
  const split = async (entries: Entry[]): Promise<boolean> => {
    if (entries.length < 2) return refuse(entries), true
    const half = entries.length >> 1
    const refused: Entry[][] = []
    for (const piece of [entries.slice(0, half), entries.slice(half)]) {
      const result = await post(piece)
      if (!result) return false
      if (result < 0) refused.push(piece)
    }
    if (refused[1]) return refuse(entries), true
    return !refused[0] || split(refused[0])
  }

  const drain = async () => {
    for (let entries; !stopped && (entries = await outbox._take(SEND_BYTES, MAX_BATCH_EVENTS)).length; ) {
      const result = await post(entries)
      if (!result || (result < 0 && !(await split(entries)))) return
    }
  }

  // `wait`: for the lock, when another tab (or this tab's pipeline before a denial) holds it.
  const run = async (wait?: boolean) => {
    fresh = 0
    // A backoff or Retry-After runs: the send waits for it. Offline: for the online event.
    if (stopped || navigator.onLine === false) return
    if (Date.now() < notBefore) return later(notBefore - Date.now())
    let ran = false
    const locked = () => ((ran = true), (held = 0), drain())
    try {
      // One tab at a time; where Web Locks are missing or refused (a sandboxed frame), without.
      // Another tab that holds the lock sends for every tab: this one tries again at the
      // interval, and sends without it once its tries have found it held for 10 s (a tab that
      // hung while holding it). A flush waits 10 s at most for it, then sends without it from
      // then on (as where AbortSignal.timeout is missing).
      if (locks && Date.now() - (held ||= Date.now()) < LOCK_MS) {
        await locks.request('rumlet-send', wait ? { signal: AbortSignal.timeout(LOCK_MS) } : { ifAvailable: true }, (lock) => lock && locked())
        return void (ran || later(interval))
      }
    } catch {
      if (ran) return
      locks = undefined
    }
    await locked()
  }

  // One send at a time: a call during a send joins it (`sending` is cleared after it ends,
  // never inside it, even when it ends without waiting). Events IndexedDB could not take wait
  // in this tab's memory: they go at the next interval.
  const send = guard((wait?: boolean): Promise<void> => {
    clearTimeout(timer)
    timer = undefined
    return (sending ||= run(wait)
        .catch(() => {})
        .finally(() => {
          sending = undefined
          if (!stopped && !timer && outbox._unwritten()) later(interval)
        }))
  }) as (wait?: boolean) => Promise<void>

  const stops = [
    listen(
      'online',
      guard(() => ((notBefore = 0), send())),
    ),
    // The page's Content-Security-Policy forbids the collector (connect-src): nothing this page
    // sends can arrive, so it stops trying. Its events wait in IndexedDB for another page.
    listen(
      'securitypolicyviolation',
      (event: SecurityPolicyViolationEvent) => event.blockedURI.startsWith(origin) && stop(),
      false,
      document,
    ),
  ]
  const stop = () => {
    stopped = true
    clearTimeout(timer)
    stops.map((stop) => stop())
  }

  return {
    /** `bytes` more were written: sent within `interval` (1 s when `urgent`: an error), or now once 64 KiB wait. */
    _written(bytes: number, urgent?: boolean): void {
      const wait = (fresh += bytes) >= SOON_BYTES ? 0 : urgent ? Math.min(interval, ERROR_MS) : interval
      if (!stopped && (!timer || Date.now() + wait < due)) later(wait)
    },

    /**
     * Sends everything now (after a send under way: it took only what was written before it
     * began; and after another tab's, which holds the lock); resolves when the collector has
     * answered, or at once while a backoff or Retry-After runs. Never rejects.
     */
    _flush: (): Promise<void> => (sending || Promise.resolve()).then(() => send(true)),

    /** Sends nothing more: no timer, no listener left (consent was denied). */
    stop,
  }
}
