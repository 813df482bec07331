import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { startPipeline } from '../src/browser/pipeline/startPipeline'

// The network is faked here (fetch and sendBeacon record what they are given); the pipeline is
// the real one. The end-to-end tests cover the real network and collector.
let posts: string[]
let beacons: string[]
let answer: () => Promise<Response>

const ids = (bodies: string[]) => bodies.flatMap((body) => JSON.parse(body).events.map((e: { id: string }) => e.id))
const event = (i: number, extra = '') => ({ id: `e${i}`, type: 'action', name: `n${i}${extra}` })

beforeEach(() => {
  vi.useFakeTimers()
  posts = []
  beacons = []
  answer = async () => new Response('{}', { status: 200 })
  vi.stubGlobal('fetch', vi.fn(async (_url: string, init: RequestInit) => {
    posts.push(init.body as string)
    return answer()
  }))
  vi.stubGlobal('navigator', { sendBeacon: vi.fn((_url: string, body: string) => (beacons.push(body), true)) })
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

describe('startPipeline', () => {
  it('sends queued events every flushInterval', async () => {
    const pipeline = startPipeline('/rum', 5000)
    pipeline.add(event(1))
    pipeline.add(event(2))
    await vi.advanceTimersByTimeAsync(4999)
    expect(posts).toEqual([])
    await vi.advanceTimersByTimeAsync(1)
    expect(ids(posts)).toEqual(['e1', 'e2'])
    pipeline.stop()
  })

  it('sends a full batch of 50 events right away, without waiting for the interval', async () => {
    const pipeline = startPipeline('/rum', 60_000)
    for (let i = 0; i < 50; i++) pipeline.add(event(i))
    await vi.advanceTimersByTimeAsync(0)
    expect(posts).toHaveLength(1)
    expect(ids(posts)).toHaveLength(50)
    pipeline.stop()
  })

  it('sends a batch once it holds 16 KiB of UTF-8, however few events', async () => {
    const pipeline = startPipeline('/rum', 60_000)
    // 10 events of about 1,700 bytes: 17 KB in UTF-8 but only ~600 characters each.
    for (let i = 0; i < 10; i++) pipeline.add(event(i, '日本語'.repeat(190)))
    await vi.advanceTimersByTimeAsync(0)
    expect(posts.length).toBeGreaterThan(0)
    for (const body of posts) expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(16 * 1024)
    pipeline.stop()
  })

  it('keeps the events of a failed send and sends them at the next interval', async () => {
    const pipeline = startPipeline('/rum', 1000)
    answer = async () => new Response('busy', { status: 503 })
    pipeline.add(event(1))
    await vi.advanceTimersByTimeAsync(1000)
    expect(ids(posts)).toEqual(['e1'])
    answer = async () => { throw new TypeError('Failed to fetch') }
    pipeline.add(event(2))
    await vi.advanceTimersByTimeAsync(1000)
    expect(ids(posts.slice(1))).toEqual(['e1', 'e2'])
    answer = async () => new Response('{}', { status: 200 })
    await vi.advanceTimersByTimeAsync(1000)
    expect(ids(posts.slice(2))).toEqual(['e1', 'e2'])
    await vi.advanceTimersByTimeAsync(1000)
    expect(posts).toHaveLength(3)
    pipeline.stop()
  })

  it('flush sends now and resolves after the collector answered', async () => {
    const pipeline = startPipeline('/rum', 60_000)
    pipeline.add(event(1))
    await pipeline.flush()
    expect(ids(posts)).toEqual(['e1'])
    await pipeline.flush()
    expect(posts).toHaveLength(1)
    pipeline.stop()
  })

  it('at page hide beacons what is queued and what is in flight, each beacon at most 16 KiB', async () => {
    const pipeline = startPipeline('/rum', 60_000)
    let release!: () => void
    answer = () => new Promise((resolve) => (release = () => resolve(new Response('{}'))))
    pipeline.add(event(1))
    const sending = pipeline.flush()
    for (let i = 2; i <= 40; i++) pipeline.add(event(i, 'x'.repeat(1000)))
    pipeline.beaconAll()
    expect(ids(beacons).sort()).toEqual(Array.from({ length: 40 }, (_, i) => `e${i + 1}`).sort())
    for (const body of beacons) expect(new TextEncoder().encode(body).length).toBeLessThanOrEqual(16 * 1024)
    expect(beacons.length).toBeGreaterThan(1)
    release()
    await sending
    pipeline.stop()
  })

  it('falls back to a keepalive fetch when sendBeacon refuses', () => {
    vi.stubGlobal('navigator', { sendBeacon: () => false })
    const pipeline = startPipeline('/rum', 60_000)
    pipeline.add(event(1))
    pipeline.beaconAll()
    expect(vi.mocked(fetch).mock.calls[0][1]).toMatchObject({ keepalive: true, method: 'POST' })
    expect(ids(posts)).toEqual(['e1'])
    pipeline.stop()
  })
})
