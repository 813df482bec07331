// @vitest-environment node
import 'fake-indexeddb/auto'
import { IDBFactory } from 'fake-indexeddb'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { createBuffer } from '../src/browser/pipeline/createBuffer'
import { DEFAULT_LIMITS } from '../src/browser/pipeline/createOutbox'
import { createSession, type Session, type SyncSession } from '../src/browser/session'

const MINUTE = 60_000

/** The origin's stored session, as IndexedDB keeps it for every tab: one update at a time. */
function sharedStore() {
  const shared: { value?: Session; syncs: number } = { syncs: 0 }
  const sync: SyncSession = async (update) => {
    shared.syncs++
    shared.value = { ...update(shared.value && { ...shared.value }) }
    return { ...shared.value }
  }
  return { shared, sync }
}

/** A tab's session with the event flow assemble gives it: wait while not ready, then the id. */
const tab = (sync: SyncSession, idle = 30 * MINUTE, max = 240 * MINUTE) => {
  const session = createSession(idle, max, sync)
  return async (time: number) => {
    await session._ready(time)
    return session._id(time)
  }
}

beforeEach(() => {
  vi.stubGlobal('indexedDB', new IDBFactory())
})

describe('createSession', () => {
  it('keeps one id while the visitor is active, and stores its activity at most every 5 s', async () => {
    const { shared, sync } = sharedStore()
    const event = tab(sync)
    let now = 1_000_000
    const id = await event(now)
    for (let i = 0; i < 100; i++) expect(await event((now += MINUTE / 20))).toBe(id)
    // 100 events over 5 minutes: about one store a 5 s.
    expect(shared.syncs).toBeLessThanOrEqual(61)
    expect(shared.value!.last).toBeGreaterThan(now - 5000)
  })

  it('starts a new session after 30 minutes without activity, and after 4 hours however active', async () => {
    const { sync } = sharedStore()
    const event = tab(sync)
    let now = 1_000_000
    const first = await event(now)
    const second = await event((now += 30 * MINUTE + 1))
    expect(second).not.toBe(first)
    for (let i = 0; i < 239; i++) expect(await event((now += MINUTE))).toBe(second)
    expect(await event((now += MINUTE + 1))).not.toBe(second)
  })

  it('ends 30 minutes after this tab\'s last event, though storage hears of activity only every 5 s', async () => {
    const { sync } = sharedStore()
    const event = tab(sync)
    let now = 1_000_000
    const id = await event(now)
    expect(await event((now += 4900))).toBe(id)
    expect(await event((now += 30 * MINUTE - 1))).toBe(id)
    expect(await event((now += 30 * MINUTE + 1))).not.toBe(id)
  })

  it('does not count looking at the id (getSessionId) as activity, and knows no id before the first sync', async () => {
    const { sync } = sharedStore()
    const session = createSession(30 * MINUTE, 240 * MINUTE, sync)
    let now = 1_000_000
    expect(session._peek(now)).toBeUndefined()
    await session._ready(now)
    const first = session._id(now)
    expect(session._peek((now += 20 * MINUTE))).toBe(first)
    expect(session._peek((now += 11 * MINUTE))).toBeUndefined()
  })

  it('shares the session between tabs of one origin: an active tab keeps it alive for an idle one', async () => {
    const { sync } = sharedStore()
    const tabA = tab(sync)
    const tabB = tab(sync)
    let now = 1_000_000
    const id = await tabA(now)
    expect(await tabB(now)).toBe(id)
    for (let i = 0; i < 40; i++) await tabB((now += MINUTE))
    expect(await tabA(now)).toBe(id)
  })

  it('moves busy tabs into one new session at the 4-hour limit, not one each', async () => {
    const { sync } = sharedStore()
    const tabA = tab(sync)
    const tabB = tab(sync)
    const ids = new Set<string>()
    let now = 1_000_000
    for (let i = 0; i < 4 * 360 + 60; i++) {
      ids.add(await tabA((now += 10_000)))
      ids.add(await tabB((now += 1)))
    }
    expect(ids.size).toBe(2)
  })

  it('tabs that start together agree on one session from their first event (IndexedDB, one transaction each)', async () => {
    const buffer = createBuffer(DEFAULT_LIMITS)
    const tabs = Array.from({ length: 4 }, () => createSession(30 * MINUTE, 240 * MINUTE, (update) => buffer._session(update)))
    const now = 1_000_000
    await Promise.all(tabs.map((session) => session._ready(now)))
    expect(new Set(tabs.map((session) => session._id(now))).size).toBe(1)
  })

  it('lives in this tab\'s memory when IndexedDB fails', async () => {
    const session = createSession(30 * MINUTE, 240 * MINUTE, () => Promise.reject(new DOMException('denied', 'SecurityError')))
    await session._ready(1_000_000)
    const id = session._id(1_000_000)
    expect(id).toMatch(/^[0-9a-z]{17,}$/)
    await session._ready(1_000_000 + MINUTE)
    expect(session._id(1_000_000 + MINUTE)).toBe(id)
  })

  it('gives an id without waiting when the page is leaving, in memory if none is known', () => {
    const session = createSession(30 * MINUTE, 240 * MINUTE, () => new Promise(() => {}))
    expect(session._id(1_000_000)).toMatch(/^[0-9a-z]{17,}$/)
  })
})

describe('createSession with the sessionTimeout and maxSessionDuration options', () => {
  it('ends a session after the given idle time and the given length', async () => {
    const { sync } = sharedStore()
    const event = tab(sync, 5 * MINUTE, 20 * MINUTE)
    let now = 1_000_000
    const first = await event(now)
    expect(await event((now += 5 * MINUTE))).toBe(first)
    const second = await event((now += 5 * MINUTE + 1))
    expect(second).not.toBe(first)
    for (let i = 0; i < 19; i++) expect(await event((now += MINUTE))).toBe(second)
    expect(await event((now += MINUTE + 1))).not.toBe(second)
  })
})
