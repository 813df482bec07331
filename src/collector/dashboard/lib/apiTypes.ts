// The answers of the query API the dashboard reads (README, *Query API*): times epoch ms,
// durations ms, shares 0–1.

/** One vital from /api/vitals (and a group of it with `?by`): samples, p50 / p75 / p95 (ms; CLS unitless), rating shares 0–1. */
export interface VitalStats {
  name: string
  group?: string | null
  samples: number
  p50: number
  p75: number
  p95: number
  good: number
  needsImprovement: number
  poor: number
}
/** One bucket of /api/vitals/timeline: the same for the bucket starting at `start` (epoch ms). */
export interface VitalBucket extends VitalStats {
  start: number
}
/** One bucket of /api/traffic starting at `start` (epoch ms): counts of page views, sessions, actions, errors and all events. */
export interface TrafficBucket {
  start: number
  pageViews: number
  sessions: number
  actions: number
  errors: number
  events: number
}
/** One value of /api/breakdown (`group` null: unknown): counts, errors per page view, first and last event (epoch ms). */
export interface BreakdownRow {
  group: string | null
  pageViews: number
  sessions: number
  errors: number
  errorRate: number | null
  firstSeen: number
  lastSeen: number
}
/** One release of /api/releases: its first and last event of all time (epoch ms), and its counts in the range. */
export interface Release {
  release: string
  firstSeen: number
  lastSeen: number
  pageViews: number
  sessions: number
  errors: number
}
/** A stack frame after source-map resolution (`minified`: where it was before), lines and columns 1-based. */
export interface Frame {
  function?: string
  file?: string
  line?: number
  column?: number
  minified?: { file?: string; line?: number; column?: number; function?: string }
}
/** One group of /api/errors (or /api/errors/FINGERPRINT): counts, first and last seen (epoch ms), releases, its latest stack and frames. */
export interface ErrorGroup {
  fingerprint: string
  errorType: string
  message: string
  count: number
  sessions: number
  firstSeen: number
  lastSeen: number
  releases: string[]
  release: string | null
  url: string
  stack: string | null
  frames: Frame[] | null
}
/** One session of /api/sessions: first and last event (epoch ms), who, the entry URL, browser, OS, device and counts. */
export interface SessionRow {
  sessionId: string
  start: number
  end: number
  userId: string | null
  entryUrl: string
  browser: string | null
  os: string | null
  device: string | null
  pageViews: number
  actions: number
  errors: number
  events: number
}
/** One event of /api/sessions/ID, oldest first: time (epoch ms), type, page, and the event as sent (`event`, text from the page). */
export interface TimelineEntry {
  time: number
  type: string
  page: string
  fingerprint: string | null
  frames: Frame[] | null
  browser: string | null
  os: string | null
  device: string | null
  event: Record<string, unknown>
}
/** One action name of /api/actions: counts, duration percentiles (ms), success share 0–1, rage / dead / error clicks. */
export interface ActionRow {
  name: string
  count: number
  sessions: number
  p50: number | null
  p75: number | null
  p95: number | null
  successRate: number
  rage: number
  dead: number
  error: number
}
/** One reason of /api/loss: events the snippets dropped for it, and the sessions that did. */
export interface LossRow {
  reason: string
  dropped: number
  sessions: number
}
/** /api/facets: the values each filter can take in the range, most frequent first, with their event counts. */
export interface Facets {
  app: { value: string; events: number }[]
  env: { value: string; events: number }[]
  release: { value: string; events: number }[]
  browser: { value: string; events: number }[]
  device: { value: string; events: number }[]
}
