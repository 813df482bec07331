import type { ErrorEvent, RumEvent } from '../wire'
import { createAssemble } from './assemble'
import { startClicks } from './capture/clicks'
import { dedupeErrors } from './capture/dedupeErrors'
import { startErrors } from './capture/errors'
import { startPageViews } from './capture/pageViews'
import { startViews, type Views } from './capture/views'
import { startVitals } from './capture/vitals'
import type { Config, Consent } from './config'
import { createDrops } from './lib/createDrops'
import { createLastAction } from './lib/createLastAction'
import { guard } from './lib/guard'
import { now } from './lib/now'
import { trackExit } from './lib/trackExit'
import { warn } from './lib/warn'
import { createBuffer, deleteBuffer, type Buffer } from './pipeline/createBuffer'
import { createOutbox, DEFAULT_LIMITS, type Outbox } from './pipeline/createOutbox'
import { createTransport } from './pipeline/createTransport'
import { EXIT_BYTES, sendBeacons } from './pipeline/sendBeacons'
import { startSender } from './pipeline/startSender'
import { createSession } from './session'
import type { Capture, Captured, Emit, RumModule } from './types'

/**
 * Starts recording with a checked config, and wires the stages an event passes through, in
 * order: capture (one module per source) → assemble (what every event gets) → outbox (memory and
 * IndexedDB) → sender (batches, retries, the Web Lock), and at page exit → beacons. Each stage
 * hands on to the next and never calls back into the one before; the drop counter and the page
 * exit are the two signals every stage may read.
 */
export function startRum(config: Config) {
  const drops = createDrops(() => assemble._soon())
  const actions = createLastAction()
  const transport = createTransport(config.endpoint)
  const modules: RumModule[] = []
  let captures: Capture[] = []
  let views: Views | undefined
  let pipeline: { _buffer: Buffer; _outbox: Outbox; _sender: ReturnType<typeof startSender> } | undefined
  // Page exits so far, and what the beacons of this one may still carry.
  let exits = 0
  let budget = 0
  // Started last (see below); until then the page has not left.
  let exit: ReturnType<typeof trackExit> | undefined

  // The outbox and sender exist from the first event consent lets through.
  const start = () => {
    if (!pipeline) {
      const buffer = createBuffer(DEFAULT_LIMITS)
      const outbox = createOutbox(buffer, drops, (bytes, urgent) => sender._written(bytes, urgent))
      const sender = startSender(outbox, transport, drops, config.flushInterval, config.endpoint)
      pipeline = { _buffer: buffer, _outbox: outbox, _sender: sender }
    }
    return pipeline
  }
  // The session lives in the buffer's database (opened once consent lets events through).
  const session = createSession(config.sessionTimeout, config.maxSessionDuration, (update) => start()._buffer._session(update))

  // This tab's events not yet beaconed in this exit, within its share of the beacon quota.
  const beacon = () => {
    const entries = pipeline ? pipeline._outbox._forExit(exits, budget) : []
    for (const entry of entries) budget -= entry._key[2]
    sendBeacons(entries, transport._beacon)
  }

  const assemble = createAssemble(
    config,
    {
      _session: session,
      _drops: drops,
      _view: () => (views ? views._id : ''),
      _actions: actions,
      _trace: () => {
        for (const capture of captures) {
          const id = capture.traceId && capture.traceId()
          if (id) return id
        }
      },
      _left: () => !!exit && exit._left(),
    },
    (events: RumEvent[]) => {
      start()._outbox._add(events)
      // Recorded after the exit began (the final CLS and INP, the page's own pagehide handler):
      // they leave now too.
      if (exit && exit._left()) beacon()
    },
  )
  const record = assemble._record
  // An instrumentation the page left no room for (a read-only global).
  const skip = (label: string) => (drops._count('not_instrumented'), warn(`${label} is read-only: not instrumented`))
  // A capture that threw while starting (a global the page removed or made throw, such as
  // MutationObserver or addEventListener): left out, counted and reported like a read-only one,
  // so that the other captures, the exit listener and the API still start.
  const attempt = <T>(label: string, start: () => T): T | undefined => {
    try {
      return start()
    } catch (e) {
      drops._count('not_instrumented')
      warn(`${label} failed: not instrumented`, e)
    }
  }

  // Errors pass through dedupe and the rate limit. A repeat is held for 5 s, except after the
  // exit began (the page's own pagehide handler threw): then it leaves with the beacons.
  const errors = dedupeErrors(record, drops)
  const recordError = ((event: Captured<ErrorEvent>, time = now()) => (errors._add(event, views ? views._id : '', time), exit && exit._left() && errors._flush())) as Emit

  // What listens to the page or wraps its functions: stopped when consent is denied, started
  // again when it is granted later.
  const startCapture = () => {
    views = attempt('views', () => startViews(record, skip, config.spa, config.trackPageViews, config.hashRoutes))
    captures = [
      views,
      errors,
      config.trackClicks && attempt('clicks', () => startClicks(record, config, (name, time) => actions._note(name, time), config.endpoint)),
      config.trackErrors && attempt('errors', () => startErrors(recordError)),
      ...modules.map((module) => attempt('a module', () => module({ emit: record, config, skip }))),
    ].filter(Boolean) as Capture[]
  }
  const stopCapture = () => {
    for (const capture of captures) capture.stop()
    captures = []
  }

  if (config.consent !== 'denied') startCapture()
  // Once per page: the hard load's page view (first, so that it comes before the view's end at
  // an exit) and web-vitals, whose listeners cannot be removed (while consent is denied, what
  // they report is not recorded).
  const pageViews = config.trackPageViews && views && attempt('page views', () => startPageViews(record, views!._id))
  if (pageViews) captures.unshift(pageViews)
  // web-vitals and the exit listener start in a task of their own: the script's evaluation is
  // then two tasks, neither of them long on a slow phone (4× CPU: about 45 ms in one). Last, in
  // that order: on the same target, Chromium runs listeners in the order they were added
  // (capture or not), and those of capture (a click's reaction to pagehide, web-vitals' reports)
  // come first.
  setTimeout(
    guard(() => {
      if (config.trackVitals) attempt('web-vitals', () => startVitals(record, (metric) => (views ? views._of(metric) : '')))
      exit = trackExit(() => {
        exits++
        budget = EXIT_BYTES
        // Capture records what waits (the page view, the view's time, clicks, repeated errors),
        // assemble finishes it all in this task, the beacons carry it.
        for (const capture of captures) capture._flush && capture._flush()
        assemble._exit()
        beacon()
      })
    }),
  )

  return {
    _record: record,
    // The page's own errors; those the inline loader caught before the bundle came are uncaught
    // ones, left out with `trackErrors: false`.
    _error: ((event: Captured<ErrorEvent>, time?: number) => (config.trackErrors || event.source === 'api') && recordError(event, time)) as Emit,

    /** A new view: a page view of `url` (default: the address bar), with the last view as referrer. */
    _view: (next: string | undefined, attributes: unknown) => views && views._start('manual', next, attributes),

    _setUser: assemble._setUser,
    _setAttributes: assemble._setAttributes,

    _setConsent(value: Consent): void {
      assemble._setConsent(value)
      if (value !== 'denied') return void (captures.length || startCapture())
      stopCapture()
      if (pipeline) pipeline._sender.stop(), pipeline._outbox._stop()
      pipeline = undefined
      // The events and the session any tab stored go with the database.
      deleteBuffer()
    },

    /** Adds an opt-in module: started now if rumlet records, else once consent allows it. */
    _use(module: RumModule): void {
      modules.push(module)
      const capture = captures.length && attempt('a module', () => module({ emit: record, config, skip }))
      if (capture) captures.push(capture)
    },

    _sessionId: assemble._sessionId,

    _flush: async (): Promise<void> => {
      errors._flush()
      await assemble._flush()
      // Once the exit began, the beacons carry it: a send would read IndexedDB first, and the
      // exit's write, queued behind that read, would be lost with it as the page unloads.
      if (pipeline && !(exit && exit._left())) await pipeline._sender._flush()
    },

    /** Counts what was lost before the events could be recorded (calls before init, say). */
    _drop: drops._count,
  }
}

export type Rum = ReturnType<typeof startRum>
