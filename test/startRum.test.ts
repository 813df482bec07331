// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionEvent, Batch, DroppedEvent, RumEvent } from '../src/wire'
import { hashToUnit } from '../src/browser/lib/hashToUnit'
import { QUIET, T0, beacons, databases, fetchMock, freshPage, idle, leftByEarlierPage, loadRum, sent, storedSession } from './fakePage'

// startRum is driven through the public API (index.ts), the way a page drives it.

type Rum = Awaited<ReturnType<typeof loadRum>>

beforeEach(freshPage)

const types = () => sent().map((e) => e.type)

describe('consent', () => {
  it('pending keeps events (and the session) out of IndexedDB and off the network; granted sends them with their times', async () => {
    const rum = await loadRum()
    rum.init({ ...QUIET, consent: 'pending' })
    rum.trackAction('a')
    vi.setSystemTime(T0 + 1000)
    rum.trackError(new Error('boom'))
    await rum.flush()
    vi.advanceTimersByTime(120_000) // every timer a pipeline would have set
    await idle()
    expect(fetchMock).not.toHaveBeenCalled()
    expect(await databases()).not.toContain('rumlet')

    vi.setSystemTime(T0 + 200_000)
    rum.setConsent('granted')
    await rum.flush()
    expect(sent().map((e) => [e.type, e.time])).toEqual([['action', T0], ['error', T0 + 1000]])
  })

  it('pending then denied sends nothing and deletes the session and the database earlier pages left', async () => {
    await leftByEarlierPage()
    const rum = await loadRum()
    rum.init({ ...QUIET, consent: 'pending' })
    rum.trackAction('a')
    rum.setConsent('denied')
    rum.trackAction('b')
    await rum.flush()
    vi.advanceTimersByTime(120_000)
    await idle()
    expect(fetchMock).not.toHaveBeenCalled()
    expect(await databases()).not.toContain('rumlet')
    expect(rum.getSessionId()).toBeUndefined()
  })

  it('granted then denied stops sending and deletes what was stored', async () => {
    const rum = await loadRum()
    rum.init(QUIET)
    rum.trackAction('a')
    await rum.flush()
    expect(await databases()).toContain('rumlet')
    rum.trackAction('b')
    rum.setConsent('denied')
    rum.trackAction('c')
    await rum.flush()
    vi.advanceTimersByTime(120_000)
    await idle()
    expect(sent().map((e) => (e as ActionEvent).name)).toEqual(['a'])
    expect(await databases()).not.toContain('rumlet')
  })
  it('denied while a flush is under way: nothing is posted after the denial and the database stays deleted', async () => {
    const rum = await loadRum()
    rum.init(QUIET)
    rum.trackAction('a')
    const flushing = rum.flush()
    rum.setConsent('denied')
    expect(fetchMock).not.toHaveBeenCalled()
    await flushing
    vi.advanceTimersByTime(120_000)
    await idle()
    expect({ posted: sent().length, databases: await databases() }).toEqual({ posted: 0, databases: [] })
  })
})

describe('sampling', () => {
  const record = async (options: object) => {
    const rum = await loadRum()
    rum.init({ ...QUIET, ...options })
    rum.trackAction('a')
    rum.trackPageView('/next')
    rum.trackError(new Error('boom'))
    await rum.flush()
  }

  it('sampleRate 0 sends only errors while errorSampleRate is 1', async () => {
    await record({ sampleRate: 0, errorSampleRate: 1 })
    expect(types()).toEqual(['error'])
  })

  it('sampleRate 0 and errorSampleRate 0 send nothing', async () => {
    await record({ sampleRate: 0, errorSampleRate: 0 })
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('decides from the session id alone: the same id gives the same decision on every load', async () => {
    const [sampleRate, errorSampleRate] = [0.3, 0.5]
    const ids = 'alpha bravo charlie delta echo foxtrot golf hotel india juliet kilo lima'.split(' ')
    const expected = (id: string) =>
      hashToUnit(id) < sampleRate ? ['action', 'view_end', 'page_view', 'error'] : hashToUnit('e' + id) < errorSampleRate ? ['error'] : []
    // The ids cover every outcome, so the test would notice any one of them going wrong.
    expect(new Set(ids.map((id) => expected(id).length))).toEqual(new Set([0, 1, 4]))
    for (const id of ids)
      for (let load = 0; load < 2; load++) {
        freshPage()
        await storedSession(id)
        await record({ sampleRate, errorSampleRate })
        expect(types(), `${id}, load ${load}`).toEqual(expected(id))
        expect(sent().every((e) => e.sessionId === id)).toBe(true)
      }
  })
})

describe('beforeSend', () => {
  const run = async (beforeSend: (event: RumEvent) => RumEvent | null, names = ['a', 'b']) => {
    const rum = await loadRum()
    rum.init({ ...QUIET, beforeSend })
    names.forEach((name, i) => {
      vi.setSystemTime(T0 + i)
      rum.trackAction(name)
    })
    await rum.flush()
    return rum
  }
  const dropped = () => sent().filter((e): e is DroppedEvent => e.type === 'dropped')
  const names = () => sent().filter((e): e is ActionEvent => e.type === 'action').map((e) => e.name)

  it('sends the event it changed', async () => {
    await run((e) => ({ ...e, attributes: { seen: true } }))
    expect(sent().map((e) => e.attributes)).toEqual([{ seen: true }, { seen: true }])
  })

  it('drops an event it returns null for, and a later dropped event counts it as before_send', async () => {
    await run((e) => (e.type === 'action' && e.name === 'a' ? null : e))
    expect(names()).toEqual(['b'])
    expect(dropped().map((e) => e.counts)).toEqual([{ before_send: 1 }])
  })

  it('drops an event it throws on, counted as before_send, and keeps going', async () => {
    const rum = await run((e) => {
      if (e.type === 'action' && e.name === 'a') throw new Error('customer bug')
      return e
    })
    expect(names()).toEqual(['b'])
    expect(dropped().map((e) => e.counts)).toEqual([{ before_send: 1 }])
    expect(() => rum.trackAction('a')).not.toThrow()
  })

  it('sends an event it hands back frozen', async () => {
    await run((e) => Object.freeze({ ...e, attributes: { seen: true } }))
    expect(names()).toEqual(['a', 'b'])
    expect(dropped()).toEqual([])
  })

  it('cannot change id, type, time, sessionId or viewId', async () => {
    const seen: RumEvent[] = []
    const tamper = (e: RumEvent) => {
      seen.push({ ...e })
      return { ...e, id: 'x', type: 'error', time: 1, sessionId: 's', viewId: 'v', name: 'renamed' } as unknown as RumEvent
    }
    await run(tamper, ['a'])
    const [event] = sent()
    const { id, type, time, sessionId, viewId } = seen[0]
    expect(event).toMatchObject({ id, type, time, sessionId, viewId, name: 'renamed' })
    expect(time).toBe(T0)
  })

  it('drops an event it made unserializable (a BigInt); later events are still sent, nothing rejects unhandled', async () => {
    const rejections: string[] = []
    const onRejection = (reason: unknown) => rejections.push(String(reason))
    process.on('unhandledRejection', onRejection)
    try {
      const bigint = (e: RumEvent) => (e.type === 'action' && e.name === 'a' ? { ...e, attributes: { big: 10n } } : e)
      const rum = await run(bigint as (e: RumEvent) => RumEvent)
      rum.trackAction('c')
      vi.advanceTimersByTime(60_000) // the 250 ms write and the flush interval
      await idle()
      await rum.flush()
      expect({ names: names(), rejections }).toEqual({ names: ['b', 'c'], rejections: [] })
    } finally {
      process.off('unhandledRejection', onRejection)
    }
  })
})

describe('URL scrubbing', () => {
  const urls = async (options: object) => {
    history.replaceState(null, '', '/reset?token=abc&order=7')
    const rum = await loadRum()
    rum.init({ ...QUIET, ...options })
    rum.trackAction('a')
    vi.setSystemTime(T0 + 1)
    rum.trackPageView('/done?email=a%40b.c&order=7')
    await rum.flush()
    const [action, view] = sent().filter((e) => e.type !== 'view_end')
    return [action.url, view.url, (view as { referrer?: string }).referrer]
  }

  it('redacts secret parameters of the page URL, page views and referrers by default', async () => {
    expect(await urls({})).toEqual([
      'http://localhost:3000/reset?token=redacted&order=7',
      'http://localhost:3000/done?email=redacted&order=7',
      'http://localhost:3000/reset?token=redacted&order=7',
    ])
  })

  it('redacts extra parameter names given as a list', async () => {
    expect((await urls({ scrubUrl: ['order'] }))[0]).toBe('http://localhost:3000/reset?token=redacted&order=redacted')
  })

  it('redacts extra names whatever their case, in the list or in the URL', async () => {
    expect((await urls({ scrubUrl: ['Order'] }))[0]).toBe('http://localhost:3000/reset?token=redacted&order=redacted')
  })

  it('uses a scrubUrl function instead of the default', async () => {
    expect(await urls({ scrubUrl: (url: string) => url.split('?')[0] })).toEqual([
      'http://localhost:3000/reset',
      'http://localhost:3000/done',
      'http://localhost:3000/reset',
    ])
  })

  it.each([
    ['throws', () => { throw new Error('scrubber bug') }],
    ['returns no string', () => undefined],
  ])('falls back to the default when the scrubUrl function %s', async (_, scrubUrl) => {
    expect((await urls({ scrubUrl }))[0]).toBe('http://localhost:3000/reset?token=redacted&order=7')
  })
})

describe('a page that made a global read-only', () => {
  it('still starts: the instrumentation is skipped and counted as not_instrumented, and the rest records', async () => {
    const { pushState } = history
    Object.defineProperty(history, 'pushState', { value: pushState, writable: false, configurable: true })
    try {
      const rum = await loadRum()
      rum.init(QUIET)
      rum.trackAction('after_init')
      await rum.flush()
      expect(sent().filter((e): e is ActionEvent => e.type === 'action').map((e) => e.name)).toEqual(['after_init'])
      expect(sent().filter((e): e is DroppedEvent => e.type === 'dropped').map((e) => e.counts)).toEqual([{ not_instrumented: 1 }])
    } finally {
      Object.defineProperty(history, 'pushState', { value: pushState, writable: true, configurable: true })
    }
  })
})

describe('a page exit', () => {
  it.each([
    ['', () => {}, () => {}],
    // Past the session's 5 s between agreements: a flush or getSessionId would read it.
    [', also when the handler calls getSessionId() and flush()', (rum: Rum) => rum.getSessionId(), (rum: Rum) => rum.flush()],
  ])('writes what the page recorded in its own pagehide handler, past what the beacons carry, in IndexedDB transactions committed in the same task%s', async (_, first, last) => {
    const rum = await loadRum()
    rum.init(QUIET)
    rum.trackAction('before')
    // The page in use: IndexedDB open, the exit listener started (it starts in a task of its own).
    await rum.flush()
    vi.advanceTimersByTime(0)
    vi.setSystemTime(T0 + 6000)
    addEventListener('pagehide', () => {
      first(rum)
      for (let i = 0; i < 400; i++) rum.trackAction(`left_${i}`, { note: 'x'.repeat(150) })
      last(rum)
    })
    const transactions = vi.spyOn(IDBDatabase.prototype, 'transaction')
    const commits = vi.spyOn(IDBTransaction.prototype, 'commit')
    dispatchEvent(new Event('pagehide'))
    // Microtasks only: a write begun in a later task would be lost as the page unloads.
    for (let i = 0; i < 5; i++) await Promise.resolve()
    // Every write begun in the exit's task (rumlet's own exit, then the page's handler) asked to commit in it.
    const writes = transactions.mock.calls.filter(([, mode]) => mode === 'readwrite').length
    expect(writes).toBeGreaterThan(0)
    expect(commits).toHaveBeenCalledTimes(writes)
    // The beacons carried the first 48 KiB; IndexedDB holds every one of them for the next page.
    const beaconed = beacons.flatMap((body) => (JSON.parse(body) as Batch).events).filter((e) => e.type === 'action' && e.name.startsWith('left_')).length
    expect(beaconed).toBeGreaterThan(100)
    expect(beaconed).toBeLessThan(400)
    await idle()
    // The next page of the origin: a fresh instance on the same IndexedDB.
    vi.resetModules()
    const next = await loadRum()
    next.init(QUIET)
    await next.flush()
    const names = new Set(sent().filter((e): e is ActionEvent => e.type === 'action').map((e) => e.name))
    expect(Array.from({ length: 400 }, (_, i) => `left_${i}`).filter((name) => !names.has(name))).toEqual([])
  })
})
