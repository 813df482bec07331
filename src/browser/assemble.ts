import type { Attributes, DroppedEvent, RumEvent } from '../wire'
import type { Config, Consent } from './config'
import { cleanAttributes } from './lib/cleanAttributes'
import { copyOwn } from './lib/copyOwn'
import type { DropCounter } from './lib/createDrops'
import type { LastAction } from './lib/createLastAction'
import { guard } from './lib/guard'
import { hashToUnit } from './lib/hashToUnit'
import { now } from './lib/now'
import { scrubUrl, SECRET_PARAMS } from './lib/scrubUrl'
import { uid } from './lib/uid'
import { warn } from './lib/warn'
import type { Sessions } from './session'
import type { Emit } from './types'

/** While consent is pending (or the page prerendering), events wait in memory, up to this many. */
const MAX_HELD = 1000
/** Events recorded and not yet finished, at most (a page calling trackAction in a loop). */
const MAX_QUEUED = 5000
/** The collector refuses longer URLs: a data: URL or a huge query is cut here. */
const MAX_URL = 8192
/** What `beforeSend` cannot change. */
const FIXED = ['id', 'type', 'time', 'sessionId', 'viewId'] as const
/** Recorded events are finished this long after the first of them, in bulk: one write a burst. */
const DELAY_MS = 250
/**
 * A slice of finishing stops taking events after this long (ms), so that finishing,
 * serializing and storing them is never a long task for the page, even on a slow phone.
 */
const SLICE_MS = 4

/** What assembling needs from the other parts of the page: each read, never written. */
export interface Sources {
  _session: Sessions
  _drops: DropCounter
  /** The current view's id. */
  _view: () => string
  _actions: LastAction
  /** The trace id of a request under way (an opt-in module's), for errors. */
  _trace: () => string | undefined
  /** True from a page exit until the page is shown again: events then leave at once. */
  _left: () => boolean
}

/**
 * The assemble stage: what every event gets between its capture and the outbox. `record` runs in
 * the caller's task, so it only notes what belongs to the moment (time, view, page address,
 * user, a copy of the attributes) and queues the event. Within 250 ms (after the page's load
 * event), in slices of a few ms, each event is finished — id, scrubbed URLs, route, app,
 * release, env, checked attributes, session, sampling, `beforeSend` — and the finished ones go
 * to `out`, with the drop counts as a `dropped` event. Nothing leaves while consent is pending
 * or the page is prerendering; when the page is leaving, events leave at the end of their task.
 */
export function createAssemble(config: Config, sources: Sources, out: (events: RumEvent[]) => void) {
  const { _session: session, _drops: drops } = sources
  const app = { app: config.app, release: config.release, env: config.env }
  const names = SECRET_PARAMS.concat(Array.isArray(config.scrubUrl) ? config.scrubUrl.map((name) => name.toLowerCase()) : [])
  let consent: Consent = config.consent
  // A prerendered page sends nothing before it is shown: its events wait like pending ones.
  let prerendering = !!document.prerendering
  let queue: RumEvent[] = []
  let timer: ReturnType<typeof setTimeout> | 0 = 0
  let soon = false
  let userId: string | undefined
  let globals: Attributes | undefined
  // The page's address as read this task, and the last URL as read, scrubbed, and its route.
  let url = ''
  // The view that `url` was read in.
  let urlView = ''
  let page: [raw: string, url: string, route?: string] = ['', '']
  let sampledId = ''
  let keepAll = false
  let keepErrors = false

  const held = () => consent !== 'granted' || prerendering

  const scrub = (url: string): string => {
    let out: unknown
    try {
      out = typeof config.scrubUrl === 'function' ? config.scrubUrl(url) : scrubUrl(url, names)
    } catch {}
    // The page's own scrubber failed: the default one is better than none.
    if (typeof out !== 'string') warn('scrubUrl failed: the default was used'), (out = scrubUrl(url))
    return (out as string).slice(0, MAX_URL)
  }

  // The `route` option names the (scrubbed) URL: `/product/[id]`.
  const routeOf = (url: string): string | undefined => {
    try {
      const route = config.route && config.route(url)
      if (typeof route === 'string') return route.slice(0, 256)
    } catch (e) {
      warn('route failed', e)
    }
  }

  // What belongs to the moment of an event: its time, view, address, user and attributes.
  const stamp = (event: RumEvent, time: number) => {
    // Reading location.href costs microseconds: once per task, and again once a new view has
    // begun (a route change's page view comes at the end of its task, its view at once).
    const view = sources._view()
    if (view !== urlView) (urlView = view), (url = '')
    if (!url) (url = location.href), queueMicrotask(() => (url = ''))
    event.time = time
    event.viewId ||= view
    event.url ||= url
    event.userId = userId
    // A copy as they are now (the page may change the object it passed), over `setAttributes`'s;
    // the event is kept without them when they cannot be read (a getter that throws). Without
    // attributes of its own, `setAttributes`'s object itself: copying its up to 50 keys for every
    // call made a trackAction 17 µs instead of 0.9 (e2e/fuzz.spec.ts's loop).
    const own = copyOwn(event.attributes)
    event.attributes = own ? { ...globals, ...own } : globals
  }

  // Finishes an event on its way out; undefined when it is left out.
  const finish = (event: RumEvent): RumEvent | undefined => {
    event.id = uid()
    if (event.url !== page[0]) {
      const url = scrub(event.url)
      page = [event.url, url, routeOf(url)]
    }
    event.url = page[1]
    event.route = page[2]
    // The other URLs an event may hold: a page view's referrer, a vital's, an error's or a
    // request's resource, the attribution build's script.
    const urls = event as Partial<Record<'referrer' | 'resource', string>> & { script?: { url: string } }
    if (urls.referrer) urls.referrer = scrub(urls.referrer)
    if (urls.resource) urls.resource = scrub(urls.resource)
    if (urls.script) urls.script.url = scrub(urls.script.url)
    Object.assign(event, app)
    event.attributes = cleanAttributes(event.attributes)
    const sessionId = (event.sessionId = session._id(event.time))
    if (event.type === 'dropped') return event
    // Sampling hashes the session id: every tab and load of a session agrees.
    if (sessionId !== sampledId) {
      sampledId = sessionId
      keepAll = hashToUnit(sessionId) < config.sampleRate
      keepErrors = keepAll || hashToUnit('e' + sessionId) < config.errorSampleRate
    }
    if (event.type === 'error' ? !keepErrors : !keepAll) return
    if (!config.beforeSend) return event
    const fixed = FIXED.map((key) => event[key])
    let changed: RumEvent | null = null
    try {
      changed = config.beforeSend(event)
    } catch (e) {
      warn('beforeSend threw: event dropped', e)
    }
    if (!changed || typeof changed !== 'object') return void drops._count('before_send')
    // A copy: the page may hand back a frozen object.
    const copy = { ...changed } as Record<string, unknown>
    FIXED.forEach((key, i) => (copy[key] = fixed[i]))
    return copy as unknown as RumEvent
  }

  // Finishes queued events and hands them on with the drop counts, for up to `budget` ms: a
  // chunk of 25 at a time, so that the time bounds finishing and what `out` does (serializing,
  // storing) as a whole. Waits for the session first, unless the page is leaving: then all of it
  // goes out in one call, which is one IndexedDB transaction (of many begun as the page unloads,
  // Chromium aborts those it has not run yet).
  const run = (budget: number, leaving?: boolean) => {
    if (held()) return
    const wait = !leaving && session._ready(Date.now())
    if (wait) return wait.then(slice)
    const start = performance.now()
    const done: RumEvent[] = []
    let taken = 0
    while (taken < queue.length && performance.now() - start < budget) {
      for (const end = Math.min(taken + 25, queue.length); taken < end; ) {
        try {
          const event = finish(queue[taken++])
          if (event) done.push(event)
        } catch (e) {
          // A bug of rumlet's own: the event is counted as lost, and the others go on.
          warn('internal error', e)
          drops._count('internal_error')
        }
      }
      if (!leaving) out(done.splice(0))
    }
    queue = queue.slice(taken)
    const counts = drops._take()
    if (counts) {
      const dropped = { type: 'dropped', counts } as DroppedEvent
      stamp(dropped, now())
      done.push(finish(dropped)!)
    }
    if (done[0]) out(done)
    if (queue.length) timer = setTimeout(slice)
  }
  const slice: () => unknown = guard(() => ((timer = 0), run(SLICE_MS)))

  // Finishing waits for the page's load event: nothing of rumlet's competes with loading.
  const schedule = () => {
    if (held()) return
    if (sources._left()) {
      if (!soon) (soon = true), queueMicrotask(guard(() => ((soon = false), run(Infinity, true))))
    } else if (!timer)
      timer = setTimeout(
        guard(() =>
          document.readyState === 'complete' ? slice() : addEventListener('load', () => setTimeout(slice, DELAY_MS), { once: true }),
        ),
        DELAY_MS,
      )
  }

  if (prerendering)
    // Fired at the document, and it does not bubble.
    document.addEventListener('prerenderingchange', () => ((prerendering = false), schedule()), { once: true })

  return {
    /**
     * Records one event: the capture modules and the public functions all call this. Cheap:
     * the rest waits for `run`.
     */
    _record: ((captured, time = now()) => {
      if (consent === 'denied') return
      const event = captured as unknown as RumEvent
      stamp(event, time)
      if (event.type === 'error') {
        event.traceId ||= sources._trace()
        event.action = sources._actions._at(time)
      } else if (event.type === 'action') sources._actions._note(event.name, time)
      // Past the cap the oldest go, an eighth at a time: each call stays O(1).
      const max = held() ? MAX_HELD : MAX_QUEUED
      if (queue.push(event) > max + (max >> 3)) drops._count('queue_full', queue.length - max), (queue = queue.slice(-max))
      schedule()
    }) as Emit,

    /** Hands on everything recorded, in this task (the page is leaving). */
    _exit: () => run(Infinity, true),

    /**
     * Hands on everything recorded, once the session is known (`flush`); in this task once the
     * exit began (the page's own pagehide handler): reading the session then would be a
     * transaction that the exit's write queues behind, and Chromium aborts both as the page
     * unloads (bench/RESULTS.md, exit writes).
     */
    _flush: async () => {
      if (!held()) sources._left() ? run(Infinity, true) : (await session._ready(Date.now()), run(Infinity))
    },

    /** The drop counts changed: they leave with the next slice. */
    _soon: schedule,

    _setUser(id: string | undefined): void {
      userId = id
    },

    /** Adds to the attributes of every later event; a `null` value removes that key. */
    _setAttributes(input: Record<string, unknown>): void {
      const kept: Record<string, unknown> = {}
      for (const key in globals) if (input[key] !== null) kept[key] = globals[key]
      for (const key of Object.keys(input)) if (input[key] !== null) kept[key] = input[key]
      globals = cleanAttributes(kept)
    },

    /** `pending` holds events, `granted` lets them go, `denied` forgets them and records nothing. */
    _setConsent(value: Consent): void {
      consent = value
      if (value === 'denied') (queue = []), drops._take()
      else schedule()
    },

    /**
     * The session id; undefined while consent is not granted, and until the session is read (this
     * call starts reading it, unless the exit began: see `_flush`).
     */
    _sessionId(): string | undefined {
      if (consent === 'granted') return sources._left() || session._ready(now()), session._peek(now())
    },
  }
}

export type Assemble = ReturnType<typeof createAssemble>
