import { SCHEMA_VERSION, type Batch } from '../wire'

/** A batch the collector will not store, with the reason it tells the sender. */
export class BadBatch extends Error {}

type Check = (value: unknown) => boolean
const str = (max: number): Check => (v) => typeof v === 'string' && v.length <= max
const id: Check = (v) => typeof v === 'string' && /^[\w-]{1,64}$/.test(v)
const num: Check = (v) => typeof v === 'number' && Number.isFinite(v)
const bool: Check = (v) => typeof v === 'boolean'
const trace: Check = (v) => typeof v === 'string' && /^[0-9a-f]{32}$/.test(v)
const optional = (check: Check): Check => (v) => v === undefined || check(v)
const oneOf = (...allowed: string[]): Check => (v) => allowed.includes(v as string)
const flat: Check = (v) =>
  v !== null && typeof v === 'object' && !Array.isArray(v) &&
  Object.values(v).every((x) => typeof x === 'string' || typeof x === 'boolean' || num(x))

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
  attributes: optional(flat),
  route: optional(str(256)),
}

// The fields each known type must carry; types the collector does not know yet are stored with
// their base fields checked, so a newer snippet can talk to an older collector.
const BY_TYPE: Record<string, Record<string, Check>> = {
  page_view: { referrer: str(8192), navigationType: str(32) },
  vital: {
    name: oneOf('LCP', 'INP', 'CLS', 'FCP', 'TTFB'),
    value: num,
    delta: num,
    rating: oneOf('good', 'needs-improvement', 'poor'),
    metricId: str(128),
    target: optional(str(256)),
    resource: optional(str(8192)),
    interaction: optional(str(32)),
    phases: optional((v) => flat(v) && Object.values(v as object).every(num)),
  },
  action: { name: str(1024), duration: num, ok: bool, source: str(32), error: optional(str(8192)), target: optional(str(256)),
    frustration: optional((v) => Array.isArray(v) && v.length <= 8 && v.every(str(32))) },
  view_end: { duration: num, visible: num },
  dropped: { counts: (v) => flat(v) && Object.values(v as object).every(num) },
  error: { message: str(8192), errorType: str(256), stack: optional(str(16384)), source: str(32), count: num, fingerprint: str(256), resource: optional(str(8192)), action: optional(str(1024)), traceId: optional(trace) },
  resource: { kind: str(16), method: str(16), resource: str(8192), status: num, duration: num, size: optional(num), traceId: optional(trace) },
}

/** Checks a parsed body against the wire format; throws BadBatch naming the first bad field. */
export function validateBatch(body: unknown): Batch {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BadBatch('body must be a JSON object')
  const batch = body as Record<string, unknown>
  if (batch.schema !== SCHEMA_VERSION) throw new BadBatch(`schema must be ${SCHEMA_VERSION}`)
  if (!str(64)(batch.sdk)) throw new BadBatch('sdk must be a string')
  if (!Array.isArray(batch.events)) throw new BadBatch('events must be an array')
  batch.events.forEach((event, i) => {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) throw new BadBatch(`events[${i}] must be an object`)
    const fields = { ...BASE, ...BY_TYPE[(event as { type: string }).type] }
    for (const [name, check] of Object.entries(fields))
      if (!check((event as Record<string, unknown>)[name])) throw new BadBatch(`events[${i}].${name} is missing or invalid`)
  })
  return batch as unknown as Batch
}
