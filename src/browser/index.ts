import type { ActionEvent, Attributes, DroppedEvent, RumEvent } from '../wire'
import { readConfig, type Config, type RumOptions } from './config'
import { startPageViews } from './capture/pageViews'
import { startVitals } from './capture/vitals'
import { cleanAttributes } from './lib/cleanAttributes'
import { guard } from './lib/guard'
import { hashToUnit } from './lib/hashToUnit'
import { onHidden } from './lib/onHidden'
import { uid } from './lib/uid'
import { setDebug, warn } from './lib/warn'
import { startPipeline } from './pipeline/startPipeline'
import { createSession } from './session'
import type { Emit } from './types'

export type { RumOptions } from './config'
export type * from '../wire'

let emit: Emit | undefined
let pipeline: ReturnType<typeof startPipeline> | undefined

/**
 * Starts rumlet: one page view, the Core Web Vitals, and sending to `options.endpoint`.
 * Call it once, as early as possible; a second call is ignored.
 *
 * @example
 * init({ endpoint: 'https://rum.example.com/rum', app: 'shop', release: '1.4.2', env: 'production' })
 */
export const init = guard((options: RumOptions): void => {
  if (pipeline) return warn('init called twice: the second call is ignored')
  const config = readConfig(options)
  if (!config) return
  setDebug(config.debug)
  const session = createSession()
  pipeline = startPipeline(config.endpoint, config.flushInterval, (counts) => emit!<DroppedEvent>({ type: 'dropped', counts }))
  emit = createEmit(config, session, pipeline.add)
  const endPageView = startPageViews(emit)
  startVitals(emit)
  onHidden(() => {
    endPageView()
    pipeline!.hide()
  })
  // Whatever earlier pages, tabs or crashes left in IndexedDB goes out once this page is idle.
  pipeline.whenIdle()
})

function createEmit(config: Config, session: (time: number) => string, add: (event: RumEvent) => void): Emit {
  const viewId = uid()
  let sampledId = ''
  let sampled = false
  let url = ''
  return (event, time = Date.now()) => {
    const sessionId = session(time)
    // Sampling hashes the session id: every tab and load of a session agrees.
    if (sessionId !== sampledId) sampled = hashToUnit((sampledId = sessionId)) < config.sampleRate
    if (!sampled) return
    // Reading location.href costs microseconds: read it once per task, not once per event.
    if (!url) {
      url = location.href
      queueMicrotask(() => (url = ''))
    }
    add(
      Object.assign(
        { id: uid(), time, sessionId, viewId, url, app: config.app, release: config.release, env: config.env },
        event,
      ) as unknown as RumEvent,
    )
  }
}

/**
 * Records a user action the page names itself, such as a sign-up or a checkout.
 *
 * @example
 * trackAction('checkout', { items: 3, plan: 'pro' })
 */
export const trackAction = guard((name: string, attributes?: Attributes): void => {
  if (!emit) return warn('trackAction before init: ignored')
  if (typeof name !== 'string' || !name) return warn('trackAction needs a name:', name)
  emit<ActionEvent>({ type: 'action', name: name.slice(0, 256), duration: 0, ok: true, source: 'api', attributes: cleanAttributes(attributes) })
})

/**
 * Sends every recorded event now. Resolves when the collector has answered, or at once while a
 * backoff or Retry-After runs; never rejects (events a failed send carried stay stored and are
 * sent again later).
 */
export async function flush(): Promise<void> {
  await pipeline?.flush()
}
