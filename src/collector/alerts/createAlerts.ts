import type { Store } from '../store/openStore'
import type { AlertRules } from './alertRules'
import { measureAlert, type Breach } from './measureAlert'
import { measureSlo, type SloStatus } from './measureSlo'
import { toNotification, type Notification } from './toNotification'

/** Where a rule stands: `pending` before its first evaluation, `no data` with too little to judge. */
export type RuleState = 'pending' | 'ok' | 'firing' | 'no data' | 'error'

/** A rule as the dashboard and `GET /api/alerts` show it. */
export interface RuleStatus {
  name: string
  kind: 'vital' | 'errorRate' | 'newErrorGroup' | 'slo'
  /** The vital a vital alert or an SLO looks at. */
  vital?: string
  state: RuleState
  /** The rule's value at the last evaluation (ms, a share, a count, an SLO's long burn rate), null without data. */
  value: number | null
  /** ms */
  window: number
  /** When the last evaluation ran (epoch ms); null before the first. */
  evaluatedAt: number | null
  /** The reason of an `error` state. */
  error: string | null
  /** What is wrong now, each since when (epoch ms). */
  firing: (Breach & { since: number })[]
  /** An SLO's budget and burn rates. */
  slo?: SloStatus
}

/** A rule that started or stopped firing: what `GET /api/alerts` lists as history, newest first. */
export interface Transition {
  time: number
  name: string
  key: string
  state: 'firing' | 'resolved'
  value: number
  message: string
  /** Whether the webhook took it (2xx); null without a webhook. */
  delivered: boolean | null
}

/** How many transitions the history keeps (in memory: since the collector started). */
const HISTORY = 500

/**
 * The alert engine over `store`: `evaluate()` measures every rule and SLO at `now()`, and for each
 * breach that starts or ends sends one notification to the rule's webhook (`send`, which throws
 * when it was not delivered) and records the transition. A breach still there at the next
 * evaluation sends nothing: one message when it fires, one when it resolves. A rule whose query
 * fails keeps its breaches (nothing resolves on an error). `start()` evaluates every `interval`,
 * never two evaluations at once.
 */
export function createAlerts(deps: {
  store: Store
  rules: AlertRules
  now?: () => number
  send: (url: string, notification: Notification) => Promise<void>
  log?: (message: string) => void
}) {
  const { store, rules, now = Date.now, send, log = console.error } = deps
  const all = [...rules.alerts.map((rule) => ({ rule, slo: false as const })), ...rules.slos.map((rule) => ({ rule, slo: true as const }))]
  const statuses = new Map<string, RuleStatus>(
    all.map(({ rule, slo }) => [
      rule.name,
      { name: rule.name, kind: slo ? 'slo' : rule.kind, vital: 'vital' in rule ? rule.vital : undefined, state: 'pending', value: null, window: rule.window, evaluatedAt: null, error: null, firing: [] },
    ]),
  )
  const history: Transition[] = []
  let running: Promise<void> | undefined

  async function notify(webhook: string | undefined, transition: Omit<Transition, 'delivered'>) {
    let delivered: boolean | null = null
    if (webhook) {
      try {
        await send(webhook, toNotification(transition, rules.dashboard))
        delivered = true
      } catch (e) {
        delivered = false
        log(`rumlet collector: alert "${transition.name}" not delivered to its webhook: ${(e as Error).message}`)
      }
    }
    history.unshift({ ...transition, delivered })
    history.length = Math.min(history.length, HISTORY)
  }

  async function evaluateOne(entry: (typeof all)[number], time: number) {
    const status = statuses.get(entry.rule.name)!
    let breaches: Breach[]
    try {
      if (entry.slo) {
        const slo = await measureSlo(store, entry.rule, time)
        Object.assign(status, { slo, value: slo.burnRates[0].longRate, state: slo.total ? 'ok' : 'no data' })
        breaches = slo.breaches
      } else {
        const measurement = await measureAlert(store, entry.rule, time)
        Object.assign(status, { value: measurement.value, state: measurement.value === null ? 'no data' : 'ok' })
        breaches = measurement.breaches
      }
      status.error = null
    } catch (e) {
      Object.assign(status, { state: 'error', error: (e as Error).message, evaluatedAt: time })
      return
    }
    status.evaluatedAt = time
    const webhook = entry.rule.webhook ?? rules.webhook
    const before = new Map(status.firing.map((breach) => [breach.key, breach]))
    const after = new Set(breaches.map((breach) => breach.key))
    const sends: Promise<void>[] = []
    for (const old of status.firing)
      if (!after.has(old.key)) sends.push(notify(webhook, { time, name: status.name, key: old.key, state: 'resolved', value: old.value, message: old.message }))
    status.firing = breaches.map((breach) => {
      const since = before.get(breach.key)?.since
      if (since === undefined) sends.push(notify(webhook, { time, name: status.name, key: breach.key, state: 'firing', value: breach.value, message: breach.message }))
      return { ...breach, since: since ?? time }
    })
    if (status.firing.length) status.state = 'firing'
    await Promise.all(sends)
  }

  /** Measures every rule once; resolves when their notifications have been sent (or given up). */
  function evaluate(): Promise<void> {
    running ??= (async () => {
      const time = now()
      // One at a time: the readers are shared with the dashboard and the API.
      for (const entry of all) await evaluateOne(entry, time)
    })().finally(() => (running = undefined))
    return running
  }

  return {
    evaluate,
    /** Every rule's state and the history of transitions, newest first. */
    status: () => ({ interval: rules.interval, rules: [...statuses.values()], history: [...history] }),
    /** Evaluates now and then every `interval`; `stop()` waits for an evaluation under way. */
    start() {
      void evaluate()
      const timer = setInterval(() => void evaluate(), rules.interval)
      timer.unref()
      return {
        stop: async () => {
          clearInterval(timer)
          await running
        },
      }
    },
  }
}

/** The running alerts: createAlerts' `{ evaluate, status, start }`. */
export type Alerts = ReturnType<typeof createAlerts>
