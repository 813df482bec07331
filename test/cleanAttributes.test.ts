import { afterEach, describe, expect, it, vi } from 'vitest'
import { cleanAttributes } from '../src/browser/lib/cleanAttributes'
import { setDebug } from '../src/browser/lib/warn'

describe('cleanAttributes', () => {
  afterEach(() => {
    setDebug(false)
    vi.restoreAllMocks()
  })

  it('keeps string, number and boolean values', () => {
    expect(cleanAttributes({ plan: 'pro', seats: 3, trial: false })).toEqual({ plan: 'pro', seats: 3, trial: false })
  })

  it('drops nested, function, null and non-finite values', () => {
    expect(cleanAttributes({ ok: 1, nested: { a: 1 }, list: [1], fn: () => 1, nothing: null, inf: Infinity, nan: NaN })).toEqual({ ok: 1 })
  })

  it('gives undefined for no attributes, a non-object, or nothing left', () => {
    expect(cleanAttributes(undefined)).toBeUndefined()
    expect(cleanAttributes('plan=pro')).toBeUndefined()
    expect(cleanAttributes({ fn: () => 1 })).toBeUndefined()
  })

  it('drops keys over 64 characters and cuts values at 1,024 characters', () => {
    const long = 'k'.repeat(65)
    const out = cleanAttributes({ [long]: 1, ['k'.repeat(64)]: 2, text: 'x'.repeat(5000) })!
    expect(Object.keys(out)).toEqual(['k'.repeat(64), 'text'])
    expect(out.text).toHaveLength(1024)
  })

  it('keeps the first 50 keys (an override keeps the place of the key it overrides)', () => {
    const base = Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`base${i}`, i]))
    const input = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [`call${i}`, i]))
    const out = cleanAttributes({ ...base, ...input, base0: 'overridden' })!
    expect(Object.keys(out)).toHaveLength(50)
    expect(out.base0).toBe('overridden')
    expect(out.call9).toBe(9)
    expect(out.call10).toBeUndefined()
  })

  it('treats inherited names as plain keys', () => {
    // JSON.parse makes "__proto__" an own key, as a page's parsed data would have it.
    const input = JSON.parse('{"toString": "a", "__proto__": 1, "constructor": "c"}')
    expect(JSON.stringify(cleanAttributes(input))).toBe('{"toString":"a","__proto__":1,"constructor":"c"}')
  })

  it('says what it dropped, with debug on', () => {
    setDebug(true)
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    cleanAttributes({ nested: {}, ['k'.repeat(70)]: 1 })
    expect(warn.mock.calls.map((call) => call.join(' '))).toEqual([
      expect.stringContaining('"nested" dropped'),
      expect.stringContaining('over 64 characters'),
    ])
  })
})
