import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { BadAlertFile, parseAlertRules } from '../src/collector/alerts/parseAlertRules'

// The alert file: YAML or JSON, defaults filled in, every mistake named with where it is.

const MIN = 60_000
const HOUR = 60 * MIN
const DAY = 24 * HOUR
const bad = (text: string) => {
  try {
    parseAlertRules(text, 'alerts.yaml')
  } catch (e) {
    expect(e).toBeInstanceOf(BadAlertFile)
    return (e as Error).message
  }
  throw new Error('parsed without complaint')
}

describe('parseAlertRules', () => {
  it('reads the README example (docs/alerts.example.yaml): durations in ms, defaults filled in', () => {
    const { rules, warnings } = parseAlertRules(readFileSync('docs/alerts.example.yaml', 'utf8'))
    expect(warnings).toEqual([])
    expect(rules.interval).toBe(MIN)
    expect(rules.webhook).toBe('https://hooks.slack.com/services/T000/B000/XXXX')
    expect(rules.alerts).toEqual([
      { name: 'Checkout LCP', kind: 'vital', vital: 'LCP', stat: 'p75', above: 2500, window: 15 * MIN, minSamples: 20, filter: { page: '/checkout', env: 'prod' } },
      { name: 'Error rate', kind: 'errorRate', above: 0.01, window: HOUR, minPageViews: 100, filter: {} },
      { name: 'New error after a release', kind: 'newErrorGroup', window: HOUR, filter: {}, webhook: 'https://hooks.example.com/rumlet' },
    ])
    expect(rules.slos[0]).toEqual({
      name: 'Good LCP', vital: 'LCP', objective: 0.75, window: 28 * DAY, filter: {},
      burnRates: [{ long: HOUR, short: 5 * MIN, factor: 3 }, { long: 6 * HOUR, short: 30 * MIN, factor: 2 }, { long: 3 * DAY, short: 6 * HOUR, factor: 1 }],
    })
    // The SRE workbook's three burn-rate alerts when none are named.
    expect(rules.slos[1]).toMatchObject({ good: 500, burnRates: [{ long: HOUR, short: 5 * MIN, factor: 14.4 }, { long: 6 * HOUR, short: 30 * MIN, factor: 6 }, { long: 3 * DAY, short: 6 * HOUR, factor: 1 }] })
  })

  it('reads JSON the same as YAML, and an empty file as no rules', () => {
    const json = JSON.stringify({ alerts: [{ name: 'LCP', kind: 'vital', vital: 'LCP', above: 2500 }] })
    expect(parseAlertRules(json).rules).toEqual(parseAlertRules('alerts:\n  - { name: LCP, kind: vital, vital: LCP, above: 2500 }\n').rules)
    expect(parseAlertRules(json).rules.alerts[0]).toMatchObject({ window: 15 * MIN, stat: 'p75', minSamples: 1 })
    expect(parseAlertRules('').rules).toEqual({ interval: MIN, alerts: [], slos: [] })
  })

  it('names the line and column of a syntax error', () => {
    expect(bad('alerts:\n  - name: [LCP\n')).toMatch(/^alerts\.yaml: .* at line \d+, column \d+/)
    expect(bad('{"alerts": [}')).toMatch(/^alerts\.yaml: .*line 1/)
  })

  it('names a misspelt field instead of dropping it', () => {
    expect(bad('alerts:\n  - { name: LCP, kind: vital, vital: LCP, abov: 2500 }')).toBe('alerts.yaml: alerts[0].above is missing')
    expect(bad('alerts:\n  - { name: LCP, kind: vital, vital: LCP, above: 2500, windw: 5m }')).toBe('alerts.yaml: alerts[0].windw is not a known field')
    expect(bad('alerts:\n  - { name: LCP, kind: vital, vital: LCP, above: fast }')).toBe('alerts.yaml: alerts[0].above must be a number (ms, or unitless for CLS)')
    expect(bad('webhooks: https://x.example/')).toBe('alerts.yaml: webhooks is not a known field')
  })

  it('refuses an unknown kind or vital, a bad duration, a share over 1, a webhook that is not http', () => {
    expect(bad('alerts:\n  - { name: A, kind: latency }')).toMatch(/^alerts\.yaml: alerts\[0\]\.kind .*vital, errorRate or newErrorGroup/)
    expect(bad('alerts:\n  - { name: A, kind: vital, vital: FID, above: 100 }')).toMatch(/alerts\[0\]\.vital .*LCP, INP, CLS, FCP, TTFB/)
    expect(bad('alerts:\n  - { name: A, kind: errorRate, above: 0.01, window: 15 minutes }')).toMatch(/alerts\[0\]\.window .*15m, 6h or 28d/)
    expect(bad('alerts:\n  - { name: A, kind: errorRate, above: 5 }')).toMatch(/alerts\[0\]\.above .*0\.01 is 1 %/)
    expect(bad('webhook: file:///etc/passwd')).toMatch(/^alerts\.yaml: webhook .*http/)
    expect(bad('slos:\n  - { name: S, vital: LCP, objective: 1 }')).toMatch(/slos\[0\]\.objective .*under 1/)
  })

  it('refuses two rules of one name, and a burn-rate alert whose short window is not the shorter', () => {
    expect(bad('alerts:\n  - { name: A, kind: newErrorGroup }\nslos:\n  - { name: A, vital: LCP, objective: 0.9 }')).toMatch(/two rules are named "A"/)
    expect(bad('slos:\n  - { name: S, vital: LCP, objective: 0.9, burnRates: [{ long: 5m, short: 1h, factor: 2 }] }')).toMatch(/burnRates\[0\]: short \(60 min\) must be shorter than long \(5 min\)/)
  })

  it('warns of a burn rate an objective can never reach: 1 / (1 − objective) at most', () => {
    const { warnings } = parseAlertRules('slos:\n  - { name: Good LCP, vital: LCP, objective: 0.75 }')
    expect(warnings).toEqual([
      'SLO "Good LCP": a burn rate of 14.4× can never be reached with an objective of 0.75 (at most 4×, all bad); that alert will not fire',
      'SLO "Good LCP": a burn rate of 6× can never be reached with an objective of 0.75 (at most 4×, all bad); that alert will not fire',
    ])
  })
})
