import { describe, expect, it } from 'vitest'
import { eventTexts } from '../src/collector/ingest/eventTexts'

const event = (id: string, extra: Record<string, unknown> = {}) => ({ id, type: 'vital', time: 1_764_000_000_000.25, sessionId: 's', viewId: 'v', url: 'https://shop.example/?q="a"&b=[1]', ...extra })

describe('eventTexts', () => {
  it("gives each event's text exactly as JSON.stringify wrote it, whatever its strings hold", () => {
    const events = [
      event('a'),
      event('b', { attributes: { note: 'ünïcödé 😀 "quoted" \\ back\\', brace: '}]{[', empty: '' }, nested: { events: [1, 2], deeper: [[{ x: -0.5 }]] } }),
      event('c', { message: 'line\nbreak\ttab \u0000 \u001b[31m', slashes: '\\\\"' }),
    ]
    const text = JSON.stringify({ schema: 1, sdk: '0.1.0', sentAt: 1, events })
    expect(eventTexts(text)).toEqual(events.map((e) => JSON.stringify(e)))
  })

  it('keeps the whitespace of an indented body, and each text parses to its event', () => {
    const events = [event('a', { list: [1, 2, { b: true }] }), event('b')]
    const texts = eventTexts(JSON.stringify({ events, after: { events: 'not these' } }, null, 2))!
    expect(texts.map((t) => JSON.parse(t!))).toEqual(events)
    expect(texts[0]).toContain('\n')
  })

  it('finds the events whatever comes before them, and takes the last `events` as JSON.parse does', () => {
    const text = `{"sdk":"x\\"events\\":[","events":[{"id":"old"}],"meta":{"events":[{"id":"inner"}]},"events":[{"id":"a"} , {"id":"b"}]}`
    expect(eventTexts(text)).toEqual(['{"id":"a"}', '{"id":"b"}'])
    expect(eventTexts('{"events":[]}')).toEqual([])
  })

  it('gives undefined for an event holding a lone-surrogate escape or a number with an exponent or too long', () => {
    const text = `{"events":[{"id":"a","m":"\\ud83d"},{"id":"b","v":1e999},{"id":"c","v":1E2},{"id":"d","v":123456789012345678901},{"id":"e","m":"\\\\ud83d","v":-12.5},{"id":"f","m":"\\ud83d\\ude00"}]}`
    expect(eventTexts(text)).toEqual([undefined, undefined, undefined, undefined, '{"id":"e","m":"\\\\ud83d","v":-12.5}', undefined])
  })

  it('gives up (undefined) when a top-level key is written with escapes, which JSON.parse would read as `events`', () => {
    expect(eventTexts('{"events":[{"id":"a"}],"\\u0065vents":[{"id":"b"}]}')).toBeUndefined()
    expect(eventTexts('{"sdk":"1"}')).toBeUndefined()
  })

  it('ends on a text that is not JSON (an unterminated string) instead of scanning forever', () => {
    expect(eventTexts('{"events":[{"id":"a}]}')).toBeUndefined()
  })

  it('agrees with JSON.parse on 2,000 seeded random batches: every text given parses to its event', () => {
    let state = 7
    const random = () => ((state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32)
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]
    const atoms = ['', '"', '\\', '}', ']', '{', '[', ',', ':', 'é', '😀', '\n', 'events', '\\"', 0, -1.5, 1e21, 1e-7, 2 ** 60, true, null, false]
    const value = (depth: number): unknown =>
      depth > 2 || random() < 0.5 ? pick(atoms) : random() < 0.5 ? Array.from({ length: Math.floor(random() * 4) }, () => value(depth + 1)) : Object.fromEntries(Array.from({ length: Math.floor(random() * 4) }, () => [String(pick(atoms)), value(depth + 1)]))
    let given = 0
    for (let n = 0; n < 2000; n++) {
      const events = Array.from({ length: Math.floor(random() * 5) }, () => ({ id: String(pick(atoms)), a: value(0), b: value(0) }))
      const body: Record<string, unknown> = { [String(pick(atoms))]: value(0), events, [String(pick(atoms))]: value(0) }
      const text = JSON.stringify(body, null, pick([0, 1, '\t']))
      const texts = eventTexts(text)
      const parsed = JSON.parse(text).events
      // Only objects are events (ingest refuses a batch with anything else before asking).
      if (!Array.isArray(parsed) || !parsed.every((e) => e !== null && typeof e === 'object')) continue
      // Given up: a top-level key written with an escape (the atoms hold \\ and ").
      if (texts === undefined && /^\{\s*"[^"]*\\|,\s*"(?:[^"\\]|\\.)*\\/.test(text)) continue
      expect(texts?.length, text).toBe(parsed.length)
      texts!.forEach((t, i) => {
        if (t === undefined) return
        given++
        expect(JSON.parse(t), text).toEqual(parsed[i])
      })
    }
    expect(given).toBeGreaterThan(1000)
  })
})
