// The alert file's format (README, *Alerts and SLOs*), as one valibot schema: its types are the
// rules' types, and an unknown key is an error (a typo must not silently drop a threshold).
import * as v from 'valibot'

const UNITS: Record<string, number> = { s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }
const MINUTE = 60_000
const DAY = 86_400_000

/** A duration written `30s`, `15m`, `6h` or `28d`, as ms, from `min` to `max` ms. */
const duration = (min: number, max: number) =>
  v.pipe(
    v.string('must be a duration such as 15m, 6h or 28d'),
    v.regex(/^\d+(\.\d+)?[smhd]$/, 'must be a duration such as 15m, 6h or 28d'),
    v.transform((text) => Number(text.slice(0, -1)) * UNITS[text.slice(-1)]),
    v.minValue(min, `must be at least ${min / 1000} s`),
    v.maxValue(max, `must be at most ${max / DAY} days`),
  )

const url = v.pipe(v.string(), v.url('must be a URL such as https://hooks.slack.com/services/…'), v.regex(/^https?:/, 'must be an http or https URL'))
const positive = (what: string) => v.pipe(v.number(`must be a number (${what})`), v.minValue(0, `must not be negative (${what})`))
const VITALS = ['LCP', 'INP', 'CLS', 'FCP', 'TTFB'] as const
const vital = v.picklist(VITALS, `must be one of ${VITALS.join(', ')}`)

/** Narrows what a rule looks at: the query API's common filter, each optional (README, *Query API*). */
const Filter = v.optional(
  v.strictObject({
    app: v.optional(v.string()),
    env: v.optional(v.string()),
    release: v.optional(v.string()),
    browser: v.optional(v.string()),
    device: v.optional(v.string()),
    page: v.optional(v.string()),
  }),
  {},
)

/** What every alert has: a name (unique), a window it looks back over, a webhook of its own. */
const common = {
  name: v.pipe(v.string(), v.nonEmpty('must not be empty')),
  window: v.optional(duration(MINUTE, 31 * DAY), '15m'),
  filter: Filter,
  webhook: v.optional(url),
}

/** The p50, p75 or p95 of a vital (ms; CLS unitless) in the window is above `above`. */
const VitalAlert = v.strictObject({
  ...common,
  kind: v.literal('vital'),
  vital,
  stat: v.optional(v.picklist(['p50', 'p75', 'p95'], 'must be p50, p75 or p95'), 'p75'),
  above: positive('ms, or unitless for CLS'),
  /** Measured metrics needed to judge at all; fewer: "no data". */
  minSamples: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
})

/** The share of page views in the window that had at least one error is above `above` (0.01: 1 %). */
const ErrorRateAlert = v.strictObject({
  ...common,
  kind: v.literal('errorRate'),
  above: v.pipe(positive('a share: 0.01 is 1 %'), v.maxValue(1, 'is a share of page views: 0.01 is 1 %')),
  /** Page views needed to judge at all; fewer: "no data". */
  minPageViews: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1)), 1),
})

/**
 * An error group whose first occurrence of all time is in the window, in a release that began
 * after another release had been seen (alertQueries' NEW_ERROR_GROUPS): one alert per group,
 * resolved once its first occurrence leaves the window.
 */
const NewErrorAlert = v.strictObject({ ...common, kind: v.literal('newErrorGroup') })

/** A burn-rate alert of an SLO: fires while the budget burns at `factor` times or more over both windows. */
const BurnRate = v.strictObject({
  long: duration(MINUTE, 31 * DAY),
  short: duration(MINUTE, 31 * DAY),
  factor: v.pipe(v.number(), v.minValue(0.1, 'must be at least 0.1')),
})

/**
 * The SRE workbook's multi-window, multi-burn-rate alerts (Alerting on SLOs, table 5-8): 2 % of a
 * 30-day budget spent in 1 h, 5 % in 6 h (pages), 10 % in 3 days (a ticket), each confirmed by a
 * window a twelfth as long so that it resolves soon after the burning stops.
 */
export const DEFAULT_BURN_RATES = [
  { long: '1h', short: '5m', factor: 14.4 },
  { long: '6h', short: '30m', factor: 6 },
  { long: '3d', short: '6h', factor: 1 },
]

/** `objective` of a vital's measurements are at or under `good` (ms; default: web.dev's good threshold), over `window`. */
const Slo = v.strictObject({
  name: common.name,
  vital,
  good: v.optional(positive('ms, or unitless for CLS')),
  objective: v.pipe(v.number('must be a share such as 0.75'), v.minValue(0.01), v.maxValue(0.9999, 'must be under 1: 0.999 is 99.9 %')),
  window: v.optional(duration(DAY, 31 * DAY), '28d'),
  filter: Filter,
  burnRates: v.optional(v.pipe(v.array(BurnRate), v.minLength(1)), DEFAULT_BURN_RATES),
  webhook: v.optional(url),
})

/** The whole file. */
export const AlertFile = v.strictObject({
  /** How often the rules are evaluated. */
  interval: v.optional(duration(1000, 3_600_000), '1m'),
  /** Where notifications go unless a rule names its own. */
  webhook: v.optional(url),
  /** The dashboard's address, linked from notifications. */
  dashboard: v.optional(url),
  alerts: v.optional(v.array(v.variant('kind', [VitalAlert, ErrorRateAlert, NewErrorAlert], 'kind must be vital, errorRate or newErrorGroup')), []),
  slos: v.optional(v.array(Slo), []),
})

/** The alert file as the collector runs it: defaults filled in, durations in ms. */
export type AlertRules = v.InferOutput<typeof AlertFile>
/** One entry of `alerts:` (vital, errorRate or newErrorGroup). */
export type AlertRule = AlertRules['alerts'][number]
/** One entry of `slos:`. */
export type SloRule = AlertRules['slos'][number]
/** A rule's `filter`: the query API's common filter, without the time range. */
export type RuleFilter = AlertRule['filter']
