import type { ResourceEvent } from '../../wire'
import { guard } from '../lib/guard'
import { wrap } from '../lib/wrap'
import type { RumModule } from '../types'

/** `bytes` random bytes as lowercase hex (without `Array.from`, which a page may have replaced: Prototype.js's ignores a map function). */
const hex = (bytes: number) => {
  let text = ''
  for (const byte of crypto.getRandomValues(new Uint8Array(bytes))) text += (byte | 256).toString(16).slice(1)
  return text
}

type Trace = { start: number; traceId?: string; header?: string | false } | undefined

/**
 * Opt-in module (`rumlet/network`, or `dist/rumlet.network.js`): records the page's fetch and
 * XMLHttpRequest calls as `resource` events (method, URL, status, duration, size when the
 * response says it) and adds a W3C `traceparent` header (https://www.w3.org/TR/trace-context/)
 * to those going to the page's own origin or to one of the `propagateTraceTo` origins (others
 * would need a CORS preflight for it), recording the trace id. rumlet's own requests use the
 * browser's fetch as it was before any wrapper, so they are never seen here. The trace id of the
 * latest request still under way goes on the errors raised meanwhile.
 *
 * @example
 * init({ endpoint: '/rum', propagateTraceTo: ['https://api.example.com'], modules: [network] })
 */
export const network: RumModule = ({ emit, config, skip }) => {
  // As fetch and XMLHttpRequest resolve a relative URL: against the document's base URL.
  const resolve = (url: string) => new URL(url, document.baseURI)
  const active: string[] = []
  const origins = [location.origin, ...(config.propagateTraceTo || []).map((origin) => new URL(origin).origin)]

  // The trace of one request: its header value, or nothing for an origin not listed. A trace
  // the page started itself (its own `traceparent`) is kept, and recorded.
  const begin = (url: string, theirs?: string | null): Trace => {
    const given = theirs ? theirs.split('-')[1] : ''
    const traceId = theirs ? (/^[\da-f]{32}$/.test(given) ? given : undefined) : origins.includes(resolve(url).origin) ? hex(16) : undefined
    if (traceId) active.push(traceId)
    return { start: performance.now(), traceId, header: !theirs && traceId && `00-${traceId}-${hex(8)}-01` }
  }
  const forget = (trace: Trace) => {
    const i = trace && trace.traceId ? active.indexOf(trace.traceId) : -1
    if (i >= 0) active.splice(i, 1)
  }
  const end = (trace: Trace, kind: string, method: string, url: string, status: number, size: string | null) => {
    if (!trace) return
    forget(trace)
    emit<ResourceEvent>({
      type: 'resource',
      kind,
      method: method.toUpperCase().slice(0, 16),
      // The URL as the page wrote it, resolved; assembling scrubs it.
      resource: resolve(url).href,
      status,
      duration: Math.round(performance.now() - trace.start),
      size: size ? +size : undefined,
      traceId: trace.traceId,
    })
  }

  const stops = [
    wrap(window, 'fetch', (original, on) =>
      function (this: unknown, input: RequestInfo | URL, init?: RequestInit) {
        let trace: Trace
        let url = ''
        let method = 'GET'
        if (on())
          try {
            const request = input instanceof Request ? input : undefined
            url = request ? request.url : String(input)
            method = (init && init.method) || (request ? request.method : 'GET')
            const headers = new Headers((init && init.headers) || (request && request.headers))
            trace = begin(url, headers.get('traceparent'))
            if (trace && trace.header) {
              headers.set('traceparent', trace.header)
              // A Request alone stays alone: any init would reset its referrer and referrer policy.
              if (request && !init) (input = new Request(request)).headers.set('traceparent', trace.header)
              // Everything else of the page's init as fetch would read it, its prototype's too.
              else init = Object.assign(Object.create(init || null), { headers })
            }
          } catch {}
        const done = guard((status: number, size: string | null) => end(trace, 'fetch', method, url, status, size))
        return original.call(this, input, init).then(
          (response) => (done(response.status, response.headers.get('content-length')), response),
          (error) => (done(0, null), Promise.reject(error)),
        )
      },
      skip,
    ),
  ]

  // `_rumEnd` reports the request under way, once: at its loadend, or when the page opens the
  // same XMLHttpRequest again first (from its own load handler, which runs before ours; or
  // mid-request, which ends that request without a loadend).
  // `_rum` is [method, URL, the page's own traceparent if it set one].
  type Tracked = XMLHttpRequest & { _rum?: [method: string, url: string, theirs?: string]; _rumEnd?: () => void }
  const xhr = XMLHttpRequest.prototype as Tracked
  const { setRequestHeader } = xhr
  stops.push(
    wrap(xhr, 'open', (open, on) =>
      function (this: Tracked, method: string, url: string | URL) {
        if (this._rumEnd) this._rumEnd()
        this._rum = on() ? [String(method), String(url)] : undefined
        // eslint-disable-next-line prefer-rest-params
        return open.apply(this, arguments as unknown as Parameters<typeof open>)
      },
      skip,
      'XMLHttpRequest.prototype.open',
    ),
    wrap(xhr, 'setRequestHeader', (original) =>
      function (this: Tracked, name: string, value: string) {
        if (this._rum && /^traceparent$/i.test(name)) this._rum[2] = value
        // eslint-disable-next-line prefer-rest-params
        return original.apply(this, arguments as unknown as Parameters<typeof setRequestHeader>)
      },
      skip,
      'XMLHttpRequest.prototype.setRequestHeader',
    ),
    wrap(xhr, 'send', (send) =>
      function (this: Tracked, body?: Document | XMLHttpRequestBodyInit | null) {
        const call = this._rum
        let trace: Trace
        try {
          trace = call && begin(call[1], call[2])
          if (trace && trace.header) setRequestHeader.call(this, 'traceparent', trace.header)
        } catch {}
        let result
        try {
          result = send.call(this, body)
        } catch (e) {
          // Refused at once (sent twice, say): this request never started; one under way goes on.
          forget(trace)
          throw e
        }
        if (trace) {
          let ended = false
          const done = (this._rumEnd = guard(() => {
            if (ended) return
            ended = true
            this._rumEnd = undefined
            end(trace, 'xhr', call![0], call![1], this.status, this.getResponseHeader('content-length'))
          }))
          // A synchronous request has ended by now.
          if (this.readyState === 4) done()
          else this.addEventListener('loadend', done, { once: true })
        }
        return result
      },
      skip,
      'XMLHttpRequest.prototype.send',
    ),
  )

  return {
    stop: () => stops.map((stop) => stop()),
    traceId: () => active[active.length - 1],
  }
}
