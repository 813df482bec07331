// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { retryDelay } from '../src/browser/pipeline/retryDelay'

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0)
/** The largest value Math.random() can return. */
const ALMOST_ONE = 1 - Number.EPSILON

describe('retryDelay', () => {
  it('waits 1–2 s before the first retry (2 s base, jitter in the upper half)', () => {
    expect(retryDelay(1, null, NOW, 0)).toBe(1000)
    expect(retryDelay(1, null, NOW, 0.5)).toBe(1500)
    const top = retryDelay(1, null, NOW, ALMOST_ONE)
    expect(top).toBeLessThan(2000)
    expect(top).toBeCloseTo(2000, 6)
  })

  it('doubles the base with every attempt', () => {
    const waits = [1, 2, 3, 4, 5, 6].map((attempt) => retryDelay(attempt, null, NOW, 0))
    expect(waits).toEqual([1000, 2000, 4000, 8000, 16_000, 30_000])
    for (const random of [0.25, 0.5, 0.9]) {
      for (let attempt = 1; attempt < 5; attempt++)
        expect(retryDelay(attempt + 1, null, NOW, random)).toBeCloseTo(2 * retryDelay(attempt, null, NOW, random), 9)
    }
  })

  it('caps the base at 60 s however many attempts failed', () => {
    // 2^6 s = 64 s would be the 6th base without the cap.
    for (const attempt of [6, 7, 8, 20, 100, 5000]) {
      expect(retryDelay(attempt, null, NOW, 0)).toBe(30_000)
      expect(retryDelay(attempt, null, NOW, 0.5)).toBe(45_000)
      expect(retryDelay(attempt, null, NOW, ALMOST_ONE)).toBeLessThanOrEqual(60_000)
      expect(retryDelay(attempt, null, NOW, ALMOST_ONE)).toBeGreaterThan(59_999)
    }
  })

  it('keeps the jitter within the upper half of the base for any random value', () => {
    for (let attempt = 1; attempt <= 10; attempt++) {
      const base = Math.min(60_000, 2000 * 2 ** (attempt - 1))
      for (let i = 0; i <= 100; i++) {
        const random = Math.min(i / 100, ALMOST_ONE)
        const wait = retryDelay(attempt, null, NOW, random)
        expect(wait).toBeGreaterThanOrEqual(base / 2)
        expect(wait).toBeLessThanOrEqual(base)
      }
    }
  })

  it('waits at least a Retry-After given in seconds', () => {
    expect(retryDelay(1, '2', NOW, 0)).toBe(2000)
    expect(retryDelay(1, '2', NOW, ALMOST_ONE)).toBe(2000)
    expect(retryDelay(3, '120', NOW, 0.5)).toBe(120_000)
    expect(retryDelay(1, '1.5', NOW, 0)).toBe(1500)
  })

  it('waits at least a Retry-After given as an HTTP date', () => {
    const in5s = new Date(NOW + 5000).toUTCString()
    expect(in5s).toMatch(/GMT$/)
    expect(retryDelay(1, in5s, NOW, 0)).toBe(5000)
    expect(retryDelay(2, new Date(NOW + 90_000).toUTCString(), NOW, 0.3)).toBe(90_000)
  })

  it('never shortens the backoff because of a shorter Retry-After', () => {
    // Attempt 4: base 16 s, so at least 8 s whatever the server says.
    expect(retryDelay(4, '1', NOW, 0)).toBe(8000)
    expect(retryDelay(4, '0.1', NOW, 0.5)).toBe(12_000)
    expect(retryDelay(4, new Date(NOW + 2000).toUTCString(), NOW, 0)).toBe(8000)
  })

  it('ignores a Retry-After date in the past, zero, negative or unreadable', () => {
    for (const retryAfter of [new Date(NOW - 60_000).toUTCString(), new Date(NOW).toUTCString(), '0', '-30', 'soon', 'Tomorrow-ish', ''])
      expect(retryDelay(2, retryAfter, NOW, 0)).toBe(2000)
  })

  it('waits the hour the collector\'s maintenance may ask for, and caps a huge Retry-After there', () => {
    expect(retryDelay(1, '3600', NOW, 0)).toBe(3_600_000)
    expect(retryDelay(1, '86400', NOW, 0)).toBe(3_600_000)
    expect(retryDelay(1, '1e12', NOW, 0)).toBe(3_600_000)
    expect(retryDelay(1, new Date(NOW + 3 * 24 * 3600e3).toUTCString(), NOW, 0)).toBe(3_600_000)
    // Just under the cap is honoured as is.
    expect(retryDelay(1, '599', NOW, 0)).toBe(599_000)
  })
})
