import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { connect } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openStore, type Store } from '../src/collector/store/openStore'
import { startServer } from '../src/collector/server/startServer'
import type { Batch, RumEvent } from '../src/wire'

// A real server on 127.0.0.1 and a free port, over a real in-memory DuckDB, spoken to with fetch.

const SNIPPET = '/* rumlet test snippet */ window.rumlet = {}'
const DEMO_PAGE = '<!doctype html><title>rumlet demo under test</title>'
const SPA_PAGE = '<!doctype html><title>rumlet spa under test</title>'
const DASHBOARD_PAGE = '<!doctype html><title>rumlet dashboard</title>'
const SECRET = 'a file at the root, outside dist/ and demo/'
const TEXT = { 'Content-Type': 'text/plain;charset=UTF-8' } // what sendBeacon and the snippet's fetch send

const T0 = 1_700_000_000_000
const vital = (id: string, time = T0, sessionId = 's1'): RumEvent => ({
  id, type: 'vital', time, sessionId, viewId: 'v1', url: 'https://shop.example/', name: 'LCP', value: 1500, delta: 1500, rating: 'good', metricId: `m-${id}`,
})
const action = (id: string, time = T0, sessionId = 's1'): RumEvent => ({
  id, type: 'action', time, sessionId, viewId: 'v1', url: 'https://shop.example/', name: 'buy', duration: 40, ok: true, source: 'api', attributes: { qty: 2, gift: false, sku: 'A-1' },
})
/** An event with a field the wire format does not define (a newer snippet's, or an attacker's). */
const withExtra = (event: RumEvent, x: unknown) => ({ ...event, x }) as unknown as RumEvent
// No sentAt: these events keep the times they were sent with (skew correction has tests of its own).
const batchOf = (...events: RumEvent[]): Omit<Batch, 'sentAt'> => ({ schema: 1, sdk: '0.1.0', events })

let store: Store
let url: string
let close: () => Promise<void>
let root: string

beforeEach(async () => {
  root = mkdtempSync(join(tmpdir(), 'rumlet-server-'))
  mkdirSync(join(root, 'dist'))
  mkdirSync(join(root, 'demo'))
  writeFileSync(join(root, 'dist', 'rumlet.js'), SNIPPET)
  writeFileSync(join(root, 'demo', 'index.html'), DEMO_PAGE)
  writeFileSync(join(root, 'demo', 'spa.html'), SPA_PAGE)
  // What the build makes of src/collector/dashboard/: the page / serves.
  mkdirSync(join(root, 'dist', 'dashboard'))
  writeFileSync(join(root, 'dist', 'dashboard', 'index.html'), DASHBOARD_PAGE)
  writeFileSync(join(root, 'secret.txt'), SECRET)
  store = await openStore(':memory:')
  ;({ url, close } = await startServer(store, { port: 0, host: '127.0.0.1', root, demo: true }))
})

afterEach(async () => {
  vi.restoreAllMocks()
  await close()
  await store.close()
  rmSync(root, { recursive: true, force: true })
})

/** A bound on each request, so a server that hangs fails the test with a reason instead of a test timeout. */
const soon = () => AbortSignal.timeout(3000)
const post = (body: string | Buffer, headers: Record<string, string> = TEXT) =>
  fetch(`${url}/rum`, { method: 'POST', headers, body: typeof body === 'string' ? body : new Uint8Array(body), signal: soon() })
const postBatch = (batch: unknown) => post(JSON.stringify(batch))

/** The events the server lists at /api/events with the given query. */
async function listed(query = ''): Promise<RumEvent[]> {
  const response = await fetch(`${url}/api/events${query}`, { signal: soon() })
  expect(response.status).toBe(200)
  return ((await response.json()) as { events: RumEvent[] }).events
}
const listedIds = async (query = '') => (await listed(query)).map((event) => event.id)

/** Checks a JSON error answer: its status and an {error} reason. */
async function expectError(response: Response, status: number) {
  expect(response.status).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const body = (await response.json()) as { error: unknown }
  expect(typeof body.error).toBe('string')
  expect(body.error).not.toBe('')
  return body.error as string
}

/** After a bad request, a valid batch is still stored: the server is up. */
async function expectStillServing() {
  const response = await postBatch(batchOf(vital('still-up')))
  expect(response.status).toBe(200)
  expect(await listedIds('?type=vital&sessionId=s1')).toContain('still-up')
}

/** Sends `text` as it is over a fresh connection; resolves with what came back. */
function rawRequest(text: string): Promise<string> {
  return new Promise((done, fail) => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1', () => socket.end(text))
    let answer = ''
    socket.setEncoding('utf8')
    socket.on('data', (chunk) => (answer += chunk))
    socket.on('end', () => done(answer))
    socket.on('error', fail)
  })
}

/** A GET with the path sent exactly as written (fetch would normalise some paths). */
function rawGet(path: string): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const request = httpRequest(`${url}${path}`, { method: 'GET' }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk) => (body += chunk))
      response.on('end', () => done({ status: response.statusCode!, body }))
    })
    request.on('error', fail)
    request.end()
  })
}

describe('POST /rum', () => {
  it('stores a valid batch, answers 200 {stored, duplicates}, and /api/events then lists it', async () => {
    const events = [vital('a', T0 + 1), action('b', T0 + 2)]
    const response = await postBatch(batchOf(...events))
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await response.json()).toEqual({ stored: 2, duplicates: 0 })
    expect(await listed()).toEqual(events)
  })

  it('accepts the same batch gzip-compressed, recognised by its magic bytes under a text/plain type', async () => {
    const events = [vital('a', T0 + 1), action('b', T0 + 2)]
    const response = await post(gzipSync(JSON.stringify(batchOf(...events))))
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ stored: 2, duplicates: 0 })
    expect(await listed()).toEqual(events)
  })

  it('answers a resend with duplicates and stores no new rows', async () => {
    const batch = batchOf(vital('a', T0 + 1), action('b', T0 + 2))
    await postBatch(batch)
    const again = await postBatch(batch)
    expect(again.status).toBe(200)
    expect(await again.json()).toEqual({ stored: 0, duplicates: 2 })
    const gzipped = await post(gzipSync(JSON.stringify(batchOf(vital('a', T0 + 1), vital('c', T0 + 3)))))
    expect(await gzipped.json()).toEqual({ stored: 1, duplicates: 1 })
    expect(await listedIds()).toEqual(['a', 'b', 'c'])
  })

  it('carries Access-Control-Allow-Origin: * on its answers, good and bad; the events API and the dashboard do not', async () => {
    expect((await postBatch(batchOf(vital('a')))).headers.get('access-control-allow-origin')).toBe('*')
    expect((await post('{')).headers.get('access-control-allow-origin')).toBe('*')
    for (const path of ['/api/events', '/api/stats', '/']) {
      const response = await fetch(`${url}${path}`, { headers: { Origin: 'https://elsewhere.example' } })
      expect(response.status).toBe(200)
      expect(response.headers.get('access-control-allow-origin')).toBeNull()
    }
    const preflight = await fetch(`${url}/api/events`, { method: 'OPTIONS', headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET' } })
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses a Content-Encoding other than gzip with 415, and accepts gzip labelled as such', async () => {
    const body = JSON.stringify(batchOf(vital('a')))
    for (const encoding of ['br', 'deflate']) expect(await expectError(await post(body, { ...TEXT, 'Content-Encoding': encoding }), 415)).toMatch(/Content-Encoding/)
    expect((await post(gzipSync(body), { ...TEXT, 'Content-Encoding': 'gzip' })).status).toBe(200)
    expect(await listedIds()).toEqual(['a'])
  })

  it('refuses a small body that would cost the store dearly (deep nesting, a huge extra field, too many events) with 400', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const deep = JSON.stringify(batchOf(withExtra(vital('a'), 'X'))).replace('"X"', '['.repeat(5000) + ']'.repeat(5000))
    expect(await expectError(await post(deep), 400)).toMatch(/events\[0\] nests deeper/)
    // 4 million zeros gzip to about 8 KB.
    const zeros = gzipSync(JSON.stringify(batchOf(withExtra(vital('b'), new Array(4_000_000).fill(0)))))
    expect(zeros.length).toBeLessThan(16 * 1024)
    await expectError(await post(zeros), 413)
    const wide = JSON.stringify(batchOf(withExtra(vital('c'), new Array(40_000).fill(0))))
    expect(await expectError(await post(wide), 400)).toMatch(/events\[0\] is over 65536/)
    const many = JSON.stringify(batchOf(...Array.from({ length: 1001 }, (_, i) => vital(`m${i}`))))
    expect(await expectError(await post(many), 400)).toMatch(/over 1000 events/)
    expect(errors).not.toHaveBeenCalled()
    expect(await listed()).toEqual([])
    await expectStillServing()
  })

  it('answers a request target that is not a URL with 400, not a server error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    for (const line of ['GET //[ HTTP/1.1', 'POST http://[/rum HTTP/1.1']) expect(await rawRequest(`${line}\r\nHost: x\r\nContent-Length: 0\r\n\r\n`)).toMatch(/^HTTP\/1\.1 400/)
    expect(errors).not.toHaveBeenCalled()
    await expectStillServing()
  })

  it('takes a sender that went away mid-body quietly: no error logged, nothing stored, still serving', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const socket = connect(Number(new URL(url).port), '127.0.0.1')
    await new Promise((resolve) => socket.once('connect', resolve))
    socket.write('POST /rum HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\nContent-Length: 1000\r\n\r\n{"schema":1')
    await new Promise((resolve) => setTimeout(resolve, 50))
    socket.destroy()
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(errors).not.toHaveBeenCalled()
    expect(await listed()).toEqual([])
    await expectStillServing()
  })

  it('refuses malformed JSON with 400 and a reason, and stores nothing', async () => {
    const reason = await expectError(await post('{"schema":1,"sdk":"0.1.0","events":[' + JSON.stringify(vital('a'))), 400)
    expect(reason).toMatch(/JSON/)
    expect(await listed()).toEqual([])
    await expectStillServing()
  })

  it('refuses a batch holding one invalid event with 400 naming the field, and stores none of its events', async () => {
    const bad = { ...vital('bad'), rating: 'splendid' } as unknown as RumEvent
    const reason = await expectError(await postBatch(batchOf(vital('a'), action('b'), bad)), 400)
    expect(reason).toContain('events[2].rating')
    expect(await listed()).toEqual([])
    await expectStillServing()
  })

  it('refuses a batch of an unknown schema with 400', async () => {
    expect(await expectError(await postBatch({ ...batchOf(vital('a')), schema: 2 }), 400)).toContain('schema')
    expect(await listed()).toEqual([])
  })

  it('refuses a body over 1 MiB with 413, and stores nothing', async () => {
    const big = JSON.stringify(batchOf({ ...vital('a'), url: 'x'.repeat(1024 * 1024) }))
    await expectError(await post(big), 413)
    expect(await listed()).toEqual([])
    await expectStillServing()
  })

  it('refuses a body over 1 MiB sent without Content-Length (chunked) with 413, and the next request still gets an answer', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024))
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 20) controller.enqueue(chunk) // 1.25 MiB in all
        else controller.close()
      },
    })
    const response = await fetch(`${url}/rum`, { method: 'POST', headers: TEXT, body, duplex: 'half', signal: soon() } as RequestInit)
    await expectError(response, 413)
    // fetch reuses the connection when the answer allows it: the unread rest of the body must not jam it.
    await expectStillServing()
  })

  it('refuses a gzip body that inflates past 1 MiB with 413', async () => {
    const bomb = gzipSync(Buffer.alloc(1024 * 1024 + 1, 0x20))
    expect(bomb.length).toBeLessThan(1024 * 1024)
    await expectError(await post(bomb), 413)
    expect(await listed()).toEqual([])
    await expectStillServing()
  })

  it('refuses a body that starts with the gzip magic bytes but is not gzip with 400', async () => {
    const reason = await expectError(await post(Buffer.from([0x1f, 0x8b, 0x08, 0x00, 1, 2, 3, 4, 5, 6, 7])), 400)
    expect(reason).toMatch(/gzip/)
    await expectStillServing()
  })

  it('refuses a batch whose event time does not fit the store with 400, not a server error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await postBatch(batchOf(vital('a'), vital('far-future', 1e19)))
    expect(errors).not.toHaveBeenCalled()
    await expectError(response, 400)
    expect(await listed()).toEqual([])
  })

  it('answers GET /rum with 405', async () => {
    await expectError(await fetch(`${url}/rum`), 405)
    await expectStillServing()
  })

  it('answers the CORS preflight OPTIONS /rum with 204 and Access-Control-Allow-Origin: *', async () => {
    const response = await fetch(`${url}/rum`, {
      method: 'OPTIONS',
      headers: { Origin: 'https://shop.example', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type' },
    })
    expect(response.status).toBe(204)
    expect(response.headers.get('access-control-allow-origin')).toBe('*')
    expect(response.headers.get('access-control-allow-methods')).toContain('POST')
    expect(response.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('content-type')
  })
})

describe('POST /api/maintenance', () => {
  it('refuses a request carrying an Origin (a web page on this machine) with 403, and ingest goes on', async () => {
    const fromPage = await fetch(`${url}/api/maintenance?seconds=600`, { method: 'POST', headers: { ...TEXT, Origin: 'https://evil.example' } })
    expect(await expectError(fromPage, 403)).toMatch(/web page/)
    expect((await postBatch(batchOf(vital('a')))).status).toBe(200)
    const fromHere = await fetch(`${url}/api/maintenance?seconds=600&retryAfter=3`, { method: 'POST' })
    expect(fromHere.status).toBe(200)
    const refused = await postBatch(batchOf(vital('b')))
    expect(refused.status).toBe(503)
    expect(refused.headers.get('retry-after')).toBe('3')
  })
})

describe('GET /api/events', () => {
  beforeEach(async () => {
    await postBatch(batchOf(action('d', T0 + 30, 's2'), vital('a', T0, 's1'), vital('c', T0 + 20, 's2'), action('b', T0 + 10, 's1')))
  })

  it('lists every stored event, oldest first', async () => {
    expect(await listedIds()).toEqual(['a', 'b', 'c', 'd'])
  })

  it('filters on type, sessionId, since and limit', async () => {
    expect(await listedIds('?type=action')).toEqual(['b', 'd'])
    expect(await listedIds('?sessionId=s2')).toEqual(['c', 'd'])
    expect(await listedIds(`?since=${T0 + 10}`)).toEqual(['b', 'c', 'd'])
    expect(await listedIds('?limit=2')).toEqual(['a', 'b'])
    expect(await listedIds(`?type=vital&sessionId=s2&since=${T0}`)).toEqual(['c'])
  })

  it('refuses a limit or since that is not a whole number in range with 400', async () => {
    for (const query of ['?limit=abc', '?limit=0', '?limit=1.5', '?limit=-1', '?limit=100001', '?since=yesterday', '?since=-5']) {
      const reason = await expectError(await fetch(`${url}/api/events${query}`), 400)
      expect(reason).toContain(query.slice(1, query.indexOf('=')))
    }
    await expectStillServing()
  })
})

describe('static files', () => {
  it('serves /rumlet.js from root/dist with a JavaScript content type', async () => {
    const response = await fetch(`${url}/rumlet.js`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^(text|application)\/javascript/)
    expect(await response.text()).toBe(SNIPPET)
  })

  it('answers 404 for a snippet file that was not built', async () => {
    await expectError(await fetch(`${url}/rumlet.mjs`), 404)
  })

  it('serves demo/index.html at /demo/ as HTML, and redirects /demo to /demo/', async () => {
    const response = await fetch(`${url}/demo/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
    expect(await response.text()).toBe(DEMO_PAGE)
    const redirect = await fetch(`${url}/demo`, { redirect: 'manual' })
    expect(redirect.status).toBe(301)
    expect(redirect.headers.get('location')).toBe('/demo/')
  })

  it('serves the demo single-page app page for its routes under /demo/spa/', async () => {
    const response = await fetch(`${url}/demo/spa/cart/42`)
    expect(response.status).toBe(200)
    expect(await response.text()).toBe(SPA_PAGE)
  })

  it('serves an HTML page at /', async () => {
    const response = await fetch(`${url}/`)
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toMatch(/^text\/html/)
  })

  it('answers 404 to a path traversal out of the root', async () => {
    for (const path of ['/demo/..%2f..%2fetc/passwd', '/demo/..%2F..%2F..%2F..%2F..%2Fetc%2Fpasswd', '/demo/%2e%2e/%2e%2e/etc/passwd']) {
      const response = await rawGet(path)
      expect(response.status, path).toBe(404)
      expect(response.body).not.toContain('root:')
    }
    await expectStillServing()
  })

  it('answers 404 to a path traversal from /demo/ to files of the root outside demo/', async () => {
    for (const path of ['/demo/..%2fsecret.txt', '/demo/..%2fdist%2frumlet.js']) {
      const response = await rawGet(path)
      expect(response.status, path).toBe(404)
      expect(response.body).not.toContain(SECRET)
    }
  })

  it('answers a path with malformed percent-encoding with a 4xx, not a server error', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {})
    const response = await rawGet('/demo/%E0%A4%A')
    expect(errors).not.toHaveBeenCalled()
    expect(response.status).toBeGreaterThanOrEqual(400)
    expect(response.status).toBeLessThan(500)
    await expectStillServing()
  })

  it('answers an unknown path with 404 and other methods than GET with 405', async () => {
    await expectError(await fetch(`${url}/nowhere`), 404)
    await expectError(await fetch(`${url}/api/events`, { method: 'DELETE' }), 405)
    await expectStillServing()
  })
})

describe('one server after many bad requests', () => {
  it('still stores and lists valid batches', async () => {
    await post('not json')
    await post(Buffer.from([0x1f, 0x8b, 0, 0]))
    await postBatch({ schema: 1, sdk: '0.1.0', events: 'none' })
    await post(JSON.stringify(batchOf({ ...vital('a'), url: 'x'.repeat(1024 * 1024) })))
    await fetch(`${url}/rum`)
    await fetch(`${url}/api/events?limit=abc`)
    await rawGet('/demo/..%2f..%2fetc/passwd')
    const response = await postBatch(batchOf(vital('ok')))
    expect(await response.json()).toEqual({ stored: 1, duplicates: 0 })
    expect(await listedIds()).toEqual(['ok'])
  })
})

describe('a server without a store (--db none)', () => {
  it('hands batches to its sink, serves the snippet and /api/stats, and answers 404 saying why to the dashboard and the reads', async () => {
    const taken: string[] = []
    const sink = { insert: async (rows: { id: string }[]) => (taken.push(...rows.map((row) => row.id)), { stored: rows.length, duplicates: 0 }) }
    const gateway = await startServer(undefined, { port: 0, host: '127.0.0.1', root, sink })
    try {
      const response = await fetch(`${gateway.url}/rum`, { method: 'POST', headers: TEXT, body: JSON.stringify(batchOf(vital('g1'), action('g2'))) })
      expect(await response.json()).toEqual({ stored: 2, duplicates: 0 })
      expect(taken).toEqual(['g1', 'g2'])
      expect(await (await fetch(`${gateway.url}/rumlet.js`)).text()).toBe(SNIPPET)
      expect(await (await fetch(`${gateway.url}/api/stats`)).json()).toMatchObject({ batches: 1, events: 2, stored: 2 })
      for (const path of ['/', '/dashboard/dashboard.js', '/api/vitals', '/api/events', '/api/alerts', '/api/breakdown?by=page']) {
        const read = await fetch(`${gateway.url}${path}`)
        expect(read.status, path).toBe(404)
        expect(await read.json(), path).toEqual({ error: 'no database (--db none): the dashboard and the query API are not served' })
      }
      expect(await (await fetch(`${gateway.url}/nowhere`)).json()).toEqual({ error: 'not found' })
    } finally {
      await gateway.close()
    }
  })

  it('refuses to start with neither a store nor a sink', async () => {
    await expect(startServer(undefined, { port: 0, host: '127.0.0.1', root })).rejects.toThrow('startServer needs a store or a sink')
  })
})
