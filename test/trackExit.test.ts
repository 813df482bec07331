// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { trackExit } from '../src/browser/lib/trackExit'

let visibility = 'visible'
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
const fire = (type: string, state: string) => {
  visibility = state
  window.dispatchEvent(new Event(type))
}

let stops: (() => void)[] = []
afterEach(() => {
  stops.splice(0).forEach((stop) => stop())
  fire('pageshow', 'visible')
})
const track = (cb: () => void) => {
  const exit = trackExit(cb)
  stops.push(exit.stop)
  return exit
}

describe('trackExit', () => {
  it('fires once when a navigation sends visibilitychange to hidden and then pagehide', () => {
    let calls = 0
    track(() => calls++)
    fire('visibilitychange', 'hidden')
    fire('pagehide', 'hidden')
    expect(calls).toBe(1)
  })

  it('fires again after the page was visible, and on a pagehide that comes without a visibility change', () => {
    let calls = 0
    track(() => calls++)
    fire('visibilitychange', 'hidden')
    fire('visibilitychange', 'visible')
    fire('visibilitychange', 'hidden')
    expect(calls).toBe(2)
    fire('pageshow', 'visible')
    fire('pagehide', 'visible')
    expect(calls).toBe(3)
  })

  it('is re-armed, not fired, by a back/forward-cache pageshow that still reads hidden', () => {
    let calls = 0
    track(() => calls++)
    fire('pagehide', 'hidden')
    fire('pageshow', 'hidden')
    expect(calls).toBe(1)
    fire('visibilitychange', 'hidden')
    expect(calls).toBe(2)
  })

  it('says the page has left from the exit until it is shown again, also while a pagehide reads visible (Chromium)', () => {
    const exit = track(() => {})
    expect(exit._left()).toBe(false)
    fire('pagehide', 'visible')
    // The page's own pagehide listeners run after rumlet's: the page still reads visible there.
    expect(exit._left()).toBe(true)
    fire('visibilitychange', 'hidden')
    expect(exit._left()).toBe(true)
    fire('pageshow', 'visible')
    expect(exit._left()).toBe(false)
  })

  it('stops: no more calls', () => {
    let calls = 0
    const exit = track(() => calls++)
    exit.stop()
    fire('pagehide', 'hidden')
    expect(calls).toBe(0)
  })
})
