import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { byteLength } from '../src/browser/lib/byteLength'
import type { Entry } from '../src/browser/pipeline/entry'
import { packGroups, toBody } from '../src/browser/pipeline/packGroups'
import { SCHEMA_VERSION } from '../src/wire'

// packGroups and toBody are what the pipeline uses: it packs entries by their recorded UTF-8 size,
// then frames each group as a body.
const SENT_AT = 1_700_000_000_000 // 13 digits, like Date.now()
const utf8 = (text: string) => new TextEncoder().encode(text).length
const entry = (i: number, text: string): Entry => {
  const json = JSON.stringify({ id: `e${i}`, type: 'action', name: text })
  return { _key: [0, `e${i}`, byteLength(json)], _json: json }
}
const bodyOf = (group: Entry[]) => toBody(group, SENT_AT)
const ids = (groups: Entry[][]) => groups.map((group) => group.map((e) => e._key[1]))
const texts = ['日本語', 'émoji 😀🎉', 'Ελληνικά', 'русский текст', 'plain ascii', '中文字符'.repeat(7)]

describe('packGroups with toBody', () => {
  it('makes groups whose bodies never exceed maxBytes in UTF-8, for many sizes and limits', () => {
    for (const maxBytes of [300, 512, 1000, 4096, 16 * 1024]) {
      const entries = Array.from({ length: 120 }, (_, i) => entry(i, texts[i % texts.length].repeat(1 + (i % 9))))
      const groups = packGroups(entries, maxBytes)
      expect(groups.length).toBeGreaterThan(1)
      expect(groups.some((group) => group.length > 1)).toBe(true)
      // Only an entry too large on its own may make a larger body, and then it goes alone.
      for (const group of groups) if (utf8(bodyOf(group)) > maxBytes) expect(group).toHaveLength(1)
      for (const group of groups) if (group.length > 1) expect(utf8(bodyOf(group))).toBeLessThanOrEqual(maxBytes)
    }
  })

  it('measures in UTF-8 bytes, not string length', () => {
    // 100 events of ~330 UTF-8 bytes but only ~130 characters: 13 KB of characters, 33 KB of bytes.
    const entries = Array.from({ length: 100 }, (_, i) => entry(i, '日本語'.repeat(35)))
    const groups = packGroups(entries, 16 * 1024)
    expect(groups.length).toBeGreaterThanOrEqual(3)
    for (const group of groups) expect(utf8(bodyOf(group))).toBeLessThanOrEqual(16 * 1024)
  })

  it('fills groups instead of splitting needlessly, and holds at most maxCount', () => {
    const entries = Array.from({ length: 100 }, (_, i) => entry(i, 'ü'.repeat(50)))
    const maxBytes = 4096
    const groups = packGroups(entries, maxBytes)
    expect(groups.length).toBeGreaterThan(1)
    // Every group but the last could not have taken the next entry by much (the envelope is
    // counted at its largest, 100 bytes).
    for (let g = 0; g < groups.length - 1; g++) expect(utf8(bodyOf(groups[g].concat(groups[g + 1][0])))).toBeGreaterThan(maxBytes - 100)
    expect(packGroups(entries, 1e6)).toEqual([entries])
    expect(packGroups(entries, 1e6, 50).map((group) => group.length)).toEqual([50, 50])
  })

  it('keeps every entry exactly once, in order, through the bodies', () => {
    const entries = Array.from({ length: 200 }, (_, i) => entry(i, texts[(i * 7) % texts.length].repeat(i % 13)))
    const groups = packGroups(entries, 1500)
    expect(groups.flat()).toEqual(entries)
    expect(groups.flatMap((group) => JSON.parse(bodyOf(group)).events.map((e: { id: string }) => e.id))).toEqual(entries.map((e) => e._key[1]))
  })

  it('puts an entry larger than maxBytes in a group of its own, and makes no group from none', () => {
    const entries = [entry(1, 'a'), entry(2, 'b'), entry(3, '大'.repeat(2000)), entry(4, 'c'), entry(5, 'd')]
    expect(ids(packGroups(entries, 1000))).toEqual([['e1', 'e2'], ['e3'], ['e4', 'e5']])
    expect(packGroups([], 1000)).toEqual([])
  })

  it('toBody frames the events verbatim in a valid batch envelope', () => {
    const raw = ['{"id":"a","type":"action","name":"日本"}', '{"type":"vital","id":"b",  "value":0.30000000000000004}']
    const body = toBody(raw.map((json) => ({ _key: [0, '', 0], _json: json })), SENT_AT)
    // Events are joined as the strings they were recorded as: not parsed and stringified again.
    for (const json of raw) expect(body).toContain(json)
    const batch = JSON.parse(body)
    expect(batch).toEqual({ schema: SCHEMA_VERSION, sdk: expect.any(String), sentAt: SENT_AT, events: raw.map((json) => JSON.parse(json)) })
    expect(batch.sdk).toBe(JSON.parse(readFileSync('package.json', 'utf8')).version)
    expect(JSON.parse(toBody([], 5))).toMatchObject({ schema: SCHEMA_VERSION, sentAt: 5, events: [] })
  })
})
