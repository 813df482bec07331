// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { onHidden } from '../src/browser/lib/onHidden'

let visibility = 'visible'
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
const fire = (type: string, state: string) => {
  visibility = state
  window.dispatchEvent(new Event(type))
}

describe('onHidden', () => {
  it('fires once when a navigation sends visibilitychange to hidden and then pagehide', () => {
    let calls = 0
    onHidden(() => calls++)
    fire('visibilitychange', 'hidden')
    fire('pagehide', 'hidden')
    expect(calls).toBe(1)
  })

  it('fires again after the page was visible, and on a pagehide that comes without a visibility change', () => {
    let calls = 0
    onHidden(() => calls++)
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
    onHidden(() => calls++)
    fire('pagehide', 'hidden')
    fire('pageshow', 'hidden')
    expect(calls).toBe(1)
    fire('visibilitychange', 'hidden')
    expect(calls).toBe(2)
  })
})
