import { SCHEMA_VERSION, type Batch } from '../wire'

/** A batch the collector will not store, with the reason it tells the sender. */
export class BadBatch extends Error {}

/** Events in one batch: the snippet posts at most 50, and a beacon holds at most 16 KiB of them. */
export const MAX_EVENTS = 1000
/** One event's JSON: the snippet drops larger ones (60 KiB) rather than send them. */
export const MAX_EVENT_BYTES = 64 * 1024
/** How deep the values of an event may nest: its own fields are flat or one object deep. */
const MAX_DEPTH = 8

type Check = (value: unknown) => boolean
const str = (max: number): Check => (v) => typeof v === 'string' && v.length <= max
const id: Check = (v) => typeof v === 'string' && /^[\w-]{1,64}$/.test(v)
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v)
// Durations, sizes and counts: never negative.
const ms: Check = (v) => num(v) && (v as number) >= 0
const count: Check = (v) => Number.isInteger(v) && (v as number) >= 1
const bool: Check = (v) => typeof v === 'boolean'
const trace: Check = (v) => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v)
const optional = (check: Check): Check => (v) => v === undefined || check(v)
const oneOf = (...allowed: string[]): Check => (v) => allowed.includes(v as string)
const flat: Check = (v) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) &&
  Object.values(v).every((x) => typeof x === 'string' || typeof x === 'boolean' || num(x))
// What the snippet's cleanAttributes lets through: 50 keys of up to 64 characters, text up to 1,024.
const attributes: Check = (v) =>
  flat(v) && Object.keys(v as object).length <= 50 &&
  Object.entries(v as object).every(([key, x]) => key.length <= 64 && (typeof x !== 'string' || x.length <= 1024))
const object = (fields: Record<string, Check>): Check => (v) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.entries(fields).every(([name, check]) => check((v as Record<string, unknown>)[name]))

const BASE: Record<string, Check> = {
  id,
  type: (v) => typeof v === 'string' && /^[a-z][a-z_]{0,31}$/.test(v),
  // Epoch ms up to the year 9999: what a BIGINT column and a Date can both hold.
  time: (v) => num(v) && (v as number) > 0 && (v as number) < 253402300800000,
  sessionId: id,
  viewId: id,
  url: str(8192),
  app: optional(str(128)),
  release: optional(str(128)),
  env: optional(str(128)),
  userId: optional(str(256)),
  attributes: optional(attributes),
  route: optional(str(256)),
}

// The fields each known type must carry; types the collector does not know yet are stored with
// their base fields checked, so a newer snippet can talk to an older collector.
const BY_TYPE: Record<string, Record<string, Check>> = {
  page_view: { referrer: str(8192), navigationType: str(32), ttfb: optional(ms), fcp: optional(ms), domContentLoaded: optional(ms), load: optional(ms) },
  vital: {
    name: oneOf('LCP', 'INP', 'CLS', 'FCP', 'TTFB'),
    value: num,
    delta: num,
    rating: oneOf('good', 'needs-improvement', 'poor'),
    metricId: str(128),
    navigationType: optional(str(32)),
    target: optional(str(256)),
    resource: optional(str(8192)),
    interaction: optional(str(32)),
    phases: optional((v) => flat(v) && Object.keys(v as object).length <= 32 && Object.values(v as object).every(num)),
    script: optional(object({ url: str(8192), invoker: str(256), phase: str(32), duration: ms })),
  },
  action: { name: str(1024), duration: ms, ok: bool, source: str(32), error: optional(str(8192)), target: optional(str(256)),
    frustration: optional((v) => Array.isArray(v) && v.length <= 8 && v.every(str(32))) },
  view_end: { duration: ms, visible: ms },
  dropped: { counts: (v) => flat(v) && Object.keys(v as object).length <= 32 && Object.values(v as object).every(count) },
  error: { message: str(8192), errorType: str(256), stack: optional(str(16384)), source: str(32), count, fingerprint: str(256), resource: optional(str(8192)), action: optional(str(1024)), traceId: optional(trace), crossOrigin: optional(bool) },
  resource: { kind: str(16), method: str(16), resource: str(8192), status: (v) => Number.isInteger(v) && (v as number) >= 0 && (v as number) < 1000, duration: ms, size: optional(ms), traceId: optional(trace) },
}

/** Checks a parsed body against the wire format; throws BadBatch naming the first bad field. */
export function validateBatch(body: unknown): Batch {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BadBatch('body must be a JSON object')
  const batch = body as Record<string, unknown>
  if (batch.schema !== SCHEMA_VERSION) throw new BadBatch(`schema must be ${SCHEMA_VERSION}`)
  if (!str(64)(batch.sdk)) throw new BadBatch('sdk must be a string')
  if (!Array.isArray(batch.events)) throw new BadBatch('events must be an array')
  if (batch.events.length > MAX_EVENTS) throw new BadBatch(`over ${MAX_EVENTS} events`)
  batch.events.forEach((event, i) => {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) throw new BadBatch(`events[${i}] must be an object`)
    // Fields the collector does not know are stored too (a newer snippet's): bounded all the same.
    if (!within(event, MAX_DEPTH)) throw new BadBatch(`events[${i}] nests deeper than ${MAX_DEPTH} levels`)
    if (JSON.stringify(event).length > MAX_EVENT_BYTES) throw new BadBatch(`events[${i}] is over ${MAX_EVENT_BYTES} characters`)
    const fields = { ...BASE, ...BY_TYPE[(event as { type: string }).type] }
    for (const [name, check] of Object.entries(fields))
      if (!check((event as Record<string, unknown>)[name])) throw new BadBatch(`events[${i}].${name} is missing or invalid`)
  })
  return batch as unknown as Batch
}

/** Whether `value` nests at most `depth` levels of objects and arrays (checked without recursing deeper). */
function within(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true
  if (depth === 0) return false
  for (const key in value) if (!within((value as Record<string, unknown>)[key], depth - 1)) return false
  return true
}
