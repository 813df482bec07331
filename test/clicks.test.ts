// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startClicks } from '../src/browser/capture/clicks'
import { nameOf } from '../src/browser/capture/nameOf'

const click = (html: string, selector = '#t') => {
  document.body.innerHTML = html
  return nameOf(document.querySelector(selector)!)
}

describe('nameOf: the naming chain, first rule that gives a name', () => {
  it.each([
    ['data-rum-action on the element', '<button id="t" data-rum-action="checkout" aria-label="Pay">Pay now</button>', { name: 'checkout', rule: 'data-rum-action' }],
    ['data-rum-action on an ancestor', '<div data-rum-action="promo"><span><b id="t">x</b></span></div>', { name: 'promo', rule: 'data-rum-action' }],
    ['aria-label', '<button id="t" aria-label="Close dialog">×</button>', { name: 'Close dialog', rule: 'aria-label' }],
    ['aria-labelledby, several ids', '<span id="a">Delete</span><span id="b">row 3</span><button id="t" aria-labelledby="a b">🗑</button>', { name: 'Delete row 3', rule: 'aria-labelledby' }],
    ['the label of a form control', '<label for="t">Accept terms</label><input id="t" type="checkbox">', { name: 'Accept terms', rule: 'label' }],
    ['the text of a button, whitespace collapsed', '<button id="t">\n  Add   to\n cart </button>', { name: 'Add to cart', rule: 'text' }],
    ['the text of the link around the clicked icon', '<a href="/x"><i id="t"></i> Orders</a>', { name: 'Orders', rule: 'text' }],
    ['the text, cut at 64 characters', `<button id="t">${'long '.repeat(30)}</button>`, { name: 'long '.repeat(13).trim(), rule: 'text' }],
    ['title', '<div id="t" role="img" title="Company logo"></div>', { name: 'Company logo', rule: 'title' }],
    ['alt of an image inside', '<a href="/"><img id="t" alt="Home"></a>', { name: 'Home', rule: 'alt' }],
    ['tag#id at last', '<div id="t"></div>', { name: 'div#t', rule: 'tag' }],
    ['never an input value', '<input id="t" type="text" value="4111 1111 1111 1111">', { name: 'input#t', rule: 'tag' }],
    ['masked inside data-rum-private', '<section data-rum-private><button id="t">Jane Doe</button></section>', { name: '[private]', rule: 'private' }],
    ['data-rum-action still wins inside data-rum-private', '<section data-rum-private><button id="t" data-rum-action="open_profile">Jane</button></section>', { name: 'open_profile', rule: 'data-rum-action' }],
  ])('%s', (_, html, expected) => {
    expect(click(html)).toEqual(expected)
  })

  it('gives nothing inside data-rum-ignore', () => {
    expect(click('<div data-rum-ignore><button id="t">Secret</button></div>')).toBeUndefined()
  })

  it('does not use the text of an element that is not a button or link', () => {
    expect(click('<p id="t">Some private paragraph</p>')).toEqual({ name: 'p#t', rule: 'tag' })
  })
})

describe('startClicks', () => {
  const LIMITS = { rageClicks: 3, frustrationWindow: 1000, rageDistance: 100 }
  let stop = () => {}
  const setup = (html: string, endpoint?: string) => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] })
    document.body.innerHTML = html
    const emit = vi.fn()
    const onClick = vi.fn()
    const clicks = startClicks(emit, LIMITS, onClick, endpoint)
    stop = clicks.stop
    const events = () => emit.mock.calls.map((call) => call[0])
    return { emit, onClick, settleAll: clicks._flush, stop: clicks.stop, events }
  }
  const clickAt = (element: Element, x = 10, y = 10) =>
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y }))

  afterEach(() => {
    stop()
    vi.useRealTimers()
    vi.unstubAllGlobals()
  })

  it('records a click, after the frustration window, with its name and the selector of the element meant', async () => {
    const { events, onClick } = setup('<main id="app"><button class="buy"><span id="t">Buy</span></button><div data-rum-ignore><button id="no">x</button></div></main>')
    document.getElementById('t')!.addEventListener('click', () => document.body.append('bought'))
    clickAt(document.getElementById('t')!)
    clickAt(document.getElementById('no')!)
    expect(onClick).toHaveBeenCalledWith('Buy', expect.any(Number))
    expect(events()).toEqual([])
    await vi.advanceTimersByTimeAsync(1000)
    expect(events()).toEqual([{ type: 'action', name: 'Buy', duration: 0, ok: true, source: 'click', target: 'main#app>button.buy' }])
  })

  it('marks a button that does nothing as a dead click, and not one whose page reacts', async () => {
    const { events } = setup('<button id="dead">Dead</button><button id="live">Live</button>')
    document.getElementById('live')!.addEventListener('click', () => document.body.append('done'))
    clickAt(document.getElementById('dead')!)
    await vi.advanceTimersByTimeAsync(1000)
    clickAt(document.getElementById('live')!)
    await vi.advanceTimersByTimeAsync(1000)
    expect(events().map((e) => [e.name, e.frustration])).toEqual([['Dead', ['dead']], ['Live', undefined]])
  })

  it('does not call a click in a text field dead', async () => {
    const { events } = setup('<label for="q">Search</label><input id="q">')
    clickAt(document.getElementById('q')!)
    await vi.advanceTimersByTimeAsync(1000)
    expect(events()[0].frustration).toBeUndefined()
  })

  it('marks three clicks within a second and 100 px as rage clicks, not three far apart', async () => {
    const { events } = setup('<button id="b">Apply</button>')
    const button = document.getElementById('b')!
    button.addEventListener('click', () => document.body.append('.'))
    for (const x of [10, 40, 70]) clickAt(button, x, 10)
    await vi.advanceTimersByTimeAsync(1000)
    for (const x of [10, 400, 800]) {
      clickAt(button, x, 10)
      await vi.advanceTimersByTimeAsync(10)
    }
    await vi.advanceTimersByTimeAsync(1000)
    expect(events().map((e) => e.frustration)).toEqual([['rage'], ['rage'], ['rage'], undefined, undefined, undefined])
  })

  it('marks a click followed by an uncaught error as an error click', async () => {
    const { events } = setup('<button id="b">Pay</button>')
    clickAt(document.getElementById('b')!)
    window.dispatchEvent(new ErrorEvent('error', { message: 'boom' }))
    await vi.advanceTimersByTimeAsync(1000)
    expect(events()[0].frustration).toEqual(['error', 'dead'])
  })

  it('does not call a failed image or script load (which does not bubble) an error click', async () => {
    const { events } = setup('<button id="b">Pay</button><img id="i">')
    const button = document.getElementById('b')!
    button.addEventListener('click', () => document.body.append('.'))
    clickAt(button)
    document.getElementById('i')!.dispatchEvent(new Event('error'))
    await vi.advanceTimersByTimeAsync(1000)
    expect(events()[0].frustration).toBeUndefined()
  })

  it('records the clicks still waiting when the page is hidden', () => {
    const { events, settleAll } = setup('<button id="b">Pay</button>')
    clickAt(document.getElementById('b')!)
    settleAll()
    expect(events()).toHaveLength(1)
  })

  it('stops: no listener left, and the clicks still waiting are recorded', () => {
    const { events, stop } = setup('<button id="b">Pay</button>')
    const button = document.getElementById('b')!
    clickAt(button)
    stop()
    expect(events()).toHaveLength(1)
    clickAt(button)
    expect(events()).toHaveLength(1)
  })

  // The DOM's PerformanceObserver, faked: happy-dom records no resource timing.
  const fakeResources = () => {
    const observers: ((list: { getEntries(): { name: string }[] }) => void)[] = []
    vi.stubGlobal(
      'PerformanceObserver',
      class {
        constructor(private callback: (list: { getEntries(): { name: string }[] }) => void) {}
        observe() {
          observers.push(this.callback)
        }
        disconnect() {
          observers.splice(observers.indexOf(this.callback), 1)
        }
      },
    )
    return (name: string) => observers.slice().forEach((callback) => callback({ getEntries: () => [{ name }] }))
  }

  it('takes a request after the click as its reaction, but not rumlet\'s own request to its endpoint', async () => {
    const request = fakeResources()
    const { events } = setup('<button id="a">A</button><button id="b">B</button>', 'https://rum.test/rum')
    clickAt(document.getElementById('a')!)
    request('https://rum.test/rum')
    await vi.advanceTimersByTimeAsync(1000)
    clickAt(document.getElementById('b')!, 500, 500)
    // Another path that merely starts like the endpoint is the page's own request.
    request('https://rum.test/rum-admin/orders')
    await vi.advanceTimersByTimeAsync(1000)
    expect(events().map((e) => [e.name, e.frustration])).toEqual([
      ['A', ['dead']],
      ['B', undefined],
    ])
  })
})
