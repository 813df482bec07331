import * as v from 'valibot'
import { MAX_BATCH_EVENTS, SCHEMA_VERSION, type RumEvent } from '../../wire'
import { BatchSchema, EVENT_SCHEMAS, UnknownEventSchema } from './wireSchema'

/** A batch the collector will not store, with the reason it tells the sender. */
export class BadBatch extends Error {}

/** A batch as validated: envelope fields filled in where the sender left them out. */
export interface ValidBatch {
  /** The envelope version (1 when left out). */
  schema: number
  sdk?: string
  /** When the batch left the page (epoch ms, the sender's clock); absent: no skew correction. */
  sentAt?: number
  events: RumEvent[]
}

/** Envelope versions this collector reads. */
export const KNOWN_SCHEMAS: readonly number[] = [SCHEMA_VERSION]
/** One event's JSON: the snippet drops larger ones (60 KiB) rather than send them. */
export const MAX_EVENT_BYTES = 64 * 1024
/** How deep the values of an event may nest: its own fields are flat or one object deep. */
const MAX_DEPTH = 8
const FIRST_ISSUE = { abortEarly: true } as const

/**
 * Checks a parsed body against the wire format (wireSchema.ts); throws BadBatch naming the first
 * bad field, as `events[2].rating is missing or invalid`. `bytes`, the body's length, spares
 * measuring each event when the whole body is under the per-event limit.
 */
export function validateBatch(body: unknown, bytes = Infinity): ValidBatch {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new BadBatch('body must be a JSON object')
  const envelope = v.safeParse(BatchSchema, body, FIRST_ISSUE)
  if (!envelope.success) {
    const field = String(envelope.issues[0].path?.[0].key ?? 'body')
    throw new BadBatch(field === 'events' ? 'events must be an array' : `${field} is invalid`)
  }
  const { schema, sdk, sentAt, events } = envelope.output
  if (!KNOWN_SCHEMAS.includes(schema)) throw new BadBatch(`schema ${schema} is not known: this collector reads ${KNOWN_SCHEMAS.join(', ')}`)
  // MAX_BATCH_EVENTS (src/wire.ts): a send of the snippet holds at most as many, a beacon at most 50.
  if (events.length > MAX_BATCH_EVENTS) throw new BadBatch(`over ${MAX_BATCH_EVENTS} events`)
  events.forEach((event, i) => {
    if (event === null || typeof event !== 'object' || Array.isArray(event)) throw new BadBatch(`events[${i}] must be an object`)
    // Fields the collector does not know are stored too (a newer snippet's): bounded all the same.
    if (!within(event, MAX_DEPTH)) throw new BadBatch(`events[${i}] nests deeper than ${MAX_DEPTH} levels`)
    if (bytes > MAX_EVENT_BYTES && JSON.stringify(event).length > MAX_EVENT_BYTES) throw new BadBatch(`events[${i}] is over ${MAX_EVENT_BYTES} characters`)
    const type = (event as { type?: unknown }).type
    const result = v.safeParse((typeof type === 'string' && Object.hasOwn(EVENT_SCHEMAS, type) && EVENT_SCHEMAS[type]) || UnknownEventSchema, event, FIRST_ISSUE)
    if (!result.success) throw new BadBatch(`events[${i}].${String(result.issues[0].path?.[0].key)} is missing or invalid`)
  })
  // The events as they came (valibot's output drops the fields it does not know).
  return { schema, sdk, sentAt, events: events as RumEvent[] }
}

/** Whether `value` nests at most `depth` levels of objects and arrays (checked without recursing deeper). */
function within(value: unknown, depth: number): boolean {
  if (value === null || typeof value !== 'object') return true
  if (depth === 0) return false
  for (const key in value) if (!within((value as Record<string, unknown>)[key], depth - 1)) return false
  return true
}
