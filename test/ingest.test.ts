import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SKEW_TOLERANCE_MS } from '../src/collector/ingest/clockOffset'
import type { Store } from '../src/collector/store/openStore'
import { startTestServer } from './startTestServer'

// Ingest over HTTP into a real DuckDB: clock skew, and resends that race each other.

let store: Store
let url: string
let stop: () => Promise<void>
beforeEach(async () => {
  ;({ store, url, stop } = await startTestServer('ingest'))
})
afterEach(async () => {
  await stop()
})

const action = (id: string, time: number, sessionId = 's1') => ({ id, type: 'action', time, sessionId, viewId: 'v1', url: 'https://shop.example/', name: 'buy', duration: 5, ok: true, source: 'api' })
const post = (body: object) => fetch(`${url}/rum`, { method: 'POST', body: JSON.stringify(body) })
const stored = (id: string) => store.query(`SELECT epoch_ms(time)::DOUBLE AS time, skew_ms::DOUBLE AS skew, body FROM events WHERE id = $1`, [id]).then((rows) => rows[0])

describe('clock skew', () => {
  it('moves the times of a batch whose clock is an hour behind by the skew its sentAt shows, and stores the skew', async () => {
    const sentAt = Date.now() - 3_600_000
    const before = Date.now()
    expect((await post({ sentAt, events: [action('late', sentAt - 5000)] })).status).toBe(200)
    const row = await stored('late')
    // The batch was received between `before` and now; the event happened 5 s before it was sent.
    expect(row.skew).toBeGreaterThanOrEqual(before - sentAt)
    expect(row.skew).toBeLessThanOrEqual(Date.now() - sentAt)
    expect(row.time).toBe(sentAt - 5000 + (row.skew as number))
    // What /api/events gives back is the event as it was sent.
    expect(JSON.parse(row.body as string).time).toBe(sentAt - 5000)
  })

  it('moves nothing within the tolerance (upload time, not clock), or without sentAt', async () => {
    const sentAt = Date.now() - SKEW_TOLERANCE_MS / 4
    await post({ sentAt, events: [action('near', sentAt - 100)] })
    await post({ events: [action('none', 1_700_000_000_000)] })
    expect((await stored('near')).time).toBe(sentAt - 100)
    expect(await stored('none')).toMatchObject({ time: 1_700_000_000_000, skew: 0 })
  })
})

describe('concurrent resends', () => {
  it('keep exactly one copy of each id, and the replies count each id as stored once', async () => {
    // 16 senders at once, each posting ids k..k+19 of 0..34: every id is sent by up to 16 batches.
    const replies = await Promise.all(
      Array.from({ length: 16 }, (_, k) =>
        post({ events: Array.from({ length: 20 }, (_, j) => action(`id-${k + j}`, 1_700_000_000_000 + k + j)) }).then((r) => r.json() as Promise<{ stored: number; duplicates: number }>),
      ),
    )
    const rows = await store.query('SELECT id, count(*)::INTEGER AS copies FROM events GROUP BY id')
    expect(rows).toHaveLength(35)
    expect(rows.every((row) => row.copies === 1)).toBe(true)
    expect(replies.reduce((sum, reply) => sum + reply.stored, 0)).toBe(35)
    expect(replies.reduce((sum, reply) => sum + reply.duplicates, 0)).toBe(16 * 20 - 35)
  })
})
