// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Config } from '../src/browser/config'
import { createDrops } from '../src/browser/lib/createDrops'
import { network as startNetwork } from '../src/browser/modules/network'
import type { Capture, Emit } from '../src/browser/types'

let started: Capture[] = []
afterEach(() => started.splice(0).forEach((capture) => capture.stop()))
const start = (emit: Emit, propagateTraceTo: string[] = []) => {
  const capture = startNetwork({ emit, config: { propagateTraceTo } as unknown as Config, skip: () => {} })
  started.push(capture)
  return capture.traceId!
}

const TRACEPARENT = /^00-([0-9a-f]{32})-[0-9a-f]{16}-01$/

describe('network module (fetch)', () => {
  let sentHeaders: (string | null)[] = []
  let sentInit: RequestInit | undefined
  let answer: () => Promise<Response> = async () => new Response('ok', { status: 201, headers: { 'Content-Length': '2' } })
  const emit = vi.fn()
  let inFlight: () => string | undefined

  // The network, as the page's fetch would reach it: what rumlet passes on, answered by `answer`.
  const network = (input: unknown, init?: RequestInit) => {
    sentInit = init
    sentHeaders.push(new Headers((init && init.headers) || (input instanceof Request ? input.headers : undefined)).get('traceparent'))
    return answer()
  }

  beforeEach(() => {
    history.replaceState(null, '', '/')
    sentHeaders = []
    emit.mockClear()
    answer = async () => new Response('ok', { status: 201, headers: { 'Content-Length': '2' } })
    vi.stubGlobal('fetch', network)
    inFlight = start(emit, ['https://api.partner.test'])
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

  it('records a failed request with status 0 and still rejects the page\'s promise', async () => {
    answer = async () => Promise.reject(new TypeError('Failed to fetch'))
    await expect(fetch('/api/down')).rejects.toThrow('Failed to fetch')
    expect(emit.mock.calls[0][0]).toMatchObject({ status: 0, resource: `${location.origin}/api/down` })
  })

  it('resolves a relative URL against the document\'s base URL, as fetch does: no traceparent to another origin', async () => {
    const base = document.head.appendChild(document.createElement('base'))
    base.href = 'https://api.elsewhere.test/'
    try {
      await fetch('v1/items')
    } finally {
      base.remove()
    }
    expect(sentHeaders).toEqual([null])
    expect(emit.mock.calls[0][0]).toMatchObject({ resource: 'https://api.elsewhere.test/v1/items', traceId: undefined })
  })

  it('passes on what the page\'s init holds, its prototype\'s fields too', async () => {
    await fetch('/api/item', Object.create({ method: 'PUT', body: 'x' }))
    expect(sentInit!.method).toBe('PUT')
    expect(sentInit!.body).toBe('x')
    expect(sentHeaders[0]).toMatch(TRACEPARENT)
    expect(emit.mock.calls[0][0]).toMatchObject({ method: 'PUT' })
  })

  it('keeps a traceparent the page set itself, and records its trace id', async () => {
    const theirs = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'
    await fetch('/api/cart', { headers: { traceparent: theirs } })
    expect(sentHeaders).toEqual([theirs])
    expect(emit.mock.calls[0][0]).toMatchObject({ traceId: '0af7651916cd43dd8448eb211c80319c' })
    await fetch('/api/cart', { headers: { traceparent: 'not a trace' } })
    expect(sentHeaders[1]).toBe('not a trace')
    expect(emit.mock.calls[1][0].traceId).toBeUndefined()
  })

  it('adds the header to a Request passed alone without an init (which would reset its referrer policy)', async () => {
    await fetch(new Request(`${location.origin}/api/cart`, { referrerPolicy: 'no-referrer' }))
    expect(sentInit).toBeUndefined()
    expect(sentHeaders[0]).toMatch(TRACEPARENT)
  })

  it('stops (consent denied): the page\'s fetch is its own again, without header or record', async () => {
    started.splice(0).forEach((capture) => capture.stop())
    expect(fetch).toBe(network)
    await fetch('/api/cart')
    expect(sentHeaders.at(-1)).toBeNull()
    expect(emit).not.toHaveBeenCalled()
  })

  it('skips a fetch the page made read-only, counted, and still instruments XMLHttpRequest', async () => {
    Object.defineProperty(window, 'fetch', { value: network, writable: false, configurable: true })
    const { open } = XMLHttpRequest.prototype
    try {
      const drops = createDrops(() => {})
      started.push(startNetwork({ emit, config: { propagateTraceTo: [] } as unknown as Config, skip: () => drops._count('not_instrumented') }))
      expect(drops._take()).toEqual({ not_instrumented: 1 })
      expect(fetch).toBe(network)
      expect(XMLHttpRequest.prototype.open).not.toBe(open)
    } finally {
      Object.defineProperty(window, 'fetch', { value: network, writable: true, configurable: true })
    }
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

describe('network module (XMLHttpRequest)', () => {
  const emit = vi.fn()
  let inFlight: () => string | undefined
  let headers: Record<string, string>[]

  // A stand-in with what startNetwork touches; each send ends (loadend) on the next task.
  class FakeXhr extends EventTarget {
    status = 0
    busy = false
    open() {
      this.status = 0
      headers.push({})
    }
    setRequestHeader(name: string, value: string) {
      headers[headers.length - 1][name] = value
    }
    getResponseHeader() {
      return null
    }
    send() {
      if (this.busy) throw new DOMException('already sent', 'InvalidStateError')
      this.busy = true
      setTimeout(() => {
        this.busy = false
        this.status = 200
        this.dispatchEvent(new Event('loadend'))
      })
    }
  }

  beforeEach(() => {
    emit.mockClear()
    headers = []
    vi.stubGlobal('XMLHttpRequest', class extends FakeXhr {})
    inFlight = start(emit)
  })

  const loadend = () => new Promise((resolve) => setTimeout(resolve, 5))

  it('records one event per request when one XMLHttpRequest is opened and sent again', async () => {
    const xhr = new XMLHttpRequest()
    xhr.open('GET', '/api/a')
    xhr.send()
    await loadend()
    xhr.open('POST', '/api/b')
    xhr.send()
    await loadend()
    expect(emit.mock.calls.map(([event]) => [event.method, event.resource])).toEqual([
      ['GET', `${location.origin}/api/a`],
      ['POST', `${location.origin}/api/b`],
    ])
    expect(emit.mock.calls[1][0].traceId).toBe(TRACEPARENT.exec(headers[1].traceparent)![1])
  })

  it('reports a request with its own status when the page opens the same XMLHttpRequest again from its load handler', async () => {
    const xhr = new XMLHttpRequest()
    let reopened = false
    xhr.addEventListener('loadend', () => {
      if (reopened) return
      reopened = true
      xhr.open('GET', '/api/next')
      xhr.send()
    })
    xhr.open('GET', '/api/first')
    xhr.send()
    await loadend()
    await loadend()
    expect(emit.mock.calls.map(([event]) => [event.resource, event.status])).toEqual([
      [`${location.origin}/api/first`, 200],
      [`${location.origin}/api/next`, 200],
    ])
  })

  it('keeps a traceparent the page set itself on an XMLHttpRequest (one header, not two), and records its trace id', async () => {
    const theirs = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01'
    const xhr = new XMLHttpRequest()
    xhr.open('GET', '/api/a')
    xhr.setRequestHeader('TraceParent', theirs)
    xhr.send()
    await loadend()
    expect(headers[0]).toEqual({ TraceParent: theirs })
    expect(emit.mock.calls[0][0].traceId).toBe('0af7651916cd43dd8448eb211c80319c')
    // The next request on it is rumlet's to trace again.
    xhr.open('GET', '/api/b')
    xhr.send()
    await loadend()
    expect(headers[1].traceparent).toMatch(TRACEPARENT)
  })

  it('forgets a send the browser refused at once, and keeps the trace of the request under way', async () => {
    const xhr = new XMLHttpRequest()
    xhr.open('GET', '/api/slow')
    xhr.send()
    const first = inFlight()
    expect(() => xhr.send()).toThrow('already sent')
    expect(inFlight()).toBe(first)
    await loadend()
    expect(emit).toHaveBeenCalledTimes(1)
    expect(inFlight()).toBeUndefined()
  })
})
