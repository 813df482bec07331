import { describe, expect, it, vi } from 'vitest'
import { dedupeErrors } from '../src/browser/capture/dedupeErrors'
import { createDrops } from '../src/browser/lib/createDrops'
import type { ErrorEvent } from '../src/wire'
import type { Captured } from '../src/browser/types'

const error = (fingerprint: string): Captured<ErrorEvent> => ({
  type: 'error', message: `m-${fingerprint}`, errorType: 'Error', source: 'error', count: 1, fingerprint,
})

function setup() {
  let clock = 1_000_000
  const emit = vi.fn()
  const drops = createDrops(() => {})
  const drop = vi.fn((reason: string, count?: number) => drops._count(reason, count))
  const gate = dedupeErrors(emit, { ...drops, _count: drop }, () => clock)
  return { gate, emit, drop, tick: (ms: number) => (clock += ms), sent: () => emit.mock.calls.map(([e, time]) => ({ ...e, time })) }
}

describe('dedupeErrors', () => {
  it('records the first of a fingerprint at once and its repeats as one event whose count grows, at flush', () => {
    const { gate, sent } = setup()
    for (let i = 0; i < 50; i++) gate._add(error('fp1'), 'view1', 100 + i)
    expect(sent()).toMatchObject([{ fingerprint: 'fp1', count: 1, viewId: 'view1', time: 100 }])
    gate._flush()
    // 50 identical errors: 2 events whose counts sum to 50; the repeat keeps its first time.
    expect(sent()).toMatchObject([{ count: 1 }, { fingerprint: 'fp1', count: 49, viewId: 'view1', time: 101 }])
    gate._flush()
    expect(sent()).toHaveLength(2)
  })

  it('keeps fingerprints and views apart', () => {
    const { gate, sent } = setup()
    gate._add(error('a'), 'v1', 1)
    gate._add(error('b'), 'v1', 2)
    gate._add(error('a'), 'v2', 3)
    gate._add(error('a'), 'v1', 4)
    gate._flush()
    expect(sent().map((e) => [e.fingerprint, e.viewId, e.count])).toEqual([['a', 'v1', 1], ['b', 'v1', 1], ['a', 'v2', 1], ['a', 'v1', 1]])
  })

  it('records at most 100 error events a minute and counts the errors of the rest as rate_limited', () => {
    const { gate, emit, drop, tick } = setup()
    for (let i = 0; i < 150; i++) gate._add(error(`fp${i}`), 'v', i)
    expect(emit).toHaveBeenCalledTimes(100)
    expect(drop.mock.calls.reduce((sum, [reason, count]) => (reason === 'rate_limited' ? sum + count! : sum), 0)).toBe(50)
    tick(60_000)
    gate._add(error('fresh'), 'v', 1)
    expect(emit).toHaveBeenCalledTimes(101)
  })

  it('never lets more than 100 through in any 60 s: the minute slides', () => {
    const { gate, emit, tick } = setup()
    gate._add(error('first'), 'v', 0)
    tick(59_000)
    for (let i = 0; i < 99; i++) gate._add(error(`a${i}`), 'v', i)
    // A minute after the first: only its place is free again.
    tick(1001)
    for (let i = 0; i < 100; i++) gate._add(error(`b${i}`), 'v', i)
    expect(emit).toHaveBeenCalledTimes(101)
    tick(59_000)
    gate._add(error('c'), 'v', 1)
    expect(emit).toHaveBeenCalledTimes(102)
  })

  it('counts every error a rate-limited repeat stood for', () => {
    const { gate, drop } = setup()
    for (let i = 0; i < 100; i++) gate._add(error(`fp${i}`), 'v', i)
    for (let i = 0; i < 7; i++) gate._add(error('fp0'), 'v', 200 + i)
    gate._flush()
    expect(drop).toHaveBeenCalledWith('rate_limited', 7)
  })
})
