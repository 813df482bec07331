import type { Filter } from '../query/readFilter'
import { vitalsSql } from '../query/vitalQueries'
import { filterParams } from '../query/readFilter'
import type { Store } from '../store/openStore'
import { formatSpan } from '../dashboard/lib/format'
import { formatVital } from '../dashboard/lib/vitalThresholds'
import { ERROR_RATE, NEW_ERROR_GROUPS } from './alertQueries'
import type { AlertRule, RuleFilter } from './alertRules'

/** One thing that is wrong: an alert rule may have several at once (one per new error group). */
export interface Breach {
  /** What tells it from the rule's other breaches: '' for rules with one, a fingerprint for new error groups. */
  key: string
  value: number
  message: string
}

/** A rule measured at one moment: its value (null without enough data) and what is wrong, if anything. */
export interface Measurement {
  value: number | null
  /** How much data the value rests on (metrics measured, page views, new groups). */
  samples: number
  breaches: Breach[]
}

/** The query API's filter over [since, until) narrowed by a rule's filter. */
export const ruleFilter = (filter: RuleFilter, since: number, until: number): Filter => ({
  since,
  until,
  app: filter.app ?? null,
  env: filter.env ?? null,
  release: filter.release ?? null,
  browser: filter.browser ?? null,
  device: filter.device ?? null,
  page: filter.page ?? null,
})

const plural = (count: unknown, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`
const percent = (share: number) => `${+(share * 100).toFixed(2)} %`
const where = (filter: RuleFilter) => {
  const parts = Object.entries(filter).map(([key, value]) => `${key} ${value}`)
  return parts.length ? ` (${parts.join(', ')})` : ''
}

/** Measures an alert rule over its window ending at `now` (epoch ms), with the query API's SQL. */
export async function measureAlert(store: Store, rule: AlertRule, now: number): Promise<Measurement> {
  const params = filterParams(ruleFilter(rule.filter, now - rule.window, now))
  const minutes = formatSpan(rule.window)
  if (rule.kind === 'vital') {
    const row = (await store.query(vitalsSql(), params)).find((r) => r.name === rule.vital)
    const samples = Number(row?.samples ?? 0)
    if (!row || samples < rule.minSamples) return { value: null, samples, breaches: [] }
    const value = row[rule.stat] as number
    const message = `${rule.stat} ${rule.vital}${where(rule.filter)} is ${formatVital(rule.vital, value)} over ${minutes} (${samples} measured), above ${formatVital(rule.vital, rule.above)}`
    return { value, samples, breaches: value > rule.above ? [{ key: '', value, message }] : [] }
  }
  if (rule.kind === 'errorRate') {
    const [row] = await store.query(ERROR_RATE, params)
    const pageViews = Number(row.pageViews)
    if (pageViews < rule.minPageViews) return { value: null, samples: pageViews, breaches: [] }
    const value = Number(row.viewsWithErrors) / pageViews
    const message = `${percent(value)} of page views${where(rule.filter)} had an error over ${minutes} (${row.viewsWithErrors} of ${pageViews}), above ${percent(rule.above)}`
    return { value, samples: pageViews, breaches: value > rule.above ? [{ key: '', value, message }] : [] }
  }
  // New error groups: their first occurrence of all time counts, so the range starts at 0.
  const rows = await store.query(NEW_ERROR_GROUPS, [...filterParams(ruleFilter(rule.filter, 0, now)), now - rule.window] as never[])
  const breaches = rows.map((row) => ({
    key: String(row.fingerprint),
    value: Number(row.count),
    message: `new error group in release ${row.release}${where(rule.filter)}: ${row.errorType}: ${row.message} (${plural(row.count, 'time')}, ${plural(row.sessions, 'session')})`,
  }))
  return { value: breaches.length, samples: breaches.length, breaches }
}
