import { describe, expect, it } from 'vitest'
import { hashToUnit } from '../src/browser/lib/hashToUnit'

describe('hashToUnit', () => {
  it('gives the same number for the same text, so every tab of a session samples alike', () => {
    expect(hashToUnit('k3j4h5')).toBe(hashToUnit('k3j4h5'))
    expect(hashToUnit('k3j4h5')).not.toBe(hashToUnit('k3j4h6'))
  })

  it('spreads ids evenly over [0, 1): about 25% fall under 0.25', () => {
    let under = 0
    for (let i = 0; i < 10_000; i++) {
      const value = hashToUnit(`session-${i}`)
      expect(value).toBeGreaterThanOrEqual(0)
      expect(value).toBeLessThan(1)
      if (value < 0.25) under++
    }
    expect(under).toBeGreaterThan(2300)
    expect(under).toBeLessThan(2700)
  })
})
