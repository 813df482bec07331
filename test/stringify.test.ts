import { afterEach, describe, expect, it } from 'vitest'
import { stringify } from '../src/browser/lib/stringify'

type WithToJSON = { toJSON?: () => unknown }
const prototypes = [Array.prototype, String.prototype, Number.prototype] as WithToJSON[]

afterEach(() => prototypes.forEach((prototype) => delete prototype.toJSON))

describe('stringify', () => {
  it('writes JSON as the built-ins define it, also where a page (Prototype.js < 1.7) gave them a toJSON, and puts those back', () => {
    // What Prototype.js 1.6 does: arrays, strings and numbers become strings of JSON.
    const theirs = prototypes.map((prototype) => {
      const toJSON = function (this: unknown) {
        return `<${String(this)}>`
      }
      prototype.toJSON = toJSON
      return toJSON
    })
    const event = { id: 'a', frustration: ['dead'], value: 0.5, name: 'Apply coupon' }
    expect(JSON.parse(JSON.stringify(event))).not.toEqual(event)
    expect(stringify([event, [1, 'x']])).toEqual(['{"id":"a","frustration":["dead"],"value":0.5,"name":"Apply coupon"}', '[1,"x"]'])
    expect(prototypes.map((prototype) => prototype.toJSON)).toEqual(theirs)
  })

  it('gives undefined for a value that cannot be JSON (a BigInt, a cycle), and the others as usual', () => {
    const cycle: Record<string, unknown> = {}
    cycle.self = cycle
    expect(stringify([{ n: 1n }, cycle, { ok: true }])).toEqual([undefined, undefined, '{"ok":true}'])
  })
})
