import { describe, expect, it } from 'vitest'
import { createSession } from '../src/browser/session'

/** A Storage over a Map: what two tabs of one origin share. */
function memoryStorage(): Storage {
  const map = new Map<string, string>()
  return {
    getItem: (key) => map.get(key) ?? null,
    setItem: (key, value) => void map.set(key, String(value)),
    removeItem: (key) => void map.delete(key),
    clear: () => map.clear(),
    key: (i) => [...map.keys()][i] ?? null,
    get length() {
      return map.size
    },
  }
}

const MINUTE = 60_000

describe('createSession', () => {
  it('keeps one id while the visitor is active', () => {
    let now = 1_000_000
    const session = createSession(30 * MINUTE, 240 * MINUTE, () => now, memoryStorage())
    const id = session()
    for (let i = 0; i < 100; i++) {
      now += MINUTE
      expect(session()).toBe(id)
    }
  })

  it('starts a new session after 30 minutes without activity', () => {
    let now = 1_000_000
    const session = createSession(30 * MINUTE, 240 * MINUTE, () => now, memoryStorage())
    const first = session()
    now += 30 * MINUTE + 1
    expect(session()).not.toBe(first)
  })

  it('does not count looking at the id (getSessionId) as activity', () => {
    let now = 1_000_000
    const storage = memoryStorage()
    const session = createSession(30 * MINUTE, 240 * MINUTE, () => now, storage)
    const first = session()
    now += 20 * MINUTE
    expect(session(now, false)).toBe(first)
    now += 11 * MINUTE
    expect(session(now, false)).not.toBe(first)
    // The new session is the one the next event gets.
    const second = JSON.parse(storage.getItem('rumlet.session')!).id
    now += MINUTE
    expect(session()).toBe(second)
  })

  it('starts a new session after 4 hours however active', () => {
    let now = 1_000_000
    const session = createSession(30 * MINUTE, 240 * MINUTE, () => now, memoryStorage())
    const first = session()
    for (let i = 0; i < 4 * 60; i++) {
      now += MINUTE
      if (i < 4 * 60 - 1) expect(session()).toBe(first)
    }
    now += MINUTE
    expect(session()).not.toBe(first)
  })

  it('ends 30 minutes after the last event, though storage hears of activity only every 5 s', () => {
    let now = 1_000_000
    const session = createSession(30 * MINUTE, 240 * MINUTE, () => now, memoryStorage())
    const id = session()
    now += 4900
    expect(session()).toBe(id)
    now += 30 * MINUTE - 1
    expect(session()).toBe(id)
    now += 30 * MINUTE + 1
    expect(session()).not.toBe(id)
  })

  it('moves busy tabs into one new session at the 4-hour limit, not one each', () => {
    let now = 1_000_000
    const storage = memoryStorage()
    const tabA = createSession(30 * MINUTE, 240 * MINUTE, () => now, storage)
    const tabB = createSession(30 * MINUTE, 240 * MINUTE, () => now, storage)
    const ids = new Set<string>()
    // Both tabs busy every second, across the limit.
    for (let i = 0; i < 4 * 3600 + 60; i++) {
      now += 1000
      ids.add(tabA())
      now += 1
      ids.add(tabB())
    }
    expect(ids.size).toBe(2)
    expect(tabA()).toBe(tabB())
  })

  it('shares the session between tabs of one origin', () => {
    let now = 1_000_000
    const storage = memoryStorage()
    const tabA = createSession(30 * MINUTE, 240 * MINUTE, () => now, storage)
    const tabB = createSession(30 * MINUTE, 240 * MINUTE, () => now, storage)
    expect(tabB()).toBe(tabA())
    // Tab B keeps the session alive while tab A sits idle for 40 minutes.
    for (let i = 0; i < 40; i++) {
      now += MINUTE
      tabB()
    }
    expect(tabA()).toBe(tabB())
  })

  it('falls back to a session in memory when storage throws', () => {
    const broken = { getItem: () => { throw new Error('SecurityError') }, setItem: () => { throw new Error('QuotaExceededError') } } as unknown as Storage
    let now = 1_000_000
    const session = createSession(30 * MINUTE, 240 * MINUTE, () => now, broken)
    const id = session()
    expect(id).toMatch(/^[0-9a-z]{17,}$/)
    now += MINUTE
    expect(session()).toBe(id)
  })
})

describe('createSession with the sessionTimeout and maxSessionDuration options', () => {
  it('ends a session after the given idle time and the given length', () => {
    let now = 1_000_000
    const session = createSession(5 * MINUTE, 20 * MINUTE, () => now, memoryStorage())
    const first = session()
    now += 5 * MINUTE
    expect(session()).toBe(first)
    now += 5 * MINUTE + 1
    const second = session()
    expect(second).not.toBe(first)
    for (let i = 0; i < 19; i++) {
      now += MINUTE
      expect(session()).toBe(second)
    }
    now += MINUTE + 1
    expect(session()).not.toBe(second)
  })
})
