import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createIngest, type Ingest } from '../src/collector/ingest/createIngest'
import { BadBatch, validateBatch } from '../src/collector/ingest/validateBatch'
import { openStore, type Store } from '../src/collector/store/openStore'

// 10,000 random and mutated bodies through the real ingest pipeline into a real DuckDB: each is
// stored or refused with a BadBatch (nothing else thrown), and every row stored afterwards is a
// valid event whose typed columns agree with its body.

const SEED = 15_2026
const BODIES = 10_000

/** mulberry32: a tiny seeded PRNG, so that a failure replays with the same seed. */
function prng(seed: number) {
  let state = seed
  return () => {
    state = (state + 0x6d2b79f5) | 0
    let t = Math.imul(state ^ (state >>> 15), 1 | state)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const random = prng(SEED)
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]
const NOW = 1_764_000_000_000
const WEIRD: unknown[] = [null, true, 0, -1, 1.5, 1e308, -0, '', 'x'.repeat(9000), '\uD83D', '\u0000', 'é😀', [], [1, [2]], {}, { a: { b: { c: {} } } }, 'LCP', 'good', NOW, 2 ** 63]

/** A valid event of a random type, with a small id space so that resends and duplicates happen. */
function validEvent(): Record<string, unknown> {
  const base = { id: `e${Math.floor(random() * 3000)}`, time: NOW - Math.floor(random() * 1e6), sessionId: `s${Math.floor(random() * 50)}`, viewId: 'v1', url: 'https://shop.example/p?q=1', release: pick(['1.0', '1.1', undefined]) }
  switch (pick(['vital', 'action', 'error', 'page_view', 'view_end', 'resource', 'dropped', 'long_task'])) {
    case 'vital': return { ...base, type: 'vital', name: pick(['LCP', 'CLS', 'INP']), value: random() * 5000, delta: 1, rating: pick(['good', 'poor']), metricId: `m${Math.floor(random() * 100)}` }
    case 'action': return { ...base, type: 'action', name: 'buy', duration: random() * 100, ok: random() < 0.5, source: 'click', frustration: random() < 0.3 ? ['rage'] : undefined, attributes: { sku: 'A', n: 2 } }
    case 'error': return { ...base, type: 'error', message: `boom ${Math.floor(random() * 10)}`, errorType: 'TypeError', stack: 'TypeError: boom\n    at f (https://shop.example/app.js:1:2)', source: 'error', count: 1, fingerprint: 'x' }
    case 'page_view': return { ...base, type: 'page_view', referrer: '', navigationType: 'navigate', ttfb: 12 }
    case 'view_end': return { ...base, type: 'view_end', duration: 1000, visible: 800 }
    case 'resource': return { ...base, type: 'resource', kind: 'fetch', method: 'GET', resource: 'https://api.example/', status: 200, duration: 30 }
    case 'dropped': return { ...base, type: 'dropped', counts: { queue_full: 3 } }
    default: return { ...base, type: 'long_task', duration: 80, extra: { nested: [1, 'two'] } }
  }
}

function validBody() {
  return { schema: pick([1, undefined]), sdk: pick(['0.1.0', undefined]), sentAt: pick([NOW, NOW - 3_600_000, undefined]), events: Array.from({ length: 1 + Math.floor(random() * 8) }, validEvent) }
}

/** A body: valid, a field set to a weird value, its JSON text cut or changed, or noise. */
function fuzzBody(): string {
  const body = validBody() as Record<string, unknown> & { events: Record<string, unknown>[] }
  switch (pick(['valid', 'field', 'field', 'envelope', 'text', 'noise'])) {
    case 'valid': return JSON.stringify(body)
    case 'field': {
      const event = pick(body.events)
      event[pick([...Object.keys(event), 'attributes', 'value', 'counts'])] = pick(WEIRD)
      return JSON.stringify(body)
    }
    case 'envelope': body[pick(['schema', 'sdk', 'sentAt', 'events'])] = pick(WEIRD); return JSON.stringify(body)
    case 'text': {
      const text = JSON.stringify(body).split('')
      for (let i = 0; i < 1 + random() * 5; i++) text.splice(Math.floor(random() * text.length), pick([0, 1, 2]), pick(['"', '{', ']', ',', '1', 'e', '\\', '-', ':']))
      return text.join('')
    }
    default: return Array.from({ length: Math.floor(random() * 200) }, () => String.fromCharCode(Math.floor(random() * 0x3000))).join('')
  }
}

let store: Store
let ingest: Ingest
beforeEach(async () => {
  store = await openStore(':memory:')
  ingest = createIngest({ sink: store, now: () => NOW })
})
afterEach(() => store.close())

describe('ingest fuzz', () => {
  it(`takes ${BODIES} random and mutated bodies (seed ${SEED}) without an unexpected error, and stores only valid rows`, async () => {
    const unexpected: string[] = []
    let accepted = 0
    const ids = new Set<string>()
    for (let i = 0; i < BODIES; i += 50) {
      const texts = Array.from({ length: 50 }, fuzzBody)
      await Promise.all(
        texts.map(async (text) => {
          try {
            await ingest(text)
            accepted++
            for (const event of JSON.parse(text).events) ids.add(event.id)
          } catch (e) {
            if (!(e instanceof BadBatch)) unexpected.push(`${(e as Error).message} for ${text.slice(0, 200)}`)
          }
        }),
      )
    }
    expect(unexpected).toEqual([])
    expect(accepted).toBeGreaterThan(BODIES / 10) // the fuzz reached the store
    const rows = await store.query(`SELECT id, type, epoch_ms(time)::DOUBLE AS time, session_id, body FROM events`)
    expect(new Set(rows.map((row) => row.id))).toEqual(ids)
    for (const row of rows) {
      const event = JSON.parse(row.body as string)
      expect(() => validateBatch({ events: [event] }), `${row.body}`).not.toThrow()
      expect([row.id, row.type, row.session_id]).toEqual([event.id, event.type, event.sessionId])
      expect(Number.isFinite(row.time)).toBe(true)
    }
  }, 240_000)
})
