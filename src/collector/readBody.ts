import type { IncomingMessage } from 'node:http'
import { gunzipSync } from 'node:zlib'

/** An HTTP error with the status and the short reason the client gets. */
export class HttpError extends Error {
  constructor(readonly status: number, message: string) {
    super(message)
  }
}

/** Largest request body accepted, compressed (the snippet sends at most 64 KiB). */
export const MAX_BODY = 1024 * 1024
/** Largest body after gunzip: guards against a small gzip bomb (the snippet's bodies are 16 KiB). */
export const MAX_INFLATED = 1024 * 1024

/**
 * Reads a request body as text, gunzipping it when it starts with the gzip magic bytes (the
 * snippet posts gzip under `text/plain`, with no Content-Encoding, to avoid a CORS preflight).
 */
export async function readBody(request: IncomingMessage): Promise<string> {
  const encoding = request.headers['content-encoding']
  if (encoding && !/^(gzip|identity)$/i.test(encoding.trim())) throw new HttpError(415, 'Content-Encoding must be gzip or none')
  if (Number(request.headers['content-length']) > MAX_BODY) throw new HttpError(413, `body over ${MAX_BODY} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of request) {
    size += chunk.length
    if (size > MAX_BODY) throw new HttpError(413, `body over ${MAX_BODY} bytes`)
    chunks.push(chunk)
  }
  let body = Buffer.concat(chunks)
  if (body[0] === 0x1f && body[1] === 0x8b) {
    try {
      body = gunzipSync(body, { maxOutputLength: MAX_INFLATED })
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new HttpError(413, `body over ${MAX_INFLATED} bytes once gunzipped`)
      throw new HttpError(400, 'body is not valid gzip')
    }
  }
  return body.toString('utf8')
}
