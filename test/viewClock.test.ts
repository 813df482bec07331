// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { viewClock } from '../src/browser/lib/viewClock'

let visibility: DocumentVisibilityState = 'visible'
Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => visibility })
/** The tab is shown or hidden: browsers fire a bubbling visibilitychange at document. */
const show = (state: DocumentVisibilityState) => {
  visibility = state
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }))
}

let t = 0
const now = () => t

beforeEach(() => {
  visibility = 'visible'
  t = 1000
})

describe('viewClock', () => {
  it('counts all the time in duration and only the visible time in visible', () => {
    const lap = viewClock(now)
    t = 1500
    show('hidden')
    t = 4000
    show('visible')
    t = 4200
    expect(lap(true)).toEqual({ duration: 3200, visible: 700 })
    t = 4300
    show('hidden')
    t = 9000
    expect(lap(true)).toEqual({ duration: 8000, visible: 800 })
  })

  it('counts from the given start: the hard load\'s view from navigation start, not from when rumlet ran', () => {
    const lap = viewClock(now, 0)
    t = 5000
    expect(lap()).toEqual({ duration: 5000, visible: 5000 })
    t = 6000
    expect(lap()).toEqual({ duration: 1000, visible: 1000 })
  })

  it('starts counting visible time only once a page loaded in the background is shown', () => {
    visibility = 'hidden'
    const lap = viewClock(now)
    t = 2000
    expect(lap(true)).toEqual({ duration: 1000, visible: 0 })
    t = 3000
    show('visible')
    t = 3250
    expect(lap(true)).toEqual({ duration: 2250, visible: 250 })
  })

  it('lap(true) keeps the same view: the totals go on growing', () => {
    const lap = viewClock(now)
    t = 2000
    expect(lap(true)).toEqual({ duration: 1000, visible: 1000 })
    t = 2500
    expect(lap(true)).toEqual({ duration: 1500, visible: 1500 })
  })

  it('lap() ends the view: the next one counts from that moment, visible or hidden', () => {
    const lap = viewClock(now)
    t = 2000
    show('hidden')
    t = 3000
    expect(lap()).toEqual({ duration: 2000, visible: 1000 })
    t = 3400
    show('visible')
    t = 3500
    expect(lap()).toEqual({ duration: 500, visible: 100 })
    t = 3800
    expect(lap()).toEqual({ duration: 300, visible: 300 })
  })

  it('rounds to whole milliseconds', () => {
    const lap = viewClock(now)
    t = 1000.4
    show('hidden')
    t = 1001.7
    expect(lap(true)).toEqual({ duration: 2, visible: 0 })
  })
})
