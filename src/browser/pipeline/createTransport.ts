import { native } from '../lib/native'

/** What a POST learned: the HTTP status (0 when the network failed) and any Retry-After. */
export interface Answer {
  _status: number
  _retryAfter?: string | null
}

// The browser's own function `get` reads, bound to `that`: also when the page (or a script before
// rumlet: an APM's tracing wrapper, a fetch shim adding a CSRF header, a polyfill) replaced or
// wrapped it, a fresh frame's (native.ts). rumlet's own requests then never pass through anybody's
// wrapper (a header it adds fails the collector's CORS preflight; rumlet's network timing would
// record them), and a page that replaces them later cannot break delivery. Undefined where the
// browser has none.
const own = <T extends (...args: never[]) => unknown>(get: (window: typeof globalThis) => T | undefined, that: () => object): T | undefined => {
  try {
    const [fn] = native((window) => [get(window)]) || [get(globalThis)]
    return fn && (fn.bind(that()) as T)
  } catch {}
}

/** Compressing a body smaller than this costs more than it saves (bytes). */
const GZIP_FROM = 1024
/** A collector that never answers must not hold a send (and its lock) for good (ms). */
const POST_TIMEOUT_MS = 30_000

/**
 * Compressed in pieces of this many bytes, with a task between them: a 256 KiB send is then
 * never one long task of compression on a slow phone (4× CPU: about 8 ms a piece).
 */
const GZIP_PIECE = 64 * 1024

/**
 * Gzips a body with CompressionStream where the browser has it (else, or when it fails, the body
 * as it is). The UTF-8 bytes go in a piece at a time, each in a task of its own (no `Blob`, whose
 * stream costs a synchronous round trip to the browser process).
 */
export async function gzip(body: string): Promise<string | ArrayBuffer> {
  try {
    if (body.length >= GZIP_FROM) {
      const stream = new CompressionStream('gzip')
      const out = new Response(stream.readable).arrayBuffer()
      const writer = stream.writable.getWriter()
      const bytes = new TextEncoder().encode(body)
      for (let at = 0; at < bytes.length; at += GZIP_PIECE) {
        await new Promise((next) => setTimeout(next))
        await writer.write(bytes.subarray(at, at + GZIP_PIECE))
      }
      await writer.close()
      return await out
    }
  } catch {}
  return body
}

/**
 * How bodies reach `endpoint`: `post` for sends (gzipped, answered), `beacon` for a page that
 * may be leaving (same task, no answer). `text/plain` is a CORS-safelisted type, so a collector
 * on another origin needs no preflight; the collector recognises gzip by its magic bytes.
 */
export function createTransport(endpoint: string, send = own((window) => window.fetch, () => globalThis)!, sendBeacon = own((window) => window.navigator.sendBeacon, () => navigator)) {
  const request = (body: BodyInit, more?: RequestInit) => send(endpoint, { method: 'POST', body, credentials: 'omit', ...more })
  return {
    /** Posts one body; never rejects. No answer within 30 s is a network failure. */
    async _post(body: string): Promise<Answer> {
      try {
        const response = await request(await gzip(body), {
          headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
          signal: AbortSignal.timeout && AbortSignal.timeout(POST_TIMEOUT_MS),
        })
        return { _status: response.status, _retryAfter: response.headers.get('Retry-After') }
      } catch {
        return { _status: 0 }
      }
    },

    /**
     * Sends one body from a page that may be leaving, in this task. `sendBeacon` outlives the
     * page; when it refuses (its 64 KiB in-flight quota is shared with the page's own beacons),
     * a keepalive fetch is the next best thing.
     */
    _beacon(body: string): void {
      try {
        if (sendBeacon!(endpoint, body)) return
      } catch {}
      try {
        request(body, { keepalive: true }).catch(() => {})
      } catch {}
    },
  }
}

export type Transport = ReturnType<typeof createTransport>
