// The wire format: what the snippet posts and the collector stores. Both sides import these
// types, so a renamed field fails the build instead of a dashboard. Later versions add fields
// and types; they never rename these.

/** Version of the batch envelope; the collector rejects versions it does not know. */
export const SCHEMA_VERSION = 1

/** Events in one batch, at most: the collector refuses more (400), so the snippet never sends more. */
export const MAX_BATCH_EVENTS = 1000

/** Attribute values are flat: no nesting, no arrays. */
export type Attributes = Record<string, string | number | boolean>

/** Fields every event carries. */
export interface BaseEvent {
  /** Unique and stable across resends: the collector stores an id once. */
  id: string
  type: string
  /** When it happened, epoch milliseconds. */
  time: number
  sessionId: string
  /** One id per page view (hard load, SPA route or back/forward-cache restore). */
  viewId: string
  url: string
  app?: string
  release?: string
  env?: string
  /** Set by `setUser`; never guessed. */
  userId?: string
  /** The call's own attributes over those of `setAttributes`; at most 50. */
  attributes?: Attributes
  /** The `route` option's name for the URL, such as `/product/[id]`. */
  route?: string
}

/** Timings of a hard load, in ms from navigation start. */
export interface NavigationTimings {
  ttfb?: number
  /** First contentful paint: when the page first rendered. */
  fcp?: number
  domContentLoaded?: number
  load?: number
}

export interface PageViewEvent extends BaseEvent, NavigationTimings {
  type: 'page_view'
  /** The previous view's URL; for a hard load, document.referrer. */
  referrer: string
  /** navigate, reload, back_forward, prerender, route_change, back_forward_cache or manual. */
  navigationType: string
}

/**
 * A view ended (another began) or may have (the page was hidden): how long it lasted, in all and
 * while visible, in ms. A view hidden and shown again sends another; the last has the totals.
 */
export interface ViewEndEvent extends BaseEvent {
  type: 'view_end'
  duration: number
  visible: number
}

export type VitalName = 'LCP' | 'INP' | 'CLS' | 'FCP' | 'TTFB'

export interface VitalEvent extends BaseEvent {
  type: 'vital'
  name: VitalName
  value: number
  delta: number
  rating: 'good' | 'needs-improvement' | 'poor'
  /** web-vitals' metric id: summing `delta` per `metricId` gives the metric's value. */
  metricId: string
  navigationType?: string
  /** CSS selector of the LCP element, of the largest layout shift's element, or of the INP target. */
  target?: string
  /** LCP: the URL of the image or video (scrubbed). */
  resource?: string
  /** INP: `pointer` or `keyboard`. */
  interaction?: string
  /** `rumlet/attribution` only: web-vitals' attribution breakdown, in ms (CLS: its values). */
  phases?: Record<string, number>
  /** `rumlet/attribution` only, INP: the longest Long Animation Frame script in the interaction. */
  script?: { url: string; invoker: string; phase: string; duration: number }
}

export interface ActionEvent extends BaseEvent {
  type: 'action'
  name: string
  duration: number
  ok: boolean
  source: 'api' | 'click'
  /** Why an action of `startAction` failed: the message of the error given to `fail`. */
  error?: string
  /** A click's element, as a CSS selector. */
  target?: string
  /** A click's signs of frustration: `rage`, `dead`, `error`. */
  frustration?: string[]
}

export interface ErrorEvent extends BaseEvent {
  type: 'error'
  message: string
  errorType: string
  stack?: string
  source: string
  count: number
  fingerprint: string
  /** A failed load (`source: "resource"`): the URL, scrubbed. */
  resource?: string
  /** The action (a click, or trackAction) recorded in the second before the error. */
  action?: string
  /** The trace of a request under way when it happened (with `trackNetwork`). */
  traceId?: string
  /** "Script error.": a script of another origin threw, and the browser hid what. */
  crossOrigin?: boolean
}

/** A fetch or XMLHttpRequest of the page (`trackNetwork`). */
export interface ResourceEvent extends BaseEvent {
  type: 'resource'
  /** `fetch` or `xhr`. */
  kind: string
  method: string
  /** The URL requested, scrubbed. */
  resource: string
  /** The HTTP status; 0 for a network error. */
  status: number
  duration: number
  /** Bytes, from Content-Length when the response exposes it. */
  size?: number
  /** The W3C trace id sent in its `traceparent` header. */
  traceId?: string
}

/**
 * Events the snippet had to drop, counted by reason (`queue_full`, `expired`, `rejected`,
 * `too_large`, …). The counts travel as an event of their own, so they are stored exactly once
 * like any other event.
 */
export interface DroppedEvent extends BaseEvent {
  type: 'dropped'
  counts: Record<string, number>
}

export type RumEvent = PageViewEvent | ViewEndEvent | VitalEvent | ActionEvent | ErrorEvent | ResourceEvent | DroppedEvent

/** The body of one `POST <endpoint>`: JSON, optionally gzip-compressed. */
export interface Batch {
  schema: typeof SCHEMA_VERSION
  /** Version of the snippet that sent the batch. */
  sdk: string
  /** When the batch left the page, epoch ms; lets the collector measure clock skew. */
  sentAt: number
  events: RumEvent[]
}

/** The collector's answer to an accepted batch. */
export interface IngestReply {
  stored: number
  duplicates: number
}
