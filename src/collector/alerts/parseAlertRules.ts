import * as v from 'valibot'
import { parseDocument } from 'yaml'
import { AlertFile, type AlertRules } from './alertRules'

/** An alert file the collector will not run, with a message that names the file, the field and what is wrong. */
export class BadAlertFile extends Error {}

/**
 * Reads the text of an alert file: YAML 1.2 (the `yaml` package), of which JSON is a subset, so
 * one parser reads both. Returns the rules with their defaults filled in (durations in ms) and
 * warnings about rules that can never fire; throws BadAlertFile for a syntax error (with its line
 * and column), a field of the wrong type or an unknown one (with its path, as
 * `alerts[1].above`), two rules of one name, or an SLO whose short window is not shorter than its long one.
 */
export function parseAlertRules(text: string, file = 'the alert file'): { rules: AlertRules; warnings: string[] } {
  const document = parseDocument(text, { prettyErrors: true })
  if (document.errors.length) throw new BadAlertFile(`${file}: ${document.errors[0].message.trim()}`)
  const data = document.toJS() ?? {}
  const result = v.safeParse(AlertFile, data, { abortEarly: true })
  if (!result.success) {
    const issue = result.issues[0]
    const path = (issue.path ?? []).map((item) => (typeof item.key === 'number' ? `[${item.key}]` : `.${String(item.key)}`)).join('').replace(/^\./, '')
    const unknown = issue.expected === 'never' && issue.path?.length
    const missing = issue.kind === 'schema' && issue.type === 'strict_object' && issue.input === undefined
    const reason = unknown ? 'is not a known field' : missing ? 'is missing' : issue.message.replace(/^Invalid type: /, 'has the wrong type: ')
    throw new BadAlertFile(`${file}: ${path || 'the file'} ${reason}`)
  }
  const rules = result.output
  const names = new Set<string>()
  for (const rule of [...rules.alerts, ...rules.slos]) {
    if (names.has(rule.name)) throw new BadAlertFile(`${file}: two rules are named "${rule.name}": names must be unique (they key the alert's state)`)
    names.add(rule.name)
  }
  const warnings: string[] = []
  for (const slo of rules.slos) {
    // The burn rate is the bad share over the budgeted one: it cannot pass 1 / (1 - objective).
    const highest = 1 / (1 - slo.objective)
    slo.burnRates.forEach((rate, i) => {
      if (rate.short >= rate.long) throw new BadAlertFile(`${file}: slos "${slo.name}" burnRates[${i}]: short (${rate.short / 60_000} min) must be shorter than long (${rate.long / 60_000} min)`)
      if (rate.factor > highest)
        warnings.push(`SLO "${slo.name}": a burn rate of ${rate.factor}× can never be reached with an objective of ${slo.objective} (at most ${+highest.toFixed(2)}×, all bad); that alert will not fire`)
    })
  }
  return { rules, warnings }
}
