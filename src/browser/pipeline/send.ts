import { byteLength } from '../lib/byteLength'

/** What a send learned: the HTTP status (0 when the network failed) and any Retry-After. */
export interface Answer {
  status: number
  retryAfter: string | null
}

// Compressing a small body costs more than it saves.
const GZIP_FROM_BYTES = 1024
const POST_TIMEOUT_MS = 30_000

/** Gzips a body with CompressionStream where the browser has it and the result is smaller. */
export async function gzip(body: string): Promise<string | Uint8Array<ArrayBuffer>> {
  if (typeof CompressionStream === 'undefined' || body.length < GZIP_FROM_BYTES) return body
  try {
    const stream = new Blob([body]).stream().pipeThrough(new CompressionStream('gzip'))
    const packed = new Uint8Array(await new Response(stream).arrayBuffer())
    return packed.length < byteLength(body) ? packed : body
  } catch {
    return body
  }
}

/**
 * Posts one body. `text/plain` is a CORS-safelisted type, so a collector on another origin needs
 * no preflight; the collector recognises a gzip body by its magic bytes.
 */
export async function post(endpoint: string, body: string): Promise<Answer> {
  // A collector that never answers must not hold the send (and its lock) for good: after 30 s
  // the request is a network failure, retried later.
  const abort = new AbortController()
  const timer = setTimeout(() => abort.abort(), POST_TIMEOUT_MS)
  try {
    const response = await fetch(endpoint, {
      method: 'POST',
      body: await gzip(body),
      headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
      credentials: 'omit',
      signal: abort.signal,
    })
    return { status: response.status, retryAfter: response.headers.get('Retry-After') }
  } catch {
    return { status: 0, retryAfter: null }
  } finally {
    clearTimeout(timer)
  }
}

/**
 * Sends one body from a page that may be leaving, in the same task (no compression: it is
 * asynchronous). `sendBeacon` outlives the page; when it refuses (its 64 KiB in-flight quota is
 * shared with the page's own beacons), a keepalive fetch is the next best thing.
 */
export function beacon(endpoint: string, body: string): void {
  try {
    if (navigator.sendBeacon(endpoint, body)) return
  } catch {}
  fetch(endpoint, { method: 'POST', body, keepalive: true, credentials: 'omit' }).catch(() => {})
}
