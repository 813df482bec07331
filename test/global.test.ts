// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionEvent, ErrorEvent } from '../src/wire'
import { ENDPOINT, QUIET, T0, freshPage, sent } from './fakePage'

// The page runs the real inline loader (loader.ts) from a <script data-src data-endpoint …>, makes
// its calls on the stub, then the bundle (global.ts) runs as the script the loader inserted.
// happy-dom is told not to fetch that script's src.

type Stub = Record<string, (...args: unknown[]) => Record<string, (...args: unknown[]) => unknown>> & { q: unknown[] }
type Api = typeof import('../src/browser/index')
const win = window as unknown as { rum?: unknown; happyDOM: { settings: Record<string, unknown> } }

let loaderScript: HTMLScriptElement

beforeEach(() => {
  freshPage()
  delete win.rum
  document.head.replaceChildren()
  win.happyDOM.settings.disableJavaScriptFileLoading = true
  win.happyDOM.settings.handleDisabledFileLoadingAsSuccess = true
})

const setCurrentScript = (script: HTMLScriptElement) =>
  Object.defineProperty(document, 'currentScript', { configurable: true, get: () => script })

/** Runs the inline loader from a script tag with these `data-*` options; returns `window.rum`. */
async function runLoader(dataset: Record<string, string> = {}): Promise<Stub> {
  loaderScript = document.createElement('script')
  Object.assign(loaderScript.dataset, { src: 'https://cdn.test/rumlet.js' }, dataset)
  document.head.append(loaderScript)
  setCurrentScript(loaderScript)
  // @ts-expect-error loader.ts is a classic script (no exports): it is inlined into pages.
  await import('../src/browser/loader')
  return win.rum as Stub
}

/** Runs the bundle as the script the loader inserted; returns the real `window.rum`. */
async function runBundle(): Promise<Api> {
  const inserted = loaderScript.nextElementSibling as HTMLScriptElement
  expect(inserted.src).toBe('https://cdn.test/rumlet.js')
  setCurrentScript(inserted)
  await import('../src/browser/global')
  return win.rum as Api
}

/** Options as data-* attributes: the public API as the only source of events, sent on flush. */
const DATASET = { endpoint: ENDPOINT, flushInterval: '60000', trackErrors: 'false', trackVitals: 'false', trackPageViews: 'false' }

const actions = () => sent().filter((e): e is ActionEvent => e.type === 'action')

describe('the bundle replays the loader queue', () => {
  it('in order, each call at its own time, then starts from data-endpoint', async () => {
    const stub = await runLoader(DATASET)
    vi.setSystemTime(T0 + 1)
    stub.setUser('u1')
    stub.setAttributes({ plan: 'pro' })
    vi.setSystemTime(T0 + 2)
    stub.trackAction('a', { n: 1 })
    vi.setSystemTime(T0 + 3)
    stub.setUser(null)
    stub.trackAction('b')
    vi.setSystemTime(T0 + 5000)
    const rum = await runBundle()
    expect(rum).not.toBe(stub)
    await rum.flush()
    expect(actions().map((e) => [e.name, e.time, e.userId, e.attributes])).toEqual([
      ['a', T0 + 2, 'u1', { plan: 'pro', n: 1 }],
      ['b', T0 + 3, undefined, { plan: 'pro' }],
    ])
    expect(rum.getSessionId()).toBe(sent()[0].sessionId)
  })

  it('answers before the bundle as the real functions would: flush a promise, getSessionId nothing, startAction a handle', async () => {
    const stub = await runLoader(DATASET)
    await expect(stub.flush().then(() => 'resolved')).resolves.toBe('resolved')
    expect(stub.getSessionId()).toBeUndefined()
    const upload = stub.startAction('upload')
    expect(typeof upload.end).toBe('function')
    expect(typeof upload.fail).toBe('function')
    upload.end()
    const rum = await runBundle()
    await rum.flush()
    expect(actions().map((e) => e.name)).toEqual(['upload'])
  })

  it('with the page’s own init in the queue: calls before and after it keep their order and times', async () => {
    const stub = await runLoader()
    stub.trackAction('before')
    vi.setSystemTime(T0 + 10)
    stub.init({ ...QUIET, app: 'shop' })
    vi.setSystemTime(T0 + 20)
    stub.trackAction('after')
    vi.setSystemTime(T0 + 5000)
    const rum = await runBundle()
    await rum.flush()
    expect(actions().map((e) => [e.name, e.time, e.app])).toEqual([
      ['before', T0, 'shop'],
      ['after', T0 + 20, 'shop'],
    ])
  })

  it('gives startAction’s stub handle the real end and fail, before and after the bundle came', async () => {
    const stub = await runLoader(DATASET)
    const upload = stub.startAction('upload', { kind: 'avatar' })
    vi.setSystemTime(T0 + 500)
    upload.end({ bytes: 42 })
    upload.end({ bytes: 43 })
    const pay = stub.startAction('pay')
    vi.setSystemTime(T0 + 1000)
    const rum = await runBundle()
    vi.setSystemTime(T0 + 1800)
    pay.fail(new Error('card declined'))
    pay.end()
    await rum.flush()
    expect(actions()).toMatchObject([
      { name: 'upload', time: T0, duration: 500, ok: true, attributes: { kind: 'avatar', bytes: 42 } },
      { name: 'pay', time: T0 + 500, duration: 1300, ok: false, error: 'card declined' },
    ])
  })

  it('records the errors the loader caught before the bundle, with their time and kind; stops queuing after', async () => {
    const stub = await runLoader({ ...DATASET, trackErrors: 'true' })
    vi.setSystemTime(T0 + 7)
    window.dispatchEvent(new window.ErrorEvent('error', { error: new TypeError('early boom'), message: 'early boom' }))
    vi.setSystemTime(T0 + 8)
    window.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: 'no network' }))
    // A cross-origin script's error comes without an error object.
    vi.setSystemTime(T0 + 9)
    window.dispatchEvent(new window.ErrorEvent('error', { message: 'Script error.' }))
    expect(stub.q).toHaveLength(3)
    vi.setSystemTime(T0 + 5000)
    const rum = await runBundle()
    window.dispatchEvent(new window.ErrorEvent('error', { error: new Error('late'), message: 'late' }))
    expect(stub.q).toHaveLength(3)
    await rum.flush()
    expect(sent() as ErrorEvent[]).toMatchObject([
      { type: 'error', time: T0 + 7, source: 'error', errorType: 'TypeError', message: 'early boom' },
      { type: 'error', time: T0 + 8, source: 'unhandledrejection', errorType: 'string', message: 'no network' },
      { type: 'error', time: T0 + 9, source: 'error', errorType: 'Error', message: 'Script error.' },
      // Caught by the bundle itself.
      { type: 'error', time: T0 + 5000, source: 'error', message: 'late' },
    ])
  })

  it('leaves out the errors the loader caught when trackErrors is false, but not those the page tracked', async () => {
    const stub = await runLoader({ ...DATASET, trackErrors: 'false' })
    window.dispatchEvent(new window.ErrorEvent('error', { error: new TypeError('early boom'), message: 'early boom' }))
    window.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: 'no network' }))
    stub.trackError(new Error('tracked'))
    const rum = await runBundle()
    await rum.flush()
    expect((sent() as ErrorEvent[]).map((e) => [e.source, e.message])).toEqual([['api', 'tracked']])
  })

  it('skips malformed entries without throwing and replays the rest', async () => {
    const stub = await runLoader(DATASET)
    stub.trackAction('first')
    stub.q.push(
      ['trackAction', null, T0],
      ['trackAction', undefined, T0],
      ['noSuchMethod', ['x'], T0],
      ['toString', [], T0],
      42,
      null,
      ['end', [], T0],
      ['startAction', ['orphan'], T0],
      ['_early', [], T0],
    )
    // `end` on a handle whose action never started: the stub's end queues again, and is ignored.
    stub.trackAction('second').end()
    vi.setSystemTime(T0 + 1)
    stub.trackAction('last')
    const rum = await runBundle()
    await rum.flush()
    expect(actions().map((e) => e.name)).toEqual(['first', 'second', 'last'])
    expect(sent()).toHaveLength(3)
  })
})
