// @vitest-environment node
import { gunzipSync } from 'node:zlib'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createTransport } from '../src/browser/pipeline/createTransport'

// The transport is the real one; the network is a fake fetch and sendBeacon given to it.
const ENDPOINT = 'https://rum.test/rum'

const fakeFetch = (answer: () => Promise<Response> = async () => new Response('{}', { headers: { 'Retry-After': '7' } })) =>
  vi.fn((_url: string, _init: RequestInit) => answer()) as unknown as typeof fetch & ReturnType<typeof vi.fn>
const bodyOf = async (init: RequestInit) => (typeof init.body === 'string' ? init.body : gunzipSync(Buffer.from(init.body as ArrayBuffer)).toString())

afterEach(() => vi.unstubAllGlobals())

describe('createTransport', () => {
  it('posts text/plain (no CORS preflight) without credentials, gzipped above 1 KiB, and tells the status and Retry-After', async () => {
    const send = fakeFetch()
    const transport = createTransport(ENDPOINT, send, () => true)
    const big = JSON.stringify({ events: Array.from({ length: 300 }, (_, i) => ({ i })) })
    expect(await transport._post(big)).toEqual({ _status: 200, _retryAfter: '7' })
    await transport._post('{"small":1}')
    const [[url, first], [, second]] = send.mock.calls
    expect(url).toBe(ENDPOINT)
    expect(first).toMatchObject({ method: 'POST', credentials: 'omit', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } })
    expect(first.body).toBeInstanceOf(ArrayBuffer)
    expect(await bodyOf(first)).toBe(big)
    expect(second.body).toBe('{"small":1}')
  })

  it('gzips a large body a 64 KiB piece at a time, letting other tasks run in between, and it gunzips to the same text', async () => {
    const send = fakeFetch()
    const transport = createTransport(ENDPOINT, send, () => true)
    // 300 KiB of JSON with multi-byte characters across the piece boundaries.
    const big = JSON.stringify({ events: Array.from({ length: 3000 }, (_, i) => ({ i, name: `caf\u00e9 \u{1F375} ${'x'.repeat(80)}` })) })
    const ran: number[] = []
    const ticker = setInterval(() => ran.push(send.mock.calls.length), 0)
    try {
      await transport._post(big)
    } finally {
      clearInterval(ticker)
    }
    // Other tasks ran while it compressed, before the request was made.
    expect(ran.filter((calls) => calls === 0).length).toBeGreaterThanOrEqual(4)
    expect(await bodyOf(send.mock.calls[0][1])).toBe(big)
  })

  it('tells a network failure as status 0, and gives up on a collector that does not answer within 30 s', async () => {
    expect(await createTransport(ENDPOINT, fakeFetch(() => Promise.reject(new TypeError('Failed to fetch'))))._post('{}')).toEqual({ _status: 0 })
    const send = vi.fn((_url: string, init: RequestInit) => new Promise<Response>((_, fail) => init.signal!.addEventListener('abort', () => fail(init.signal!.reason))))
    const timeout = vi.spyOn(AbortSignal, 'timeout')
    const pending = createTransport(ENDPOINT, send as unknown as typeof fetch)._post('{}')
    await new Promise((resolve) => setTimeout(resolve))
    expect(timeout).toHaveBeenCalledWith(30_000)
    // The signal the transport made is the one that aborts the request.
    expect(send.mock.calls[0][1].signal).toBe(timeout.mock.results[0].value)
    void pending
  })

  it('uses the browser\'s fetch as it was when rumlet started: a page that replaces it later changes nothing', async () => {
    const original = fakeFetch()
    vi.stubGlobal('fetch', original)
    vi.resetModules()
    const { createTransport: fresh } = await import('../src/browser/pipeline/createTransport')
    const transport = fresh(ENDPOINT)
    const replaced = vi.fn(() => Promise.reject(new Error('broken by the page')))
    vi.stubGlobal('fetch', replaced)
    expect(await transport._post('{}')).toMatchObject({ _status: 200 })
    expect(replaced).not.toHaveBeenCalled()
    expect(original).toHaveBeenCalledTimes(1)
  })

  it('beacons a body as it is; when sendBeacon refuses or throws, a keepalive fetch carries it', () => {
    const send = fakeFetch()
    createTransport(ENDPOINT, send, () => true)._beacon('{"a":1}')
    expect(send).not.toHaveBeenCalled()
    createTransport(ENDPOINT, send, () => false)._beacon('{"b":2}')
    createTransport(ENDPOINT, send, () => {
      throw new TypeError('Illegal invocation')
    })._beacon('{"c":3}')
    expect(send.mock.calls.map(([, init]) => [init.body, init.keepalive])).toEqual([
      ['{"b":2}', true],
      ['{"c":3}', true],
    ])
  })
})
