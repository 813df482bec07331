import { describe, expect, it } from 'vitest'
import { cleanAttributes } from '../src/browser/lib/cleanAttributes'

describe('cleanAttributes', () => {
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
})
