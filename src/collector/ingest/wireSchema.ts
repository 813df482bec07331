// The wire format as a valibot schema: the one definition the collector validates with. Its
// limits are the snippet's own (cleanAttributes, scrubUrl, errorEvent…) with room to spare, so a
// newer snippet is not refused for a field a little longer than today's.
//
// src/wire.ts keeps the same shapes as plain interfaces, because the snippet's published types
// (dist/types) must not depend on valibot. `WireMatches` below makes the two one definition as
// far as the compiler is concerned: a field added, removed or retyped on either side and not on
// the other fails `npm run build`.
import * as v from 'valibot'
import type { ActionEvent, DroppedEvent, ErrorEvent, PageViewEvent, ResourceEvent, ViewEndEvent, VitalEvent } from '../../wire'

const text = (max: number) => v.pipe(v.string(), v.maxLength(max))
const id = v.pipe(v.string(), v.regex(/^[\w-]{1,64}$/))
const finite = v.pipe(v.number(), v.finite())
/** Durations (ms), sizes (bytes) and counts: never negative. */
const ms = v.pipe(v.number(), v.finite(), v.minValue(0))
const count = v.pipe(v.number(), v.integer(), v.minValue(1))
/** A W3C trace id: 32 lowercase hex digits. */
const traceId = v.pipe(v.string(), v.regex(/^[0-9a-f]{32}$/))
/** Epoch ms, up to the year 9999: what a TIMESTAMP column and a Date can both hold. */
export const epochMs = v.pipe(v.number(), v.finite(), v.gtValue(0), v.ltValue(253402300800000))
/** An object (not an array: valibot's record takes one) of at most `max` keys. */
function flatRecord<K extends v.GenericSchema<string>, V extends v.GenericSchema>(key: K, value: V, max: number) {
  return v.pipe(
    v.custom<Record<string, unknown>>((input) => !Array.isArray(input)),
    v.record(key, value),
    v.maxEntries(max),
  )
}
/** What the snippet's cleanAttributes lets through: 50 keys of up to 64 characters, text up to 1,024. */
const attributes = flatRecord(v.pipe(v.string(), v.maxLength(64)), v.union([text(1024), v.boolean(), finite]), 50)

/** Fields every event carries; an event of a type this collector does not know is checked on these alone. */
export const baseEntries = {
  id,
  type: v.pipe(v.string(), v.regex(/^[a-z][a-z_]{0,31}$/)),
  time: epochMs,
  sessionId: id,
  viewId: id,
  url: text(8192),
  app: v.optional(text(128)),
  release: v.optional(text(128)),
  env: v.optional(text(128)),
  userId: v.optional(text(256)),
  attributes: v.optional(attributes),
  route: v.optional(text(256)),
}

export const PageViewSchema = v.object({
  ...baseEntries,
  type: v.literal('page_view'),
  referrer: text(8192),
  navigationType: text(32),
  ttfb: v.optional(ms),
  fcp: v.optional(ms),
  domContentLoaded: v.optional(ms),
  load: v.optional(ms),
})

export const ViewEndSchema = v.object({ ...baseEntries, type: v.literal('view_end'), duration: ms, visible: ms })

export const VitalSchema = v.object({
  ...baseEntries,
  type: v.literal('vital'),
  name: v.picklist(['LCP', 'INP', 'CLS', 'FCP', 'TTFB']),
  value: finite,
  delta: finite,
  rating: v.picklist(['good', 'needs-improvement', 'poor']),
  metricId: text(128),
  navigationType: v.optional(text(32)),
  target: v.optional(text(256)),
  resource: v.optional(text(8192)),
  interaction: v.optional(text(32)),
  phases: v.optional(flatRecord(v.string(), finite, 32)),
  script: v.optional(v.object({ url: text(8192), invoker: text(256), phase: text(32), duration: ms })),
})

export const ActionSchema = v.object({
  ...baseEntries,
  type: v.literal('action'),
  name: text(1024),
  duration: ms,
  ok: v.boolean(),
  // The snippet sends `api` or `click`; any short name is stored, for a newer snippet's sources.
  source: text(32),
  error: v.optional(text(8192)),
  target: v.optional(text(256)),
  frustration: v.optional(v.pipe(v.array(text(32)), v.maxLength(8))),
})

export const ErrorSchema = v.object({
  ...baseEntries,
  type: v.literal('error'),
  message: text(8192),
  errorType: text(256),
  stack: v.optional(text(16384)),
  source: text(32),
  count,
  fingerprint: text(256),
  resource: v.optional(text(8192)),
  action: v.optional(text(1024)),
  traceId: v.optional(traceId),
  crossOrigin: v.optional(v.boolean()),
})

export const ResourceSchema = v.object({
  ...baseEntries,
  type: v.literal('resource'),
  kind: text(16),
  method: text(16),
  resource: text(8192),
  status: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(999)),
  duration: ms,
  size: v.optional(ms),
  traceId: v.optional(traceId),
})

export const DroppedSchema = v.object({
  ...baseEntries,
  type: v.literal('dropped'),
  counts: flatRecord(v.string(), count, 32),
})

/** The schema of each event type this collector knows, by `type`. */
export const EVENT_SCHEMAS: Record<string, v.GenericSchema> = {
  page_view: PageViewSchema,
  view_end: ViewEndSchema,
  vital: VitalSchema,
  action: ActionSchema,
  error: ErrorSchema,
  resource: ResourceSchema,
  dropped: DroppedSchema,
}

/** An event of a type this collector does not know yet (a newer snippet's): its base fields. */
export const UnknownEventSchema = v.object(baseEntries)

/**
 * The batch envelope. Forgiving, as issue 15 asks: `schema` defaults to 1, `sdk` and `sentAt`
 * may be left out (a hand-written sender, curl). `events` is checked one event at a time.
 */
export const BatchSchema = v.object({
  schema: v.optional(v.number(), 1),
  sdk: v.optional(text(64)),
  sentAt: v.optional(epochMs),
  events: v.array(v.unknown()),
})

// Every event the snippet can build passes the schema's types, and both sides have the same
// fields, the same of them required. (The schema may accept more values of a field than the
// snippet sends: any short `source`, say.)
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T]
type SameKeys<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
type Same<A, B> =
  SameKeys<keyof A, keyof B> extends true ? (SameKeys<RequiredKeys<A>, RequiredKeys<B>> extends true ? (A extends B ? true : false) : false) : false
type WireMatches = [
  Same<PageViewEvent, v.InferOutput<typeof PageViewSchema>>,
  Same<ViewEndEvent, v.InferOutput<typeof ViewEndSchema>>,
  Same<VitalEvent, v.InferOutput<typeof VitalSchema>>,
  Same<ActionEvent, v.InferOutput<typeof ActionSchema>>,
  Same<ErrorEvent, v.InferOutput<typeof ErrorSchema>>,
  Same<ResourceEvent, v.InferOutput<typeof ResourceSchema>>,
  Same<DroppedEvent, v.InferOutput<typeof DroppedSchema>>,
]
/** Fails to compile when src/wire.ts and this schema disagree. */
export const WIRE_MATCHES: WireMatches = [true, true, true, true, true, true, true]
