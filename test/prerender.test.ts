// @vitest-environment happy-dom
import 'fake-indexeddb/auto'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ActionEvent } from '../src/wire'
import { QUIET, T0, databases, fetchMock, freshPage, idle, leftByEarlierPage, loadRum, sent } from './fakePage'

// A page prerendered by speculation rules sends nothing until the user is shown it.

let prerendering = false
Object.defineProperty(document, 'prerendering', { configurable: true, get: () => prerendering })
/** The user is shown the page: browsers clear the flag, then fire a (non-bubbling) prerenderingchange at document. */
const activate = () => {
  prerendering = false
  document.dispatchEvent(new Event('prerenderingchange'))
}

let rum: Awaited<ReturnType<typeof loadRum>>
beforeEach(async () => {
  freshPage()
  prerendering = true
  rum = await loadRum()
})
afterEach(() => {
  prerendering = false
  // Silences this test's instance for the tests after it.
  rum.setConsent('denied')
})

/** flush, and every timer a pipeline would have set. */
const waitLong = async () => {
  await rum.flush()
  vi.advanceTimersByTime(120_000)
  await idle()
}

describe('a prerendered page', () => {
  it('holds its events in memory: nothing posted (not even what earlier pages left), nothing stored', async () => {
    rum.init(QUIET)
    rum.trackAction('a')
    await waitLong()
    expect(await databases()).toEqual([])
    await leftByEarlierPage()
    rum.trackAction('b')
    await waitLong()
    expect(fetchMock).not.toHaveBeenCalled()
  })

  it('sends the held events, with the times they happened, once shown (prerenderingchange at document)', async () => {
    rum.init(QUIET)
    rum.trackAction('a')
    vi.setSystemTime(T0 + 1000)
    rum.trackAction('b')
    await waitLong()
    expect(fetchMock).not.toHaveBeenCalled()
    vi.setSystemTime(T0 + 300_000)
    activate()
    vi.setSystemTime(T0 + 301_000)
    rum.trackAction('c')
    await rum.flush()
    expect((sent() as ActionEvent[]).map((e) => [e.name, e.time])).toEqual([['a', T0], ['b', T0 + 1000], ['c', T0 + 301_000]])
  })

  it('consent granted while prerendering still waits for the page to be shown', async () => {
    rum.init({ ...QUIET, consent: 'pending' })
    rum.trackAction('a')
    rum.setConsent('granted')
    await waitLong()
    expect(fetchMock).not.toHaveBeenCalled()
    activate()
    await rum.flush()
    expect((sent() as ActionEvent[]).map((e) => e.name)).toEqual(['a'])
  })
})
