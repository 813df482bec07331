// The answers of the query API the dashboard reads (README, *Query API*): times epoch ms,
// durations ms, shares 0–1.

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
export interface VitalBucket extends VitalStats {
  start: number
}
export interface TrafficBucket {
  start: number
  pageViews: number
  sessions: number
  actions: number
  errors: number
  events: number
}
export interface BreakdownRow {
  group: string | null
  pageViews: number
  sessions: number
  errors: number
  errorRate: number | null
  firstSeen: number
  lastSeen: number
}
export interface Release {
  release: string
  firstSeen: number
  lastSeen: number
  pageViews: number
  sessions: number
  errors: number
}
export interface Frame {
  function?: string
  file?: string
  line?: number
  column?: number
  minified?: { file?: string; line?: number; column?: number; function?: string }
}
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
export interface LossRow {
  reason: string
  dropped: number
  sessions: number
}
export interface Facets {
  app: { value: string; events: number }[]
  env: { value: string; events: number }[]
  release: { value: string; events: number }[]
  browser: { value: string; events: number }[]
  device: { value: string; events: number }[]
}
