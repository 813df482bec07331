import { filterParams } from '../query/readFilter'
import type { Store } from '../store/openStore'
import { formatSpan } from '../dashboard/lib/format'
import { THRESHOLDS } from '../dashboard/lib/vitalThresholds'
import { sloSql } from './alertQueries'
import type { SloRule } from './alertRules'
import { ruleFilter, type Breach } from './measureAlert'

/** One burn-rate alert of an SLO, measured: the rates are multiples of the rate that spends the budget exactly over the SLO's window. */
export interface BurnRateStatus {
  /** ms */
  long: number
  /** ms */
  short: number
  factor: number
  longRate: number | null
  shortRate: number | null
  firing: boolean
}

/** An SLO at one moment. */
export interface SloStatus {
  /** The threshold a measurement must meet to be good (ms; CLS unitless). */
  good: number
  objective: number
  /** Measurements in the window, and how many were good. */
  total: number
  goodCount: number
  /** goodCount / total; null without measurements. */
  sli: number | null
  /**
   * The share of the error budget left: 1 − bad / ((1 − objective) × total). 1 with no bad
   * measurement (or none at all), 0 when exactly spent, negative when overspent.
   */
  budgetRemaining: number
  burnRates: BurnRateStatus[]
  breaches: Breach[]
}

/**
 * Measures an SLO at `now` (epoch ms): the SLI and the error budget left over its window, and the
 * burn rate over each window of its burn-rate alerts, which fire when both the long and the short
 * window burn at `factor` or more (the SRE workbook's multi-window, multi-burn-rate alerts:
 * https://sre.google/workbook/alerting-on-slos/). A burn rate is the bad share over the budgeted
 * share, 1 − objective; a window without measurements burns nothing.
 */
export async function measureSlo(store: Store, slo: SloRule, now: number): Promise<SloStatus> {
  const good = slo.good ?? THRESHOLDS[slo.vital][0]
  const windows = slo.burnRates.flatMap((rate) => [rate.long, rate.short])
  const since = now - Math.max(slo.window, ...windows)
  const params = filterParams(ruleFilter(slo.filter, since, now))
  const [row] = await store.query(sloSql(windows.length + 1), [...params, good, slo.vital, now - slo.window, ...windows.map((w) => now - w)] as never[])
  const counts = (i: number) => ({ total: Number(row[`total${i}`]), good: Number(row[`good${i}`]) })
  // 1 − 0.9 is 0.09999999999999998 in binary: rounded, a budget spent exactly shows 0, not −0.
  const budget = Number((1 - slo.objective).toFixed(12))
  const burn = (i: number) => {
    const { total, good } = counts(i)
    return total ? (total - good) / total / budget : null
  }
  const { total, good: goodCount } = counts(0)
  const burnRates = slo.burnRates.map((rate, i) => {
    const longRate = burn(1 + 2 * i)
    const shortRate = burn(2 + 2 * i)
    return { ...rate, longRate, shortRate, firing: longRate !== null && shortRate !== null && longRate >= rate.factor && shortRate >= rate.factor }
  })
  const budgetRemaining = total ? 1 - (total - goodCount) / (budget * total) : 1
  const fast = burnRates.find((rate) => rate.firing)
  const breaches = fast
    ? [{
        key: '',
        value: fast.longRate!,
        message: `SLO ${slo.name}: the error budget burns at ${fast.longRate!.toFixed(1)}× over ${formatSpan(fast.long)} and ${fast.shortRate!.toFixed(1)}× over ${formatSpan(fast.short)} (alert at ${fast.factor}×); ${(budgetRemaining * 100).toFixed(1)} % of the budget left`,
      }]
    : []
  return { good, objective: slo.objective, total, goodCount, sli: total ? goodCount / total : null, budgetRemaining, burnRates, breaches }
}
