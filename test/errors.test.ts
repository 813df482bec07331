// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest'
import { startErrors } from '../src/browser/capture/errors'

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

  it('records a runtime error with its error object', () => {
    emit.mockClear()
    window.dispatchEvent(new ErrorEvent('error', { error: new TypeError('x is undefined'), message: 'x is undefined' }))
    expect(emit.mock.calls[0][0]).toMatchObject({ source: 'error', errorType: 'TypeError', message: 'x is undefined' })
  })
})
