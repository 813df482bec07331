import { existsSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { toRow } from '../src/collector/ingest/toRow'
import { openStore, type Store } from '../src/collector/store/openStore'
import type { ActionEvent, ErrorEvent, PageViewEvent, RumEvent, VitalEvent } from '../src/wire'

// These tests run against a real DuckDB, in memory or in a temp file.

const T0 = 1_700_000_000_000
const base = (id: string, time: number, sessionId = 's1') => ({ id, time, sessionId, viewId: `v-${sessionId}`, url: 'https://shop.example/' })

const pageView = (id: string, time = T0, sessionId?: string): PageViewEvent => ({
  ...base(id, time, sessionId), type: 'page_view', referrer: 'https://search.example/?q=a', navigationType: 'navigate', ttfb: 31.5, domContentLoaded: 210, load: 480,
})
const vital = (id: string, time = T0, sessionId?: string): VitalEvent => ({
  ...base(id, time, sessionId), type: 'vital', name: 'CLS', value: 0.1 + 0.2, delta: 0.05, rating: 'needs-improvement', metricId: 'v5-173-1', navigationType: 'reload', app: 'shop', release: '1.2.3', env: 'prod',
})
const action = (id: string, time = T0, sessionId?: string): ActionEvent => ({
  ...base(id, time, sessionId), type: 'action', name: 'add to cart', duration: 12.25, ok: false, source: 'click', attributes: { sku: 'A-1', qty: 2, gift: true, note: 'ünïcödé 😀 "quoted" \\ back' },
})
const error = (id: string, time = T0, sessionId?: string): ErrorEvent => ({
  ...base(id, time, sessionId), type: 'error', message: "Cannot read properties of undefined (reading 'x')", errorType: 'TypeError', stack: 'TypeError: x\n    at a (app.js:1:2)', source: 'onerror', count: 3, fingerprint: 'f00d',
})

const NO_USER_AGENT = { browser: null, browserVersion: null, os: null, device: null }
/** Stores events as ingest would, without skew or enrichment. */
const insertEvents = (store: Store, events: RumEvent[], sdk: string) =>
  store.insert(events.map((event) => toRow(event, { receivedAt: Date.now(), skew: 0, offset: 0, sdk, userAgent: NO_USER_AGENT })))
const ids = (events: RumEvent[]) => events.map((event) => event.id)
const ALL = { limit: 1000 }

const cleanups: (() => Promise<void> | void)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A store in memory, closed after the test. */
async function memoryStore(): Promise<Store> {
  const store = await openStore(':memory:')
  cleanups.push(() => store.close())
  return store
}

/** A temp folder, removed after the test. */
function tempFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'rumlet-store-'))
  cleanups.push(() => rmSync(folder, { recursive: true, force: true }))
  return folder
}

describe('openStore insert', () => {
  it('stores new events and answers how many were stored and how many were duplicates', async () => {
    const store = await memoryStore()
    expect(await insertEvents(store, [pageView('a'), vital('b'), action('c')], '0.1.0')).toEqual({ stored: 3, duplicates: 0 })
    expect(ids(await store.events(ALL)).sort()).toEqual(['a', 'b', 'c'])
  })

  it('stores nothing new when the same ids arrive again, and counts them as duplicates', async () => {
    const store = await memoryStore()
    await insertEvents(store, [pageView('a'), vital('b')], '0.1.0')
    expect(await insertEvents(store, [pageView('a'), vital('b')], '0.1.0')).toEqual({ stored: 0, duplicates: 2 })
    expect(await insertEvents(store, [vital('b'), error('c')], '0.1.0')).toEqual({ stored: 1, duplicates: 1 })
    expect(ids(await store.events(ALL)).sort()).toEqual(['a', 'b', 'c'])
  })

  it('keeps the first copy of an id already stored, even when a resend differs', async () => {
    const store = await memoryStore()
    await insertEvents(store, [error('a')], '0.1.0')
    await insertEvents(store, [{ ...error('a'), count: 99 }], '0.1.0')
    expect(await store.events(ALL)).toEqual([error('a')])
  })

  it('keeps one row for an id repeated inside one batch', async () => {
    const store = await memoryStore()
    expect(await insertEvents(store, [vital('a'), vital('a'), action('b'), vital('a')], '0.1.0')).toEqual({ stored: 2, duplicates: 2 })
    expect(ids(await store.events(ALL)).sort()).toEqual(['a', 'b'])
  })

  it('accepts an empty batch', async () => {
    const store = await memoryStore()
    expect(await insertEvents(store, [], '0.1.0')).toEqual({ stored: 0, duplicates: 0 })
    expect(await store.events(ALL)).toEqual([])
  })

  it('leaves exactly one row per id when concurrent inserts carry overlapping ids', async () => {
    const store = await memoryStore()
    // Batch k holds ids k..k+4: every id from 0 to 13 is sent by up to five batches at once.
    const batches = Array.from({ length: 10 }, (_, k) => Array.from({ length: 5 }, (_, j) => vital(`id-${k + j}`, T0 + k + j)))
    const replies = await Promise.all(batches.map((batch) => insertEvents(store, batch, '0.1.0')))
    const stored = await store.events(ALL)
    expect(ids(stored).sort()).toEqual(Array.from({ length: 14 }, (_, i) => `id-${i}`).sort())
    expect(replies.reduce((sum, reply) => sum + reply.stored, 0)).toBe(14)
    expect(replies.reduce((sum, reply) => sum + reply.duplicates, 0)).toBe(50 - 14)
  })

  it('stores nothing of a batch that fails, and keeps working afterwards', async () => {
    const store = await memoryStore()
    // A time that does not fit the BIGINT column makes the statement fail.
    await expect(insertEvents(store, [vital('a'), { ...vital('b'), time: 1e19 }], '0.1.0')).rejects.toThrow()
    expect(await store.events(ALL)).toEqual([])
    expect(await insertEvents(store, [vital('a')], '0.1.0')).toEqual({ stored: 1, duplicates: 0 })
  })

  it('stores nothing of a batch whose failure comes between two rows, and keeps working afterwards', async () => {
    const store = await memoryStore()
    // A second row that fails at its first value: the appender then holds one whole row, which
    // must not reach the table (closing an appender flushes what it holds).
    await expect(insertEvents(store, [vital('a'), { ...vital('b'), id: 5 as unknown as string }], '0.1.0')).rejects.toThrow()
    expect(await store.events(ALL)).toEqual([])
    expect(await store.query('SELECT count(*)::INTEGER AS n FROM vitals')).toEqual([{ n: 0 }])
    expect(await insertEvents(store, [vital('a')], '0.1.0')).toEqual({ stored: 1, duplicates: 0 })
    expect(await insertEvents(store, [vital('a')], '0.1.0')).toEqual({ stored: 0, duplicates: 1 })
  })
})

describe('openStore query', () => {
  /** A store holding two sessions' events, inserted out of time order. */
  async function filledStore() {
    const store = await memoryStore()
    await insertEvents(store, [error('e', T0 + 40, 's2'), pageView('a', T0, 's1'), action('d', T0 + 30, 's1')], '0.1.0')
    await insertEvents(store, [vital('c', T0 + 20, 's2'), vital('b', T0 + 10, 's1')], '0.1.1')
    return store
  }

  it('returns events oldest first, by time and then by id', async () => {
    const store = await filledStore()
    expect(ids(await store.events(ALL))).toEqual(['a', 'b', 'c', 'd', 'e'])
    await insertEvents(store, [vital('bb', T0 + 10), vital('b0', T0 + 10)], '0.1.0')
    expect(ids(await store.events(ALL))).toEqual(['a', 'b', 'b0', 'bb', 'c', 'd', 'e'])
  })

  it('filters on type', async () => {
    const store = await filledStore()
    expect(ids(await store.events({ type: 'vital', limit: 1000 }))).toEqual(['b', 'c'])
    expect(ids(await store.events({ type: 'page_view', limit: 1000 }))).toEqual(['a'])
    expect(await store.events({ type: 'long_task', limit: 1000 })).toEqual([])
  })

  it('filters on sessionId', async () => {
    const store = await filledStore()
    expect(ids(await store.events({ sessionId: 's2', limit: 1000 }))).toEqual(['c', 'e'])
    expect(ids(await store.events({ sessionId: 's1', limit: 1000 }))).toEqual(['a', 'b', 'd'])
  })

  it('filters on since, keeping events at or after that time', async () => {
    const store = await filledStore()
    expect(ids(await store.events({ since: T0 + 20, limit: 1000 }))).toEqual(['c', 'd', 'e'])
    expect(ids(await store.events({ since: T0 + 21, limit: 1000 }))).toEqual(['d', 'e'])
    expect(await store.events({ since: T0 + 41, limit: 1000 })).toEqual([])
  })

  it('returns at most limit events, the oldest ones', async () => {
    const store = await filledStore()
    expect(ids(await store.events({ limit: 2 }))).toEqual(['a', 'b'])
    expect(ids(await store.events({ limit: 1 }))).toEqual(['a'])
  })

  it('combines the filters', async () => {
    const store = await filledStore()
    expect(ids(await store.events({ type: 'vital', sessionId: 's1', limit: 1000 }))).toEqual(['b'])
    expect(ids(await store.events({ sessionId: 's1', since: T0 + 5, limit: 1 }))).toEqual(['b'])
    expect(ids(await store.events({ type: 'error', sessionId: 's1', limit: 1000 }))).toEqual([])
  })

  it('treats filter values as data, not SQL', async () => {
    const store = await filledStore()
    expect(await store.events({ type: "vital' OR '1'='1", limit: 1000 })).toEqual([])
    expect(ids(await store.events(ALL))).toHaveLength(5)
  })

  it('gives back every event with all its wire fields unchanged, attributes included', async () => {
    const store = await memoryStore()
    const events: RumEvent[] = [pageView('a', T0), vital('b', T0 + 1), action('c', T0 + 2), error('d', T0 + 3)]
    await insertEvents(store, structuredClone(events), '0.1.0')
    expect(await store.events(ALL)).toEqual(events)
  })

  it('stores a string cut inside an emoji (a lone surrogate, in a value or a key) with U+FFFD in its place', async () => {
    // DuckDB's JSON reader refuses lone surrogates; without the replacement the whole batch
    // failed with a 500, and the sender retried it forever.
    const store = await memoryStore()
    const cut = '\u{1F375}'.slice(0, 1)
    const event = { ...action('c'), name: `tea${cut}`, attributes: { [`k${cut}`]: `v${cut}` } }
    expect(await insertEvents(store, [event], '0.1.0')).toEqual({ stored: 1, duplicates: 0 })
    expect(await store.events(ALL)).toMatchObject([{ name: 'tea\uFFFD', attributes: { 'k\uFFFD': 'v\uFFFD' } }])
  })

  it('gives back fields of event types it does not know', async () => {
    const store = await memoryStore()
    const event = { ...base('x', T0), type: 'long_task', duration: 81, extra: { nested: [1, 'two', null] } }
    await insertEvents(store, [event as unknown as RumEvent], '0.2.0')
    expect(await store.events(ALL)).toEqual([event])
  })
})

describe('openStore on a file', () => {
  it('keeps the events after close and reopen', async () => {
    const path = join(tempFolder(), 'rum.duckdb')
    const events: RumEvent[] = [pageView('a', T0), action('b', T0 + 1)]
    const first = await openStore(path)
    await insertEvents(first, structuredClone(events), '0.1.0')
    await first.close()

    const second = await openStore(path)
    cleanups.push(() => second.close())
    expect(await second.events(ALL)).toEqual(events)
    expect(await insertEvents(second, [pageView('a', T0)], '0.1.0')).toEqual({ stored: 0, duplicates: 1 })
  })

  it('creates the folders of a database path that does not exist yet', async () => {
    const path = join(tempFolder(), 'new', 'deeper', 'rum.duckdb')
    const store = await openStore(path)
    cleanups.push(() => store.close())
    expect(existsSync(path)).toBe(true)
  })

  it('waits for a pending insert before closing', async () => {
    const path = join(tempFolder(), 'rum.duckdb')
    const store = await openStore(path)
    const inserted = insertEvents(store, [vital('a')], '0.1.0')
    await store.close()
    expect(await inserted).toEqual({ stored: 1, duplicates: 0 })

    const reopened = await openStore(path)
    cleanups.push(() => reopened.close())
    expect(ids(await reopened.events(ALL))).toEqual(['a'])
  })
})

describe('openStore ids', () => {
  it('counts a resend as duplicates after a reopen: the stored ids are read back at open', async () => {
    const path = join(tempFolder(), 'rum.duckdb')
    const first = await openStore(path)
    await insertEvents(first, [pageView('a'), action('b')], '0.1.0')
    await first.close()
    const second = await openStore(path)
    cleanups.push(() => second.close())
    expect(await insertEvents(second, [action('b'), pageView('a'), error('c')], '0.1.0')).toEqual({ stored: 1, duplicates: 2 })
    expect(ids(await second.events(ALL)).sort()).toEqual(['a', 'b', 'c'])
  })

  it('stores an id again once retention deleted it, and still refuses the ids it kept', async () => {
    const store = await memoryStore()
    await insertEvents(store, [pageView('old', T0 - 1000), action('kept', T0)], '0.1.0')
    expect(await store.deleteBefore(T0)).toBe(1)
    expect(await insertEvents(store, [pageView('old', T0 - 1000), action('kept', T0)], '0.1.0')).toEqual({ stored: 1, duplicates: 1 })
    expect(ids(await store.events(ALL)).sort()).toEqual(['kept', 'old'])
  })

  it('rebuilds a table that had id as its primary key without it, keeping every row and the duplicates check', async () => {
    const path = join(tempFolder(), 'rum.duckdb')
    const first = await openStore(path)
    await insertEvents(first, [pageView('a'), vital('b')], '0.1.0')
    await first.close()
    const { DuckDBInstance } = await import('@duckdb/node-api')
    const raw = await DuckDBInstance.create(path)
    const connection = await raw.connect()
    await connection.run('CREATE TABLE keyed AS SELECT * FROM events')
    await connection.run('DROP TABLE events')
    await connection.run(`CREATE TABLE events (${(await connection.runAndReadAll(`SELECT string_agg(column_name || ' ' || data_type || CASE WHEN column_name = 'id' THEN ' PRIMARY KEY' ELSE '' END, ', ' ORDER BY ordinal_position) FROM information_schema.columns WHERE table_name = 'keyed'`)).getRows()[0][0]})`)
    await connection.run('INSERT INTO events SELECT * FROM keyed')
    await connection.run('DROP TABLE keyed')
    connection.closeSync()
    raw.closeSync()

    const second = await openStore(path)
    cleanups.push(() => second.close())
    expect(await second.query(`SELECT count(*)::INTEGER AS keys FROM duckdb_constraints() WHERE table_name = 'events' AND constraint_type = 'PRIMARY KEY'`)).toEqual([{ keys: 0 }])
    expect(await insertEvents(second, [pageView('a'), action('c')], '0.1.0')).toEqual({ stored: 1, duplicates: 1 })
    expect(ids(await second.events(ALL)).sort()).toEqual(['a', 'b', 'c'])
  })
})

describe('openStore vitals', () => {
  /** The final report of each metric, as stored in the vitals table. */
  const finals = (store: Store) => store.query(`SELECT name, value, rating FROM vitals ORDER BY name, value`)
  const cls = (id: string, metricId: string, value: number, time: number) => ({ ...vital(id, time), metricId, value })

  it('keeps the latest report of a metric, also when it comes in a later batch, and not an older one that comes after', async () => {
    const store = await memoryStore()
    await insertEvents(store, [cls('a', 'm1', 0.05, T0), cls('b', 'm2', 0.2, T0)], '0.1.0')
    await insertEvents(store, [cls('c', 'm1', 0.3, T0 + 1000)], '0.1.0')
    await insertEvents(store, [cls('d', 'm1', 0.01, T0 + 500)], '0.1.0')
    expect(await finals(store)).toEqual([{ name: 'CLS', value: 0.2, rating: 'needs-improvement' }, { name: 'CLS', value: 0.3, rating: 'needs-improvement' }])
  })

  it('keeps the latest of the reports of one metric in one batch, whichever comes first in it', async () => {
    const store = await memoryStore()
    await insertEvents(store, [cls('a', 'm1', 0.3, T0 + 1000), cls('b', 'm1', 0.05, T0), cls('c', 'm2', 0.2, T0), cls('d', 'm1', 0.1, T0 + 10)], '0.1.0')
    expect(await finals(store)).toEqual([{ name: 'CLS', value: 0.2, rating: 'needs-improvement' }, { name: 'CLS', value: 0.3, rating: 'needs-improvement' }])
  })

  it('folds a group with over 1,000 reports of stored or repeated metrics in one statement, to the same result', async () => {
    const store = await memoryStore()
    await insertEvents(store, [cls('a', 'm0', 0.5, T0 + 5000)], '0.1.0')
    // 1,001 reports of m1 (the latest in the middle) and one older report of the stored m0.
    const reports = Array.from({ length: 1001 }, (_, i) => cls(`r${i}`, 'm1', i === 500 ? 0.9 : i / 10_000, T0 + (i === 500 ? 2000 : i)))
    expect(await insertEvents(store, [...reports, cls('b', 'm0', 0.01, T0)], '0.1.0')).toEqual({ stored: 1002, duplicates: 0 })
    expect(await finals(store)).toEqual([0.5, 0.9].map((value) => ({ name: 'CLS', value, rating: 'needs-improvement' })))
  })

  it('updates a metric stored before a reopen, with one row per metric', async () => {
    const path = join(tempFolder(), 'rum.duckdb')
    const first = await openStore(path)
    await insertEvents(first, [cls('a', 'm1', 0.05, T0), cls('b', 'm2', 0.2, T0)], '0.1.0')
    await first.close()
    const second = await openStore(path)
    cleanups.push(() => second.close())
    await insertEvents(second, [cls('c', 'm1', 0.3, T0 + 1000), cls('d', 'm2', 0.01, T0 - 1000), cls('e', 'm3', 0.7, T0)], '0.1.0')
    expect(await finals(second)).toEqual([0.2, 0.3, 0.7].map((value) => ({ name: 'CLS', value, rating: 'needs-improvement' })))
  })

  it('adds back a metric whose row went, and merges into a row it did not write (as a hash collision would need)', async () => {
    const store = await memoryStore()
    await insertEvents(store, [cls('a', 'm1', 0.05, T0)], '0.1.0')
    await store.run('DELETE FROM vitals')
    // m1 was stored, so it is looked up, not found, and inserted.
    await insertEvents(store, [cls('b', 'm1', 0.3, T0 + 1000)], '0.1.0')
    expect(await finals(store)).toEqual([{ name: 'CLS', value: 0.3, rating: 'needs-improvement' }])
    // A row for m9 that no stored report explains: m9's first report collides with it, the
    // transaction is done again with the single ON CONFLICT statement, and nothing is lost.
    await store.run(`INSERT INTO vitals (metric, name, time, value) VALUES (hash('m9'), 'CLS', make_timestamp(${T0 * 1000}), 0.9)`)
    expect(await insertEvents(store, [cls('c', 'm9', 0.4, T0 + 1000), cls('d', 'm8', 0.6, T0), action('e')], '0.1.0')).toEqual({ stored: 3, duplicates: 0 })
    expect(await finals(store)).toEqual([0.3, 0.4, 0.6].map((value) => ({ name: 'CLS', value, rating: 'needs-improvement' })))
    expect(ids(await store.events(ALL)).sort()).toEqual(['a', 'b', 'c', 'd', 'e'])
  })

  it('numbers stored rows in the order they were stored, without numbering duplicates', async () => {
    const store = await memoryStore()
    await insertEvents(store, [pageView('a'), vital('b')], '0.1.0')
    await insertEvents(store, [vital('b'), action('c')], '0.1.0')
    const rows = await store.query(`SELECT id, seq FROM events ORDER BY seq`)
    expect(rows.map((row) => row.id)).toEqual(['a', 'b', 'c'])
    expect(rows.map((row) => Number(row.seq))).toEqual([1, 2, 3])
  })

  it('upgrades a file from before the vitals table and the insertion numbers: the vitals already stored fill it', async () => {
    const path = join(tempFolder(), 'rum.duckdb')
    const first = await openStore(path)
    await insertEvents(first, [cls('a', 'm1', 0.05, T0), cls('b', 'm1', 0.4, T0 + 1), pageView('c')], '0.1.0')
    await first.close()
    const { DuckDBInstance } = await import('@duckdb/node-api')
    const raw = await DuckDBInstance.create(path)
    const connection = await raw.connect()
    await connection.run('DROP TABLE vitals')
    await connection.run('ALTER TABLE events DROP COLUMN seq')
    connection.closeSync()
    raw.closeSync()

    const second = await openStore(path)
    cleanups.push(() => second.close())
    expect(await finals(second)).toEqual([{ name: 'CLS', value: 0.4, rating: 'needs-improvement' }])
    expect(await insertEvents(second, [action('d')], '0.1.0')).toEqual({ stored: 1, duplicates: 0 })
    expect(await second.query(`SELECT id, seq::INTEGER AS seq FROM events WHERE seq IS NOT NULL`)).toEqual([{ id: 'd', seq: 1 }])
  })
})
