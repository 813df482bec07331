// `rumlet/attribution`: the npm API with web-vitals' attribution build, whose breakdowns (LCP and
// INP phases, the longest script of an INP) every vital then carries. Rollup builds it with
// `web-vitals` resolved to `web-vitals/attribution` (see rollup.config.mjs). Importing it only
// sets that hook; nothing touches the page before `init`.
import type { MetricType } from 'web-vitals'
import type { MetricWithAttribution } from 'web-vitals/attribution'
import { breakdown } from './capture/breakdown'
import { useBreakdown } from './capture/vitals'

useBreakdown((metric: MetricType) => breakdown(metric as MetricWithAttribution))

export * from './index'
