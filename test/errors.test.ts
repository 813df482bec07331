// @vitest-environment happy-dom
import { runInNewContext } from 'node:vm'
import { describe, expect, it, vi } from 'vitest'
import { startErrors } from '../src/browser/capture/errors'
import { createDrops } from '../src/browser/lib/createDrops'
import { consoleErrors } from '../src/browser/modules/console'
import type { Config } from '../src/browser/config'

describe('startErrors', () => {
  const emit = vi.fn()
  startErrors(emit)

  it('records a failed load of an image (an error that does not bubble) with its URL', () => {
    emit.mockClear()
    document.body.innerHTML = '<img id="logo">'
    const img = document.getElementById('logo') as HTMLImageElement
    img.setAttribute('src', 'https://cdn.test/logo.png')
    img.dispatchEvent(new Event('error', { bubbles: false }))
    expect(emit.mock.calls[0][0]).toMatchObject({
      type: 'error', source: 'resource', errorType: 'ResourceError', message: 'img failed to load', resource: 'https://cdn.test/logo.png', count: 1,
    })
  })

  it('gives failed loads of different URLs different fingerprints, the same URL the same', () => {
    emit.mockClear()
    for (const src of ['https://cdn.test/a.png', 'https://cdn.test/b.png', 'https://cdn.test/a.png']) {
      const img = document.createElement('img')
      img.setAttribute('src', src)
      document.body.append(img)
      img.dispatchEvent(new Event('error'))
    }
    const [a, b, again] = emit.mock.calls.map((call) => call[0].fingerprint)
    expect(a).not.toBe(b)
    expect(again).toBe(a)
  })

  it('records a failed load of an SVG <image>, whose href is an SVGAnimatedString, with its URL', () => {
    emit.mockClear()
    document.body.innerHTML = '<svg><image href="https://cdn.test/chart.svg"></image></svg>'
    document.querySelector('image')!.dispatchEvent(new Event('error'))
    expect(emit.mock.calls[0][0]).toMatchObject({ message: 'image failed to load', resource: 'https://cdn.test/chart.svg' })
  })

  it('fingerprints an error by its first frame, not by a line of its message that has a port in it', () => {
    emit.mockClear()
    const thrown = (where: string) => {
      const error = new Error('GET http://api.test:8080/items failed')
      error.stack = `Error: GET http://api.test:8080/items failed\n    at ${where} (https://shop.test/app.js:10:5)`
      window.dispatchEvent(new ErrorEvent('error', { error, message: error.message }))
    }
    thrown('loadCart')
    thrown('loadUser')
    thrown('loadCart')
    const [cart, user, again] = emit.mock.calls.map((call) => call[0].fingerprint)
    expect(cart).not.toBe(user)
    expect(again).toBe(cart)
  })

  it('records a runtime error with its error object', () => {
    emit.mockClear()
    window.dispatchEvent(new ErrorEvent('error', { error: new TypeError('x is undefined'), message: 'x is undefined' }))
    expect(emit.mock.calls[0][0]).toMatchObject({ source: 'error', errorType: 'TypeError', message: 'x is undefined' })
  })

  it('records a falsy value thrown (`throw 0`, `throw false`) as that value, not as an Error named by the browser\'s message', () => {
    emit.mockClear()
    window.dispatchEvent(new ErrorEvent('error', { error: 0, message: 'Uncaught 0' }))
    window.dispatchEvent(new ErrorEvent('error', { error: false, message: 'Uncaught false' }))
    expect(emit.mock.calls.map((call) => [call[0].errorType, call[0].message])).toEqual([
      ['number', '0'],
      ['boolean', 'false'],
    ])
  })
})

describe('startErrors: a cross-origin "Script error."', () => {
  it('is flagged crossOrigin', () => {
    const emit = vi.fn()
    startErrors(emit)
    window.dispatchEvent(new ErrorEvent('error', { message: 'Script error.' }))
    expect(emit.mock.calls.at(-1)![0]).toMatchObject({ message: 'Script error.', source: 'error', crossOrigin: true })
  })
})

describe('consoleErrors (rumlet/console)', () => {
  it('records console.error as an error of source console, and still logs it', () => {
    const logged = vi.fn()
    console.error = logged
    const emit = vi.fn()
    const { stop } = consoleErrors({ emit, config: {} as Config, skip: () => {} })
    console.error('checkout failed:', { code: 42 })
    console.error(new TypeError('bad total'), 'in cart')
    expect(logged).toHaveBeenCalledTimes(2)
    expect(logged.mock.calls[0]).toEqual(['checkout failed:', { code: 42 }])
    expect(emit.mock.calls.map((call) => call[0])).toMatchObject([
      { source: 'console', errorType: 'console.error', message: 'checkout failed: {"code":42}' },
      { source: 'console', errorType: 'TypeError', message: 'bad total in cart' },
    ])
    stop()
    expect(console.error).toBe(logged)
  })

  it('takes an Error of another realm (a same-origin iframe\'s) for an Error: its type, message and stack', () => {
    console.error = vi.fn()
    const emit = vi.fn()
    const { stop } = consoleErrors({ emit, config: {} as Config, skip: () => {} })
    const theirs = runInNewContext('new TypeError("from the frame")') as Error
    expect(theirs instanceof Error).toBe(false)
    console.error('widget failed:', theirs)
    stop()
    expect(emit.mock.calls[0][0]).toMatchObject({ source: 'console', errorType: 'TypeError', message: 'widget failed: from the frame', stack: theirs.stack })
  })

  it('stops without unwrapping a wrapper added after it: that one goes on, and nothing more is recorded', () => {
    const emit = vi.fn()
    const logged = vi.fn()
    console.error = logged
    const { stop } = consoleErrors({ emit, config: {} as Config, skip: () => {} })
    const ours = console.error
    const theirs = vi.fn((...args: unknown[]) => ours(...args))
    console.error = theirs
    stop()
    expect(console.error).toBe(theirs)
    console.error('after stop')
    expect(logged).toHaveBeenCalledWith('after stop')
    expect(emit).not.toHaveBeenCalled()
  })

  it('skips a console.error the page made read-only, counted as not_instrumented', () => {
    const logged = vi.fn()
    const descriptor = Object.getOwnPropertyDescriptor(console, 'error')!
    Object.defineProperty(console, 'error', { value: logged, writable: false, configurable: true })
    try {
      const drops = createDrops(() => {})
      const emit = vi.fn()
      expect(() => consoleErrors({ emit, config: {} as Config, skip: () => drops._count('not_instrumented') })).not.toThrow()
      console.error('x')
      expect(emit).not.toHaveBeenCalled()
      expect(drops._take()).toEqual({ not_instrumented: 1 })
    } finally {
      Object.defineProperty(console, 'error', descriptor)
    }
  })
})

describe('startErrors: a promise rejected with an image\'s error Event', () => {
  it('is recorded as that Event, with the image\'s URL as resource', () => {
    const emit = vi.fn()
    const { stop } = startErrors(emit)
    const image = Object.assign(document.createElement('img'), { src: 'https://cdn.test/avatar.png' })
    const reason = new Event('error')
    image.dispatchEvent(reason)
    // happy-dom has no PromiseRejectionEvent: an Event with the reason, as the listener reads it.
    window.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason }))
    stop()
    expect(emit.mock.calls.at(-1)![0]).toMatchObject({ source: 'unhandledrejection', errorType: 'Event', message: 'error event on img', resource: 'https://cdn.test/avatar.png' })
  })
})
