import { describe, expect, it } from 'vitest'
import { byteLength } from '../src/browser/lib/byteLength'

describe('byteLength', () => {
  it.each([
    ['', 0],
    ['hello', 5],
    ['café', 5],
    ['日本語', 9],
    ['🍵 tea', 8],
    ['a\u{10FFFF}b', 6],
  ])('counts UTF-8 bytes of %j as %i, like TextEncoder', (text, bytes) => {
    expect(byteLength(text)).toBe(bytes)
    expect(byteLength(text)).toBe(new TextEncoder().encode(text).length)
  })

  it('counts a lone surrogate as the 3-byte replacement character TextEncoder writes', () => {
    for (const text of ['\ud83c', 'x\udf75', '\ud83c!']) expect(byteLength(text)).toBe(new TextEncoder().encode(text).length)
  })
})
