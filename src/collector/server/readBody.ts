import { promisify } from 'node:util'
import { gunzip as gunzipCallback } from 'node:zlib'
import { HttpError } from './HttpError'

const gunzip = promisify(gunzipCallback)

/** Largest request body accepted, as sent (the snippet's sends hold at most 256 KiB of JSON, gzipped; its beacons 16 KiB, not gzipped). */
export const MAX_BODY = 1024 * 1024
/** Largest body after gunzip: guards against a small gzip bomb (the snippet's bodies hold at most 256 KiB of JSON: startSender's SEND_BYTES). */
export const MAX_INFLATED = 1024 * 1024

/**
 * A request body as text, gunzipped when it starts with the gzip magic bytes 1f 8b (the snippet
 * posts gzip under `text/plain`, with no Content-Encoding, to avoid a CORS preflight). The
 * gunzip runs on libuv's thread pool, not on the event loop. Throws HttpError 415 for a
 * Content-Encoding other than gzip, 413 past MAX_INFLATED once gunzipped, 400 for broken gzip.
 * (MAX_BODY itself is enforced by Hono's bodyLimit before this reads anything.)
 */
export async function readBody(raw: Request): Promise<string> {
  const encoding = raw.headers.get('content-encoding')
  if (encoding && !/^(gzip|identity)$/i.test(encoding.trim())) throw new HttpError(415, 'Content-Encoding must be gzip or none')
  let body = Buffer.from(await raw.arrayBuffer())
  if (body[0] === 0x1f && body[1] === 0x8b) {
    try {
      body = await gunzip(body, { maxOutputLength: MAX_INFLATED })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new HttpError(413, `body over ${MAX_INFLATED} bytes once gunzipped`)
      throw new HttpError(400, 'body is not valid gzip')
    }
  }
  return body.toString('utf8')
}
