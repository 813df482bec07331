import type { ActionEvent, Attributes } from '../wire'
import { readConfig, type Consent, type RumOptions } from './config'
import { nameOf, type ActionName } from './capture/nameOf'
import { errorEvent } from './capture/errorEvent'
import { copyOwn } from './lib/copyOwn'
import { guard } from './lib/guard'
import { isUrl } from './lib/isUrl'
import { at, now } from './lib/now'
import { setDebug, warn } from './lib/warn'
import { startRum, type Rum } from './startRum'
import type { RumModule } from './types'

export type { Consent, RumOptions } from './config'
export type { ActionName } from './capture/nameOf'
export type { RumModule } from './types'
export type * from '../wire'

/** What `startAction` returns: end the action once, with `end` or `fail`. */
export interface ActionHandle {
  /** The action succeeded: records it with its duration and these attributes. */
  end(attributes?: Attributes): void
  /** The action failed: records it with `ok: false`, the error's message, and these attributes. */
  fail(error?: unknown, attributes?: Attributes): void
}

let rum: Rum | undefined
/** Calls made before `init`, run by `init` in order, each at its own time. */
const early: (() => void)[] = []
const MAX_EARLY = 1000
/** Calls before `init` past those: counted as `queue_full` once `init` comes. */
let lost = 0

// A public function: nothing it does throws into the page, and before `init` the call waits.
// Three named parameters rather than rest and spread: this runs on every trackAction.
const api = <F extends (...args: never[]) => void>(fn: (rum: Rum, ...args: Parameters<F>) => void): F => {
  const call = fn as unknown as (rum: Rum, a: unknown, b: unknown, c: unknown) => void
  return guard((a: unknown, b: unknown, c: unknown): void => {
    if (rum) return call(rum, a, b, c)
    const time = now()
    if (early.length < MAX_EARLY) early.push(guard(() => at(time, () => call(rum!, a, b, c))))
    else lost++, warn('a call before init was ignored: over 1,000 calls')
  }) as unknown as F
}

const action = (rum: Rum, name: unknown, attributes: unknown, duration: number, ok: boolean, time: number, error?: string) => {
  if (typeof name !== 'string' || !name) return warn('an action needs a name:', name)
  rum._record<ActionEvent>({ type: 'action', name: name.slice(0, 256), duration, ok, source: 'api', error, attributes } as never, time)
}

/**
 * Starts rumlet: page views, Core Web Vitals, errors, and sending to `options.endpoint`. Call it
 * once, as early as possible; a second call is ignored. Calls made before it wait for it.
 *
 * @example
 * init({ endpoint: 'https://rum.example.com/rum', app: 'shop', release: '1.4.2', env: 'production' })
 */
export const init = guard((options: RumOptions): void => {
  if (rum) return warn('init called twice: the second call is ignored')
  const config = readConfig(options)
  if (!config) return
  setDebug(config.debug)
  rum = startRum(config)
  if (config.modules) config.modules.map(rum._use)
  if (lost) rum._drop('queue_full', lost)
  for (const call of early.splice(0)) call()
})

/**
 * Adds an opt-in module, such as `network` from `rumlet/network`: before `init` (it starts with
 * it) or after. The same as listing it in the `modules` option; script-tag add-ons
 * (`dist/rumlet.network.js`) call it themselves.
 *
 * @example
 * use(network)
 */
export const use = api<(module: RumModule) => void>((rum, module) =>
  typeof module === 'function' ? rum._use(module) : warn('use needs a module:', module),
)

/**
 * Records a user action the page names itself, such as a sign-up or a checkout.
 *
 * @example
 * trackAction('checkout', { items: 3, plan: 'pro' })
 */
export const trackAction = api<(name: string, attributes?: Attributes) => void>((rum, name, attributes) =>
  action(rum, name, attributes, 0, true, now()),
)

/**
 * Starts an action that takes time; `end()` or `fail()` records it once, with its duration.
 *
 * @example
 * const upload = startAction('upload', { kind: 'avatar' })
 * try { await send(file); upload.end({ bytes: file.size }) } catch (e) { upload.fail(e) }
 */
export function startAction(name: string, attributes?: Attributes): ActionHandle {
  const start = now()
  let ended = false
  const finish = (ok: boolean) =>
    api<(error: unknown, more?: Attributes) => void>((rum, error, more) => {
      if (ended) return warn('action ended twice: ignored')
      ended = true
      // The start and end attributes merged; either may be unreadable (a getter that throws):
      // the action is kept without it.
      action(rum, name, { ...copyOwn(attributes), ...copyOwn(more) }, Math.max(0, now() - start), ok, start, ok ? undefined : error === undefined ? undefined : describeError(error))
    })
  const end = finish(true)
  const fail = finish(false)
  return { end: (attributes) => end(undefined, attributes), fail }
}

const describeError = (error: unknown) => errorEvent(error, '').message

/**
 * Records an error the page caught itself (uncaught ones are recorded without help).
 *
 * @example
 * try { pay() } catch (error) { trackError(error, { step: 'payment' }) }
 */
export const trackError = api<(error: unknown, attributes?: Attributes, source?: string) => void>((rum, error, attributes, source) =>
  // `source` is for rumlet's loader: errors it caught before the bundle came.
  rum._error({ ...errorEvent(error, source === 'error' || source === 'unhandledrejection' ? source : 'api'), attributes } as never),
)

/**
 * Starts a new view and records its page view, for routers that want manual control (the
 * page's own address when `url` is left out). Later events belong to this view.
 *
 * @example
 * router.afterEach((to) => trackPageView(to.fullPath, { route: to.name }))
 */
export const trackPageView = api<(url?: string, attributes?: Attributes) => void>((rum, url, attributes) => {
  if (url != null && (typeof url !== 'string' || !isUrl(url))) return warn('trackPageView needs a URL string:', url)
  rum._view(url || undefined, attributes)
})

/**
 * Sets the user id stored with every later event (`null` to forget it). Nothing identifies a
 * user until the page calls this.
 *
 * @example
 * setUser(account.id)
 */
export const setUser = api<(id: string | number | null) => void>((rum, id) => {
  if (id == null) rum._setUser(undefined)
  else if (typeof id === 'string' || typeof id === 'number') rum._setUser(String(id).slice(0, 256))
  else warn('setUser needs a string, a number or null:', id)
})

/**
 * Adds attributes to every later event (an event's own attributes win). A `null` value removes
 * that key.
 *
 * @example
 * setAttributes({ plan: 'pro', experiment: 'B' })
 */
export const setAttributes = api<(attributes: Record<string, string | number | boolean | null>) => void>((rum, attributes) => {
  if (attributes && typeof attributes === 'object') rum._setAttributes(attributes)
  else warn('setAttributes needs an object:', attributes)
})

/**
 * Changes consent. `pending` keeps new events in memory only (no IndexedDB, no network);
 * `granted` stores and sends them, with their original times; `denied` drops them, deletes
 * rumlet's IndexedDB database and session, and records nothing more.
 *
 * @example
 * cmp.on('consent', (ok) => setConsent(ok ? 'granted' : 'denied'))
 */
export const setConsent = api<(consent: Consent) => void>((rum, consent) => {
  if (consent === 'granted' || consent === 'pending' || consent === 'denied') rum._setConsent(consent)
  else warn('setConsent needs "granted", "pending" or "denied":', consent)
})

/**
 * Sends every recorded event now. Resolves when the collector has answered, or at once while a
 * backoff or Retry-After runs; never rejects (events a failed send carried stay stored and are
 * sent again later).
 */
export async function flush(): Promise<void> {
  try {
    await (rum && rum._flush())
  } catch (e) {
    warn('flush failed', e)
  }
}

/**
 * The id of the current session, shared by the origin's tabs; undefined before `init` and while
 * consent is not granted.
 *
 * @example
 * support.open({ rumSession: getSessionId() })
 */
export function getSessionId(): string | undefined {
  return guard(() => rum && rum._sessionId())()
}

/**
 * The name a click on `element` gets, and the rule of the naming chain that gave it (see the
 * README); undefined inside `data-rum-ignore`. For checking names while building a page.
 *
 * @example
 * explainAction(document.querySelector('#buy')) // { name: 'Buy now', rule: 'text' }
 */
export function explainAction(element: Element): ActionName | undefined {
  return guard(() => (element instanceof Element ? nameOf(element) : undefined))()
}
