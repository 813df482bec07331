// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { startNetwork } from '../src/browser/capture/network'

const TRACEPARENT = /^00-([0-9a-f]{32})-[0-9a-f]{16}-01$/

describe('startNetwork (fetch)', () => {
  let sentHeaders: (string | null)[] = []
  let answer: () => Promise<Response> = async () => new Response('ok', { status: 201, headers: { 'Content-Length': '2' } })
  const emit = vi.fn()
  let inFlight: () => string | undefined

  beforeEach(() => {
    history.replaceState(null, '', '/')
    sentHeaders = []
    emit.mockClear()
    answer = async () => new Response('ok', { status: 201, headers: { 'Content-Length': '2' } })
    vi.stubGlobal('fetch', (_input: unknown, init?: RequestInit) => {
      sentHeaders.push(new Headers(init && init.headers).get('traceparent'))
      return answer()
    })
    inFlight = startNetwork(emit, '/rum', ['https://api.partner.test'])
  })

  it('adds a traceparent to the page\'s own origin and records the request with that trace id', async () => {
    const response = await fetch('/api/cart', { method: 'post', headers: { 'X-Mine': '1' } })
    expect(response.status).toBe(201)
    const [, traceId] = TRACEPARENT.exec(sentHeaders[0]!)!
    expect(emit.mock.calls[0][0]).toMatchObject({
      type: 'resource', kind: 'fetch', method: 'POST', resource: `${location.origin}/api/cart`, status: 201, size: 2, traceId,
    })
  })

  it('adds it to listed origins only: others would need a CORS preflight for it', async () => {
    await fetch('https://api.partner.test/x')
    await fetch('https://elsewhere.test/y')
    expect(sentHeaders[0]).toMatch(TRACEPARENT)
    expect(sentHeaders[1]).toBeNull()
    expect(emit.mock.calls[1][0]).toMatchObject({ resource: 'https://elsewhere.test/y', traceId: undefined })
  })

  it('leaves rumlet\'s own requests alone', async () => {
    await fetch('/rum', { method: 'POST', body: '{}' })
    expect(sentHeaders).toEqual([null])
    expect(emit).not.toHaveBeenCalled()
  })

  it('records a failed request with status 0 and still rejects the page\'s promise', async () => {
    answer = async () => Promise.reject(new TypeError('Failed to fetch'))
    await expect(fetch('/api/down')).rejects.toThrow('Failed to fetch')
    expect(emit.mock.calls[0][0]).toMatchObject({ status: 0, resource: `${location.origin}/api/down` })
  })

  it('tells the trace id of the request under way, and none after it', async () => {
    let release!: () => void
    answer = () => new Promise((resolve) => (release = () => resolve(new Response(''))))
    const pending = fetch('/api/slow')
    expect(inFlight()).toBe(TRACEPARENT.exec(sentHeaders[0]!)![1])
    release()
    await pending
    expect(inFlight()).toBeUndefined()
  })
})
