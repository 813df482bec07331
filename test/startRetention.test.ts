import { afterEach, describe, expect, it } from 'vitest'
import { toRow } from '../src/collector/ingest/toRow'
import { openStore, type Store } from '../src/collector/store/openStore'
import { startRetention } from '../src/collector/store/startRetention'
import type { RumEvent } from '../src/wire'

const DAY = 86_400_000
const NOW = 1_764_000_000_000
const NO_USER_AGENT = { browser: null, browserVersion: null, os: null, device: null }
const event = (id: string, time: number) => ({ id, type: 'view_end', time, sessionId: 's', viewId: 'v', url: 'https://shop.example/', duration: 1, visible: 1 }) as RumEvent

let store: Store
afterEach(() => store.close())

describe('startRetention', () => {
  it('deletes events older than the retention at start, and keeps the rest', async () => {
    store = await openStore(':memory:')
    const rows = [event('old', NOW - 31 * DAY), event('edge', NOW - 30 * DAY), event('new', NOW - DAY)].map((e) => toRow(e, { receivedAt: NOW, skew: 0, offset: 0, userAgent: NO_USER_AGENT }))
    await store.insert(rows)
    const retention = startRetention(store, 30, () => NOW)
    await retention.stop()
    expect((await store.events({ limit: 10 })).map((e) => e.id)).toEqual(['edge', 'new'])
  })
})
