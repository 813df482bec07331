import { describe, expect, it } from 'vitest'
import { packBodies } from '../src/browser/pipeline/packBodies'

const event = (i: number, text: string) => JSON.stringify({ id: `e${i}`, type: 'action', name: text })
const utf8 = (text: string) => new TextEncoder().encode(text).length

describe('packBodies', () => {
  it('keeps every body within the byte limit, counting non-ASCII text in UTF-8 bytes', () => {
    // 3 bytes per character: string length would undercount these bodies threefold.
    const events = Array.from({ length: 40 }, (_, i) => event(i, '日本語のテキスト'.repeat(20)))
    const bodies = packBodies(events, 4096, 1)
    expect(bodies.length).toBeGreaterThan(1)
    for (const body of bodies) expect(utf8(body)).toBeLessThanOrEqual(4096)
  })

  it('sends every event once, in order, inside a valid batch envelope', () => {
    const events = Array.from({ length: 100 }, (_, i) => event(i, 'é'.repeat(i)))
    const bodies = packBodies(events, 2000, 1234)
    const batches = bodies.map((body) => JSON.parse(body))
    for (const batch of batches) expect(batch).toMatchObject({ schema: 1, sentAt: 1234, sdk: expect.any(String) })
    expect(batches.flatMap((b) => b.events.map((e: { id: string }) => e.id))).toEqual(events.map((_, i) => `e${i}`))
  })

  it('sends an event larger than the limit alone rather than losing it', () => {
    const bodies = packBodies([event(1, 'a'), event(2, 'x'.repeat(5000)), event(3, 'b')], 1000, 1)
    expect(bodies.map((body) => JSON.parse(body).events.map((e: { id: string }) => e.id))).toEqual([['e1'], ['e2'], ['e3']])
  })

  it('makes no body when there is nothing to send', () => {
    expect(packBodies([], 1000, 1)).toEqual([])
  })
})
