import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { byteLength } from '../src/browser/lib/byteLength'
import { packGroups, toBody } from '../src/browser/pipeline/packGroups'

/** Events packed into request bodies, the way the pipeline sends them. */
const packBodies = (events: string[], maxBytes: number, sentAt: number) =>
  packGroups(events, maxBytes, byteLength).map((group) => toBody(group, sentAt))
import { SCHEMA_VERSION } from '../src/wire'

const event = (i: number, text: string) => JSON.stringify({ id: `e${i}`, type: 'action', name: text })
const utf8 = (text: string) => new TextEncoder().encode(text).length

describe('packGroups and toBody, as request bodies', () => {
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

// packGroups and toBody are what the pipeline uses: it packs entries (not strings) by their
// recorded byte size, then frames each group as a body.
describe('packGroups with toBody', () => {
  const SENT_AT = 1_700_000_000_000 // 13 digits, like Date.now()
  const item = (i: number, text: string) => {
    const json = event(i, text)
    return { id: `e${i}`, json, bytes: utf8(json) }
  }
  type Item = ReturnType<typeof item>
  const bytesOf = (it: Item) => it.bytes
  const bodyOf = (group: Item[]) => toBody(group.map((it) => it.json), SENT_AT)
  const texts = ['日本語', 'émoji 😀🎉', 'Ελληνικά', 'русский текст', 'plain ascii', '中文字符'.repeat(7)]

  it('makes groups whose bodies never exceed maxBytes in UTF-8, for many sizes and limits', () => {
    for (const maxBytes of [300, 512, 1000, 4096, 16 * 1024]) {
      const items = Array.from({ length: 120 }, (_, i) => item(i, texts[i % texts.length].repeat(1 + (i % 9))))
      const groups = packGroups(items, maxBytes, bytesOf)
      expect(groups.length).toBeGreaterThan(1)
      expect(groups.some((group) => group.length > 1)).toBe(true)
      // Only an item too large on its own may make a larger body, and then it goes alone.
      for (const group of groups) if (utf8(bodyOf(group)) > maxBytes) expect(group).toHaveLength(1)
      for (const group of groups) if (group.length > 1) expect(utf8(bodyOf(group))).toBeLessThanOrEqual(maxBytes)
    }
  })

  it('measures in UTF-8 bytes, not string length', () => {
    // 100 events of ~330 UTF-8 bytes but only ~130 characters: 13 KB of characters, 33 KB of bytes.
    const items = Array.from({ length: 100 }, (_, i) => item(i, '日本語'.repeat(35)))
    const groups = packGroups(items, 16 * 1024, bytesOf)
    expect(groups.length).toBeGreaterThanOrEqual(3)
    for (const group of groups) expect(utf8(bodyOf(group))).toBeLessThanOrEqual(16 * 1024)
  })

  it('fills groups instead of splitting needlessly', () => {
    const items = Array.from({ length: 100 }, (_, i) => item(i, 'ü'.repeat(50)))
    const maxBytes = 4096
    const groups = packGroups(items, maxBytes, bytesOf)
    expect(groups.length).toBeGreaterThan(1)
    // Every group but the last could not have taken the next item (packGroups counts a comma per
    // item, one more than the body holds, so it may stop one byte short of the limit).
    for (let g = 0; g < groups.length - 1; g++) {
      const withNext = groups[g].concat(groups[g + 1][0])
      expect(utf8(bodyOf(withNext))).toBeGreaterThanOrEqual(maxBytes)
    }
    // Everything fits in one body when the limit allows it.
    expect(packGroups(items, 1e6, bytesOf)).toEqual([items])
  })

  it('keeps every item exactly once, in order', () => {
    const items = Array.from({ length: 200 }, (_, i) => item(i, texts[(i * 7) % texts.length].repeat(i % 13)))
    const groups = packGroups(items, 1500, bytesOf)
    expect(groups.flat()).toEqual(items)
    // The same items arrive in the same order through the bodies.
    const ids = groups.flatMap((group) => JSON.parse(bodyOf(group)).events.map((e: { id: string }) => e.id))
    expect(ids).toEqual(items.map((it) => it.id))
  })

  it('puts an item larger than maxBytes in a group of its own', () => {
    const items = [item(1, 'a'), item(2, 'b'), item(3, '大'.repeat(2000)), item(4, 'c'), item(5, 'd')]
    expect(packGroups(items, 1000, bytesOf).map((group) => group.map((it) => it.id))).toEqual([['e1', 'e2'], ['e3'], ['e4', 'e5']])
    expect(packGroups([items[2]], 1000, bytesOf)).toEqual([[items[2]]])
  })

  it('makes no group from no items', () => {
    expect(packGroups([], 1000, bytesOf)).toEqual([])
  })

  it('toBody frames the events verbatim in a valid batch envelope', () => {
    const raw = ['{"id":"a","type":"action","name":"日本"}', '{"type":"vital","id":"b",  "value":0.30000000000000004}']
    const body = toBody(raw, SENT_AT)
    // Events are joined as the strings they were recorded as: not parsed and stringified again.
    for (const json of raw) expect(body).toContain(json)
    const batch = JSON.parse(body)
    expect(batch).toEqual({ schema: SCHEMA_VERSION, sdk: expect.any(String), sentAt: SENT_AT, events: raw.map((json) => JSON.parse(json)) })
    expect(batch.sdk).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
    expect(JSON.parse(toBody([], 5))).toMatchObject({ schema: SCHEMA_VERSION, sentAt: 5, events: [] })
  })
})
