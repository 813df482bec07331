import type { Attributes, DroppedEvent, ErrorEvent, RumEvent } from '../wire'
import type { Config, Consent } from './config'
import { startClicks } from './capture/clicks'
import { dedupeErrors } from './capture/dedupeErrors'
import { startConsole, startErrors } from './capture/errors'
import { startNetwork } from './capture/network'
import { startPageViews } from './capture/pageViews'
import { startVitals } from './capture/vitals'
import { startViews, type Views } from './capture/views'
import { cleanAttributes } from './lib/cleanAttributes'
import { guard } from './lib/guard'
import { hashToUnit } from './lib/hashToUnit'
import { now } from './lib/now'
import { onHidden } from './lib/onHidden'
import { scrubUrl, SECRET_PARAMS } from './lib/scrubUrl'
import { uid } from './lib/uid'
import { warn } from './lib/warn'
import { deleteBuffer } from './pipeline/createBuffer'
import { startPipeline, type Drops } from './pipeline/startPipeline'
import { createSession, SESSION_KEY } from './session'
import type { Captured, Emit } from './types'

/** While consent is pending, events wait in memory, up to this many. */
const MAX_HELD = 1000

/** The collector refuses longer URLs: a data: URL or a huge query is cut here. */
const MAX_URL = 8192

/** What `beforeSend` cannot change. */
const FIXED = ['id', 'type', 'time', 'sessionId', 'viewId'] as const

/**
 * Starts recording with a checked config: the capture modules, the session, and (once consent
 * is granted) the delivery pipeline. Every event passes through `record`, which notes what
 * belongs to the moment (time, view, page address, user, attributes) and waits for consent, then
 * through `prepare`, called by the pipeline off the caller's task, which fills in the other
 * fields all events share, scrubs URLs, checks attributes, samples, and calls `beforeSend`.
 */
export function startRum(config: Config) {
  const session = createSession(config.sessionTimeout, config.maxSessionDuration)
  const names = SECRET_PARAMS.concat(Array.isArray(config.scrubUrl) ? config.scrubUrl.map((name) => name.toLowerCase()) : [])
  const scrub = (url: string): string => {
    let out: unknown
    try {
      out = typeof config.scrubUrl === 'function' ? config.scrubUrl(url) : scrubUrl(url, names)
    } catch {}
    if (typeof out !== 'string') {
      // The page's own scrubber failed: the default one is better than none.
      warn('scrubUrl failed: the default was used')
      out = scrubUrl(url)
    }
    return (out as string).slice(0, MAX_URL)
  }
  let consent: Consent = config.consent
  let pipeline: ReturnType<typeof startPipeline> | undefined
  let held: RumEvent[] = []
  // Drops counted before the pipeline exists (consent pending, prerendering), by reason.
  let heldDrops: Drops = {}
  let userId: string | undefined
  let globals: Attributes | undefined
  let url = ''
  // The last action, for errors that follow it.
  let actionName = ''
  let actionTime = 0
  let inFlight: (() => string | undefined) | undefined
  // A prerendered page sends nothing before it is shown: its events wait like pending ones.
  let prerendering = !!document.prerendering
  let views: Views
  let sampledId = ''
  let keepAll = false
  let keepErrors = false

  const drop = (reason: string, count: number) =>
    pipeline ? pipeline._drop(reason, count) : (heldDrops[reason] = (heldDrops[reason] || 0) + count)

  const start = () => {
    if (!pipeline) {
      const onDrops = (counts: Drops) => record<DroppedEvent>({ type: 'dropped', counts })
      pipeline = startPipeline(config.endpoint, config.flushInterval, onDrops, undefined, prepare)
      // Whatever earlier pages, tabs or crashes left in IndexedDB goes out once this page is idle.
      pipeline._whenIdle()
    }
    return pipeline
  }

  // The page's URL as read, scrubbed, and its route: worked out once per URL in a row.
  let page: [raw: string, url: string, route?: string] = ['', '']

  /** Finishes a recorded event on its way to storage; undefined when it is left out. */
  const prepare = (event: RumEvent): RumEvent | undefined => {
    event.id = uid()
    if (event.url !== page[0]) {
      const url = scrub(event.url)
      page = [event.url, url, routeOf(url)]
    }
    event.url = page[1]
    event.route = page[2]
    if (event.type === 'page_view' && event.referrer) event.referrer = scrub(event.referrer)
    if ((event.type === 'vital' || event.type === 'error' || event.type === 'resource') && event.resource) event.resource = scrub(event.resource)
    if (event.type === 'vital' && event.script) event.script.url = scrub(event.script.url)
    event.app = config.app
    event.release = config.release
    event.env = config.env
    event.attributes = cleanAttributes(event.attributes)
    const sessionId = (event.sessionId = session(event.time))
    // Sampling hashes the session id: every tab and load of a session agrees.
    if (sessionId !== sampledId) {
      sampledId = sessionId
      keepAll = hashToUnit(sessionId) < config.sampleRate
      keepErrors = keepAll || hashToUnit('e' + sessionId) < config.errorSampleRate
    }
    if (event.type === 'error' ? !keepErrors : !keepAll && event.type !== 'dropped') return
    let out: RumEvent | null = event
    if (config.beforeSend && event.type !== 'dropped') {
      const fixed = FIXED.map((key) => event[key])
      try {
        out = config.beforeSend(event)
      } catch (e) {
        out = null
        warn('beforeSend threw: event dropped', e)
      }
      if (!out || typeof out !== 'object') return void drop('before_send', 1)
      // A copy: the page may hand back a frozen object.
      out = { ...out }
      FIXED.forEach((key, i) => ((out as unknown as Record<string, unknown>)[key] = fixed[i]))
    }
    return out
  }

  /**
   * Records one event: the capture modules and the public functions all call this. It runs in
   * the caller's task, so it only notes what belongs to the moment; `prepare` does the rest.
   */
  const record: Emit = (captured, time = now()) => {
    if (consent === 'denied') return
    const event = captured as unknown as RumEvent
    const { type } = event
    // Reading location.href costs microseconds: read it once per task, and again after a new
    // view (a route change within the task).
    if (type === 'page_view') url = ''
    if (!url) {
      url = location.href
      queueMicrotask(() => (url = ''))
    }
    event.time = time
    event.viewId ||= views._id
    event.url ||= url
    if (type === 'error' && inFlight) event.traceId ||= inFlight()
    // An error in the second after an action names it: what the user was doing.
    if (type === 'action' && time >= actionTime) {
      actionName = event.name
      actionTime = time
    } else if (type === 'error' && time - actionTime <= 1000) event.action = actionName
    event.userId = userId
    // A copy as they are now (the page may change the object it passed), after those of
    // `setAttributes`; checked in `prepare`.
    const own = event.attributes as unknown
    if (own != null && typeof own !== 'object') warn('attributes must be an object:', own)
    event.attributes = own && typeof own === 'object' ? { ...globals, ...own } : globals
    if (consent === 'pending' || prerendering) {
      if (held.length < MAX_HELD) held.push(event)
      else drop('queue_full', 1)
    } else start()._add(event)
  }

  // The `route` option names the (scrubbed) URL: `/product/[id]`.
  const routeOf = (url: string): string | undefined => {
    if (!config.route) return
    try {
      const route = config.route(url)
      if (typeof route === 'string') return route.slice(0, 256)
    } catch (e) {
      warn('route failed', e)
    }
  }

  // Sends what waited for consent or for the page to be shown, once neither holds it back.
  const release = () => {
    if (consent !== 'granted' || prerendering) return
    for (const reason in heldDrops) start()._drop(reason, heldDrops[reason])
    heldDrops = {}
    for (const event of held.splice(0)) start()._add(event)
  }

  views = startViews(record, config.spa, config.trackPageViews)
  if (config.trackPageViews) {
    // The hard load's view and URL, also when a route change came before the load event.
    const first = { viewId: views._id, url: location.href }
    onHidden(startPageViews((event, time) => record({ ...event, ...first } as never, time)))
  }
  if (config.trackVitals)
    startVitals(record, (metric) =>
      metric.navigationType === 'soft-navigation'
        ? // The route view of that URL; else the view of now (soft navigations are recent).
          views._byUrl.get(metric.navigationURL || '') || views._id
        : views._navigation,
    )
  // Errors pass through dedupe and the rate limit; repeats go out with each send and at hide.
  const errors = dedupeErrors(record, drop)
  const recordError = ((event: Captured<ErrorEvent>, time = now()) => errors._add(event, views._id, time)) as Emit
  setInterval(guard(errors._flush), config.flushInterval)
  onHidden(errors._flush)
  if (config.trackErrors) startErrors(recordError)
  if (config.captureConsole) startConsole(recordError)
  if (config.trackNetwork) inFlight = startNetwork(record, config.endpoint, config.propagateTraceTo || [], () => consent !== 'denied')
  if (config.trackClicks) {
    const limits = { rageClicks: config.rageClicks, window: config.frustrationWindow, distance: config.rageDistance }
    onHidden(startClicks(record, limits, (name, time) => ((actionName = name), (actionTime = time)), config.endpoint))
  }
  // Last at hide: the beacons carry what the listeners above recorded.
  onHidden(() => pipeline && pipeline._hide())
  if (prerendering)
    // Fired at the document, and it does not bubble.
    document.addEventListener('prerenderingchange', () => ((prerendering = false), release()), { once: true })
  // After init's synchronous work, so that a `setConsent` made before init counts first; with
  // the drops counted meanwhile (calls before init past the limit).
  queueMicrotask(() => consent === 'granted' && !prerendering && (start(), release()))

  return {
    _record: record,
    // The page's own errors; those the inline loader caught before the bundle came are uncaught
    // ones, left out with `trackErrors: false`.
    _error: ((event: Captured<ErrorEvent>, time?: number) => (config.trackErrors || event.source === 'api') && recordError(event, time)) as Emit,

    /** A new view: a page view of `url` (default: the address bar), with the last view as referrer. */
    _view: (next: string | undefined, attributes: unknown) => views._start('manual', next, attributes),

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

    _setConsent(value: Consent): void {
      consent = value
      release()
      if (value === 'denied') {
        held = []
        heldDrops = {}
        if (pipeline) pipeline._stop()
        pipeline = undefined
        deleteBuffer()
        try {
          localStorage.removeItem(SESSION_KEY)
        } catch {}
      }
    },

    /** The session id, or undefined while consent is not granted. */
    _sessionId: (): string | undefined => (consent === 'granted' ? session(now(), false) : undefined),

    _flush: (): Promise<void> => (errors._flush(), pipeline ? pipeline._flush() : Promise.resolve()),

    /** Counts what was lost before the events could be recorded (calls before init, say). */
    _drop: drop,
  }
}

export type Rum = ReturnType<typeof startRum>
