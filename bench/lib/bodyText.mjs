import { gunzipSync, inflateSync } from 'node:zlib'

/** A request body as text: gunzipped when it starts with gzip's magic bytes (rumlet, Elastic), inflated when it says deflate. */
export function bodyText(request) {
  const body = request.body
  if (body[0] === 0x1f && body[1] === 0x8b) return gunzipSync(body).toString('utf8')
  if (request.headers['content-encoding'] === 'deflate') return inflateSync(body).toString('utf8')
  return body.toString('utf8')
}

/** The JSON lines of an NDJSON body; a line that does not parse is skipped (and counted by the caller as undecoded). */
export function ndjson(text) {
  const out = []
  for (const line of text.split('\n')) {
    if (!line.trim()) continue
    try {
      out.push(JSON.parse(line))
    } catch {
      out.push(undefined)
    }
  }
  return out
}
