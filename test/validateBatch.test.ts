import { describe, expect, it } from 'vitest'
import { BadBatch, validateBatch } from '../src/collector/ingest/validateBatch'

// One valid event of each type, with every optional field filled in.
const base = { time: 1_700_000_000_000, sessionId: 's-1', viewId: 'v_1', url: 'https://shop.example/cart', app: 'shop', release: '1.2.3', env: 'prod' }
const VALID: Record<string, Record<string, unknown>> = {
  page_view: { ...base, id: 'e1', type: 'page_view', referrer: '', navigationType: 'navigate', ttfb: 12, domContentLoaded: 80, load: 120 },
  vital: { ...base, id: 'e2', type: 'vital', name: 'LCP', value: 1234.5, delta: 1234.5, rating: 'good', metricId: 'v5-1', navigationType: 'navigate' },
  action: { ...base, id: 'e3', type: 'action', name: 'checkout', duration: 42, ok: true, source: 'api', attributes: { items: 3, coupon: 'X', paid: false } },
  error: { ...base, id: 'e4', type: 'error', message: 'boom', errorType: 'TypeError', stack: 'at x', source: 'onerror', count: 1, fingerprint: 'abc' },
}

const batchOf = (...events: unknown[]) => ({ schema: 1, sdk: '0.1.0', sentAt: 1_700_000_000_500, events })

/** Changes one field of a valid event of `type` (undefined removes it). */
function withField(type: string, field: string, value: unknown) {
  const event = { ...VALID[type] }
  if (value === undefined) delete event[field]
  else event[field] = value
  return event
}

/** The BadBatch message `validateBatch(body)` throws; fails the test when it does not throw one. */
function reasonOf(body: unknown): string {
  try {
    validateBatch(body)
  } catch (e) {
    expect(e).toBeInstanceOf(BadBatch)
    return (e as Error).message
  }
  throw new Error(`expected BadBatch for ${JSON.stringify(body)}`)
}

describe('validateBatch accepts', () => {
  it.each(Object.keys(VALID))('a valid %s event and returns the batch unchanged', (type) => {
    const batch = batchOf(VALID[type])
    const copy = structuredClone(batch)
    expect(validateBatch(batch)).toEqual(copy)
  })

  it('a batch holding all four event types', () => {
    expect(validateBatch(batchOf(...Object.values(VALID))).events).toHaveLength(4)
  })

  it('an empty events array', () => {
    expect(validateBatch(batchOf()).events).toEqual([])
  })

  it('events of only the required fields (optional ones left out)', () => {
    const required = (type: string, ...optional: string[]) => {
      const event = { ...VALID[type] }
      for (const name of ['app', 'release', 'env', ...optional]) delete event[name]
      return event
    }
    expect(() =>
      validateBatch(batchOf(required('page_view', 'ttfb', 'domContentLoaded', 'load'), required('vital', 'navigationType'), required('action', 'attributes'), required('error', 'stack'))),
    ).not.toThrow()
  })

  it('an envelope without schema (1 is meant), sdk or sentAt', () => {
    expect(validateBatch({ events: [VALID.vital] })).toEqual({ schema: 1, sdk: undefined, sentAt: undefined, events: [VALID.vital] })
  })

  it('an event of a type it does not know, checking only the base fields', () => {
    const event = { ...base, id: 'e9', type: 'long_task', anything: { nested: [1, 2] } }
    expect(validateBatch(batchOf(event)).events[0]).toEqual(event)
  })
})

describe('validateBatch refuses', () => {
  it('a body that is not an object', () => {
    for (const body of [null, undefined, 'text', 42, true, [batchOf()]]) expect(reasonOf(body)).toMatch(/object/)
  })

  it('an unknown schema version, naming the versions it knows', () => {
    expect(reasonOf({ ...batchOf(), schema: 2 })).toBe('schema 2 is not known: this collector reads 1')
    expect(reasonOf({ ...batchOf(), schema: '1' })).toContain('schema')
  })

  it('an sdk that is not a string, and a sentAt that is not an epoch ms', () => {
    expect(reasonOf({ ...batchOf(), sdk: 1 })).toContain('sdk')
    for (const sentAt of ['1700000000000', -1, 1e19, null]) expect(reasonOf({ ...batchOf(), sentAt })).toContain('sentAt')
  })

  it('events that are not an array', () => {
    for (const events of [undefined, null, {}, 'e1', { 0: VALID.vital, length: 1 }]) expect(reasonOf({ ...batchOf(), events })).toContain('events')
  })

  it('an event that is not an object, naming its index', () => {
    expect(reasonOf(batchOf(VALID.vital, null))).toContain('events[1]')
    expect(reasonOf(batchOf('e1'))).toContain('events[0]')
    expect(reasonOf(batchOf([VALID.vital]))).toContain('events[0]')
  })

  // Base fields, checked on every type.
  it.each([
    ['id', undefined], ['id', ''], ['id', 'has space'], ['id', 'x'.repeat(65)], ['id', 7],
    ['type', undefined], ['type', 'PageView'], ['type', 7], ['type', ''],
    ['time', undefined], ['time', 0], ['time', -5], ['time', '1700000000000'], ['time', 1e19],
    ['sessionId', undefined], ['sessionId', 's/1'], ['viewId', undefined], ['viewId', null],
    ['url', undefined], ['url', 'x'.repeat(8193)], ['url', 1],
    ['app', 1], ['release', 'x'.repeat(129)], ['env', false],
  ])('a base field %s = %j, naming it as events[i].field', (field, value) => {
    const event = withField('vital', field, value)
    expect(reasonOf(batchOf(VALID.page_view, VALID.action, event))).toContain(`events[2].${field}`)
  })

  it('a bad base field on an event of an unknown type', () => {
    const event = { ...base, id: 'e9', type: 'long_task', sessionId: undefined }
    expect(reasonOf(batchOf(event))).toContain('events[0].sessionId')
  })

  const BAD_FIELDS: [string, string, unknown][] = [
    ['page_view', 'referrer', undefined], ['page_view', 'referrer', null], ['page_view', 'navigationType', undefined], ['page_view', 'navigationType', 'x'.repeat(33)],
    ['vital', 'name', undefined], ['vital', 'name', 'FID'], ['vital', 'value', undefined], ['vital', 'value', '12'],
    ['vital', 'delta', undefined], ['vital', 'delta', null], ['vital', 'rating', undefined], ['vital', 'rating', 'bad'],
    ['vital', 'metricId', undefined], ['vital', 'metricId', 3],
    ['action', 'name', undefined], ['action', 'name', 5], ['action', 'duration', undefined], ['action', 'duration', '42'],
    ['action', 'ok', undefined], ['action', 'ok', 'true'], ['action', 'source', undefined], ['action', 'source', 'x'.repeat(33)],
    ['action', 'attributes', null], ['action', 'attributes', 'a=1'], ['action', 'attributes', ['a']],
    ['error', 'message', undefined], ['error', 'message', {}], ['error', 'errorType', undefined], ['error', 'stack', 42],
    ['error', 'source', undefined], ['error', 'count', undefined], ['error', 'count', '1'], ['error', 'fingerprint', undefined], ['error', 'fingerprint', 9],
    // Optional fields the wire format defines are checked when present; durations, sizes and counts are never negative.
    ['page_view', 'ttfb', 'abc'], ['page_view', 'load', -1], ['page_view', 'fcp', null], ['vital', 'navigationType', 7],
    ['vital', 'script', { url: 'https://cdn.example/a.js', invoker: 'BUTTON.onclick', phase: 'processing', duration: '12' }], ['vital', 'script', 'a.js'],
    ['action', 'duration', -1], ['error', 'count', 0], ['error', 'count', 1.5], ['error', 'crossOrigin', 'yes'],
  ]
  it.each(BAD_FIELDS)('a %s event with %s = %j, naming events[i].field', (type, field, value) => {
    const event = withField(type, field, value)
    expect(reasonOf(batchOf(VALID.vital, event))).toContain(`events[1].${field}`)
  })

  it('nested attribute values: objects, arrays and null', () => {
    for (const value of [{ deep: 1 }, [1, 2], null]) {
      const event = withField('action', 'attributes', { ok: 'fine', bad: value })
      expect(reasonOf(batchOf(event))).toContain('events[0].attributes')
    }
  })

  it('attributes past what the snippet sends: over 50 keys, a key over 64 characters, text over 1,024', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, i]))
    for (const bad of [many, { ['k'.repeat(65)]: 1 }, { note: 'x'.repeat(1025) }])
      expect(reasonOf(batchOf(withField('action', 'attributes', bad)))).toBe('events[0].attributes is missing or invalid')
    expect(validateBatch(batchOf(withField('action', 'attributes', { ...Object.fromEntries(Array.from({ length: 49 }, (_, i) => [`k${i}`, i])), ['k'.repeat(64)]: 'x'.repeat(1024) })))).toBeTruthy()
  })

  it('fields it does not know, when they nest deeper than 8 levels or make the event over 64 KiB', () => {
    const nested = (depth: number): unknown => (depth ? [nested(depth - 1)] : 0)
    expect(validateBatch(batchOf({ ...VALID.vital, extra: nested(7) }))).toBeTruthy()
    expect(reasonOf(batchOf(VALID.action, { ...VALID.vital, extra: nested(8) }))).toBe('events[1] nests deeper than 8 levels')
    expect(reasonOf(batchOf({ ...VALID.vital, extra: 'x'.repeat(64 * 1024) }))).toBe('events[0] is over 65536 characters')
  })

  it('a batch of over 1,000 events', () => {
    expect(validateBatch(batchOf(...Array.from({ length: 1000 }, () => VALID.vital))).events).toHaveLength(1000)
    expect(reasonOf(batchOf(...Array.from({ length: 1001 }, () => VALID.vital)))).toBe('over 1000 events')
  })

  it('names the first bad field when several are bad', () => {
    const event = { ...VALID.error, sessionId: undefined, count: 'many' }
    expect(reasonOf(batchOf(VALID.vital, event))).toBe('events[1].sessionId is missing or invalid')
    expect(reasonOf(batchOf({ ...VALID.error, count: 'many' }, { ...VALID.vital, id: '' }))).toBe('events[0].count is missing or invalid')
  })
})
