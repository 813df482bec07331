// @vitest-environment happy-dom
import { describe as group, expect, it } from 'vitest'
import { describe, errorEvent } from '../src/browser/capture/errorEvent'

// Issue 14, kind 4: what a page throws or rejects with is not always an Error. Each value is
// described by what it is, and different values group apart.

group('errorEvent: values that are not Errors', () => {
  it('describes an error Event by its type and target element, with the URL that element loads as resource (not in the message)', () => {
    // Not in the document: happy-dom would try to load it.
    const script = Object.assign(document.createElement('script'), { id: 'chunk', src: 'https://shop.test/chunks/checkout.js?v=2' })
    const event = new Event('error')
    script.dispatchEvent(event)
    expect(errorEvent(event, 'unhandledrejection')).toMatchObject({
      errorType: 'Event',
      message: 'error event on script#chunk',
      resource: 'https://shop.test/chunks/checkout.js?v=2',
      source: 'unhandledrejection',
    })
  })

  it('names a target that is no element by its constructor (an XMLHttpRequest), and gives no resource then', () => {
    const request = new XMLHttpRequest()
    const event = new ProgressEvent('error')
    request.dispatchEvent(event)
    const described = errorEvent(event, 'unhandledrejection')
    expect(described).toMatchObject({ errorType: 'ProgressEvent', message: 'error event on XMLHttpRequest' })
    expect(described.resource).toBeUndefined()
  })

  it('describes an Event never dispatched (no target) by its type', () => {
    expect(errorEvent(new Event('abort'), 'api')).toMatchObject({ errorType: 'Event', message: 'abort event' })
  })

  it('groups error Events of different elements and URLs apart, and the same URL with another query together', () => {
    const failed = (tag: string, src: string) => {
      const event = new Event('error')
      Object.assign(document.createElement(tag), { src }).dispatchEvent(event)
      return errorEvent(event, 'unhandledrejection').fingerprint
    }
    const a = failed('script', 'https://shop.test/a.js?v=1')
    const b = failed('script', 'https://shop.test/b.js?v=1')
    const image = failed('img', 'https://shop.test/a.js?v=1')
    const again = failed('script', 'https://shop.test/a.js?v=2')
    expect(new Set([a, b, image]).size).toBe(3)
    expect(again).toBe(a)
  })

  it('describes an error Event of another realm (a same-origin iframe\'s) like one of this realm: by its target and URL, and two elements apart', () => {
    // What an Event of another realm is to this one: the same standard members, but another
    // Event.prototype, so that `instanceof Event` is false (happy-dom has no realm per frame).
    const otherRealm = Object.defineProperties({}, Object.getOwnPropertyDescriptors(Event.prototype))
    const failed = (tag: string, src: string) => {
      const event = new Event('error')
      Object.assign(document.createElement(tag), { src }).dispatchEvent(event)
      return errorEvent(Object.setPrototypeOf(event, otherRealm), 'unhandledrejection')
    }
    const script = failed('script', 'https://shop.test/chunks/widget.js')
    const image = failed('img', 'https://shop.test/img/pixel.png')
    expect(script).toMatchObject({ errorType: 'Event', message: 'error event on script', resource: 'https://shop.test/chunks/widget.js' })
    expect(image).toMatchObject({ errorType: 'Event', message: 'error event on img', resource: 'https://shop.test/img/pixel.png' })
    expect(script.fingerprint).not.toBe(image.fingerprint)
  })

  it('describes a DOM node by its selector and constructor', () => {
    document.body.innerHTML = '<form id="checkout-form"><input name="card"></form>'
    expect(errorEvent(document.getElementById('checkout-form'), 'unhandledrejection')).toMatchObject({ errorType: 'HTMLFormElement', message: 'form#checkout-form' })
    expect(errorEvent(document.createTextNode('x'), 'api')).toMatchObject({ errorType: 'Text', message: '#text' })
  })

  it('describes an instance of a class by its class name and own keys, and instances of two classes apart', () => {
    class PaymentDeclined {
      #code = 'card_declined'
      get code() {
        return this.#code
      }
    }
    class SessionExpired {}
    class ApiError {
      status = 503
    }
    const [declined, expired, api] = [new PaymentDeclined(), new SessionExpired(), new ApiError()].map((value) => errorEvent(value, 'api'))
    expect([declined, expired, api]).toMatchObject([
      { errorType: 'PaymentDeclined', message: 'PaymentDeclined {}' },
      { errorType: 'SessionExpired', message: 'SessionExpired {}' },
      { errorType: 'ApiError', message: 'ApiError {"status":503}' },
    ])
    expect(declined.fingerprint).not.toBe(expired.fingerprint)
  })

  it('describes plain objects by their JSON, and primitives by their text', () => {
    expect(errorEvent({ code: 'E_TIMEOUT', retry: true }, 'api')).toMatchObject({ errorType: 'Object', message: '{"code":"E_TIMEOUT","retry":true}' })
    expect(errorEvent([1, 2], 'api')).toMatchObject({ errorType: 'Array', message: 'Array [1,2]' })
    expect(['timeout', 42, null, undefined, 10n].map((value) => errorEvent(value, 'api')).map(({ errorType, message }) => [errorType, message])).toEqual([
      ['string', 'timeout'],
      ['number', '42'],
      ['object', 'null'],
      ['undefined', 'undefined'],
      ['bigint', '10'],
    ])
  })

  it('never throws: a circular object, a getter that throws while JSON reads it, a constructor that throws when read', () => {
    const circular: Record<string, unknown> = { id: 7 }
    circular.self = circular
    class Lazy {
      constructor() {
        Object.defineProperty(this, 'value', { enumerable: true, get: () => { throw new Error('not loaded') } })
      }
    }
    const hidden = Object.defineProperty({}, 'constructor', {
      get() {
        throw new Error('no')
      },
    })
    expect(errorEvent(circular, 'api')).toMatchObject({ errorType: 'Object', message: '{"id":7}' })
    expect(errorEvent(new Lazy(), 'api')).toMatchObject({ errorType: 'Lazy', message: 'Lazy {}' })
    expect(errorEvent(hidden, 'api')).toMatchObject({ errorType: 'Object', message: '[object Object]' })
  })

  it('never throws for a function whose toString throws (or a proxy of one): a fixed description instead of its source', () => {
    const loader = Object.assign(function loader() {}, {
      toString() {
        throw new Error('no source')
      },
    })
    const trapped = new Proxy(() => {}, {
      get() {
        throw new Error('trap')
      },
    })
    expect([loader, trapped].map((value) => errorEvent(value, 'unhandledrejection')).map(({ errorType, message }) => [errorType, message])).toEqual([
      ['function', '[object function]'],
      ['function', '[object function]'],
    ])
    expect(describe(loader)).toBe('[object function]')
  })

  it('describes two circular objects by what they hold, apart', () => {
    const circular = (fields: object) => {
      const value: Record<string, unknown> = { ...fields }
      value.self = value
      return errorEvent(value, 'unhandledrejection')
    }
    const cart = circular({ step: 'cart' })
    const payment = circular({ step: 'payment', retry: true })
    expect([cart.message, payment.message]).toEqual(['{"step":"cart"}', '{"step":"payment","retry":true}'])
    expect(cart.fingerprint).not.toBe(payment.fingerprint)
  })

  it('never throws, and records the value, when its message, name or stack getter or a proxy throws', () => {
    const trap = () => {
      throw new Error('trap')
    }
    const values = [
      { get message() { return trap() }, code: 'E_GETTER' },
      { message: 'named badly', get name() { return trap() } },
      { message: 'no stack', name: 'QuotaError', get stack() { return trap() } },
      { message: 'odd name', name: { toString: trap } },
      new Proxy({}, { get: trap, getPrototypeOf: trap, ownKeys: trap, has: trap, getOwnPropertyDescriptor: trap }),
    ]
    expect(values.map((value) => errorEvent(value, 'api')).map(({ errorType, message, stack }) => [errorType, message, stack])).toEqual([
      ['Object', '{"code":"E_GETTER"}', undefined],
      ['Error', 'named badly', undefined],
      ['QuotaError', 'no stack', undefined],
      ['Error', 'odd name', undefined],
      ['Object', '[object Object]', undefined],
    ])
  })

  it('describes an object whose state is in getters of its prototype (a fetch Response) by those values, its URL as resource; responses of two URLs apart, of one URL with another query together', () => {
    function Answer() {}
    // What a platform object is to for…in: nothing of its own, its attributes on its prototype.
    const answer = (url: string, status: number) =>
      errorEvent(Object.create({ constructor: Answer, url, status, ok: false, headers: {}, json() {} }), 'unhandledrejection')
    const cart = answer('https://shop.test/api/cart?page=1', 404)
    expect(cart).toMatchObject({ errorType: 'Answer', message: 'Answer {"status":404,"ok":false}', resource: 'https://shop.test/api/cart?page=1' })
    expect(answer('https://shop.test/api/cart?page=2', 404).fingerprint).toBe(cart.fingerprint)
    expect(answer('https://shop.test/api/user', 404).fingerprint).not.toBe(cart.fingerprint)
    expect(answer('https://shop.test/api/cart?page=1', 500).fingerprint).not.toBe(cart.fingerprint)
  })

  it('describes a large value by its first items, in well under a long task (a page rejecting its state)', () => {
    const rows = Array.from({ length: 300_000 }, (_, id) => ({ id, name: `item ${id}` }))
    const start = performance.now()
    const described = errorEvent({ rows }, 'unhandledrejection')
    expect(performance.now() - start).toBeLessThan(20)
    expect(described.message).toMatch(/^\{"rows":\[\{"id":0,"name":"item 0"\},/)
  })

  it('keeps the name, message and stack of an Error, and of an Error-like object of another realm', () => {
    const error = new TypeError('x is undefined')
    expect(errorEvent(error, 'error')).toMatchObject({ errorType: 'TypeError', message: 'x is undefined', stack: error.stack })
    expect(errorEvent({ name: 'DOMException', message: 'Quota exceeded' }, 'api')).toMatchObject({ errorType: 'DOMException', message: 'Quota exceeded' })
  })

  it('describe() gives the same text, for console arguments', () => {
    document.body.innerHTML = '<button id="pay"></button>'
    expect(describe(document.getElementById('pay'))).toBe('button#pay')
    expect(describe({ a: 1 })).toBe('{"a":1}')
  })
})
