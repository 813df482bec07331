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
    ['alt of the image that is a button\'s only content', '<button id="t"><img alt="Close dialog"></button>', { name: 'Close dialog', rule: 'alt' }],
    ['the clicked image\'s own alt', '<div><img id="t" alt="Sales by month"></div>', { name: 'Sales by month', rule: 'alt' }],
    ['its selector at last', '<div id="t"></div>', { name: 'div#t', rule: 'selector' }],
    ['its selector, up to the nearest id, for an element without one', '<ul id="results"><li class="result"><b id="x">Q3</b></li></ul>', { name: 'ul#results>li.result', rule: 'selector' }, 'li'],
    ['never an input value', '<input id="t" type="text" value="4111 1111 1111 1111">', { name: 'input#t', rule: 'selector' }],
    ['masked inside data-rum-private', '<section data-rum-private><button id="t">Jane Doe</button></section>', { name: '[private]', rule: 'private' }],
    ['the text read out: no <style>, no aria-hidden icon, no hidden menu', '<button id="t"><style>.a{fill:red}</style><i aria-hidden="true">cart</i> Add <ul hidden><li>Profile</li></ul></button>', { name: 'Add', rule: 'text' }],
    ['the text, without what is inside data-rum-private', '<button id="t">Hello, <b data-rum-private>Jane</b></button>', { name: 'Hello,', rule: 'text' }],
    ['the text of a label', '<label id="t" for="c">I agree</label><input id="c" type="checkbox">', { name: 'I agree', rule: 'text' }],
    ['data-rum-action still wins inside data-rum-private', '<section data-rum-private><button id="t" data-rum-action="open_profile">Jane</button></section>', { name: 'open_profile', rule: 'data-rum-action' }],
  ])('%s', (_, html, expected, selector?: string) => {
    expect(click(html, selector)).toEqual(expected)
  })

  it('gives nothing inside data-rum-ignore', () => {
    expect(click('<div data-rum-ignore><button id="t">Secret</button></div>')).toBeUndefined()
  })

  it('does not use the text of an element that is not a button or link', () => {
    expect(click('<p id="t">Some private paragraph</p>')).toEqual({ name: 'p#t', rule: 'selector' })
  })

  it('does not name a container after an image or heading deep inside it: its selector', () => {
    expect(click('<div id="t"><figure><img alt="Passport scan of Jane Doe"></figure><h3>Q3 layoffs</h3></div>')).toEqual({ name: 'div#t', rule: 'selector' })
    expect(click('<ul id="r"><li><article><img alt="Avatar of the author"></article></li></ul>', 'li')).toEqual({ name: 'ul#r>li', rule: 'selector' })
  })
})

describe('nameOf inside shadow roots', () => {
  /** A host element `<x-part>` (inside `outer`) whose open shadow root holds `inner`: the element `selector` in it. */
  const inShadow = (outer: string, inner: string, selector: string) => {
    document.body.innerHTML = outer
    const host = document.querySelector('x-part')!
    host.attachShadow({ mode: 'open' }).innerHTML = inner
    return nameOf(host.shadowRoot!.querySelector(selector)!)
  }

  it('names the button clicked inside the root, not its host', () => {
    expect(inShadow('<x-part id="host"></x-part>', '<button aria-label="Add to cart">+</button>', 'button')).toEqual({ name: 'Add to cart', rule: 'aria-label' })
  })

  it('masks what is inside a component placed in data-rum-private, and ignores one in data-rum-ignore', () => {
    expect(inShadow('<section data-rum-private><x-part></x-part></section>', '<button>Show IBAN DE89 3704</button>', 'button')).toEqual({ name: '[private]', rule: 'private' })
    expect(inShadow('<aside data-rum-ignore><x-part></x-part></aside>', '<button>Secret</button>', 'button')).toBeUndefined()
  })

  it('takes data-rum-action from the host, and the link around the host as the element meant', () => {
    expect(inShadow('<x-part data-rum-action="buy"></x-part>', '<span>icon</span>', 'span')).toEqual({ name: 'buy', rule: 'data-rum-action' })
    expect(inShadow('<a href="/cart">Cart <x-part></x-part></a>', '<svg></svg>', 'svg')).toEqual({ name: 'Cart', rule: 'text' })
  })

  it('reads the text of a custom element button from its shadow root, with the content slotted in it', () => {
    expect(inShadow('<x-part role="button"></x-part>', '<style>:host{display:block}</style><span>Save draft</span>', 'span')).toEqual({ name: 'Save draft', rule: 'text' })
    expect(inShadow('<x-part role="button"><b id="light">now</b></x-part>', '<style>b{}</style>Buy <slot></slot>', 'slot')).toEqual({ name: 'Buy now', rule: 'text' })
  })

  it('finds aria-labelledby ids in the shadow root of the element', () => {
    expect(inShadow('<x-part></x-part>', '<span id="l">Remove item</span><button aria-labelledby="l">×</button>', 'button')).toEqual({ name: 'Remove item', rule: 'aria-labelledby' })
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
  const clickAt = (element: Element, x = 10, y = 10, detail = 1) =>
    element.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, clientX: x, clientY: y, detail }))
  /** A press of the mouse, as the browser does it: mousedown, then the focus moves to what was pressed. */
  const press = (element: HTMLElement) => {
    element.dispatchEvent(new MouseEvent('mousedown', { bubbles: true, composed: true }))
    element.focus()
  }

  afterEach(() => {
    stop()
    vi.useRealTimers()
    vi.unstubAllGlobals()
    vi.restoreAllMocks()
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

  it('records one action for a click whose handler clicks another element (a file input behind a button)', async () => {
    const { events } = setup('<button id="up">Upload</button><input id="file" type="file">')
    document.getElementById('up')!.addEventListener('click', () => (document.getElementById('file') as HTMLElement).click())
    clickAt(document.getElementById('up')!)
    clickAt(document.getElementById('up')!)
    await vi.advanceTimersByTimeAsync(1000)
    expect(events().map((event) => event.name)).toEqual(['Upload', 'Upload'])
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

  it('records a burst of clicks together, once the newest one\'s window has ended, and a click two windows after it at most', async () => {
    const { emit } = setup('<button id="b">Next</button>')
    const button = document.getElementById('b')!
    button.addEventListener('click', () => document.body.append('.'))
    // Clicks 400 ms apart: the first waits for the others, and all leave in one task, when the
    // third's window ends (1,800 ms after the first).
    const first = Date.now()
    for (let i = 0; i < 3; i++) clickAt(button, 10 + 200 * i), await vi.advanceTimersByTimeAsync(400)
    await vi.advanceTimersByTimeAsync(599)
    expect(emit).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(emit.mock.calls.map((call) => call[1] - first)).toEqual([0, 400, 800])
    // Clicks that do not stop, 250 ms apart: two windows after the first, those whose window
    // has ended are recorded (the first five); the rest once the last one's window ends.
    emit.mockClear()
    const start = Date.now()
    for (let i = 0; i < 8; i++) clickAt(button, 10 + 200 * (i % 4)), await vi.advanceTimersByTimeAsync(250)
    expect(emit.mock.calls.map((call) => call[1] - start)).toEqual([0, 250, 500, 750, 1000])
    await vi.advanceTimersByTimeAsync(750)
    expect(emit).toHaveBeenCalledTimes(8)
  })

  it('marks each click by what happened within its own window, however late it is recorded', async () => {
    const { events } = setup('<button id="a">First</button><button id="b">Second</button>')
    clickAt(document.getElementById('a')!)
    await vi.advanceTimersByTimeAsync(900)
    clickAt(document.getElementById('b')!, 500)
    await vi.advanceTimersByTimeAsync(300)
    // 1,200 ms after the first click and 300 after the second: about the second only.
    document.body.append('changed')
    window.dispatchEvent(new ErrorEvent('error', { message: 'boom' }))
    await vi.advanceTimersByTimeAsync(1000)
    expect(events().map((e) => [e.name, e.frustration])).toEqual([['First', ['dead']], ['Second', ['error']]])
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

  it('records a click inside an open shadow root as the element clicked, and a reaction inside that root means it is not dead', async () => {
    const { events } = setup('<x-pay id="host"></x-pay><x-dead id="other"></x-dead>')
    const root = document.getElementById('host')!.attachShadow({ mode: 'open' })
    root.innerHTML = '<button id="pay">Pay now</button>'
    const pay = root.getElementById('pay')!
    pay.addEventListener('click', () => (pay.textContent = 'Paid'))
    const dead = document.getElementById('other')!.attachShadow({ mode: 'open' })
    dead.innerHTML = '<button id="nothing">Apply</button>'
    clickAt(pay)
    await vi.advanceTimersByTimeAsync(1000)
    clickAt(dead.getElementById('nothing')!, 300, 300)
    await vi.advanceTimersByTimeAsync(1000)
    expect(events().map((e) => [e.name, e.target, e.frustration])).toEqual([
      ['Pay now', 'button#pay', undefined],
      ['Apply', 'button#nothing', ['dead']],
    ])
  })

  // happy-dom's Selection.containsNode(node, true) is true for a node outside the selection; as
  // the Selection API spec and Chromium have it: the selection's range intersects the node.
  const selectionAsSpecified = () =>
    vi.spyOn(Selection.prototype, 'containsNode').mockImplementation(function (this: Selection, node: Node) {
      return this.rangeCount > 0 && this.getRangeAt(0).intersectsNode(node)
    })

  it('does not count the clicks of a double- or triple-click that selected the text clicked toward rage; three clicks on a button that does nothing are', async () => {
    selectionAsSpecified()
    const { events } = setup('<p id="terms">By ordering you accept the terms</p><button id="b">Apply</button>')
    const terms = document.getElementById('terms')!
    clickAt(terms, 10, 10, 1)
    // The browser selects at the second and third press, before their click events.
    getSelection()!.selectAllChildren(terms)
    clickAt(terms, 10, 10, 2)
    clickAt(terms, 10, 10, 3)
    await vi.advanceTimersByTimeAsync(1000)
    getSelection()!.removeAllRanges()
    const button = document.getElementById('b')!
    for (const detail of [1, 2, 3]) clickAt(button, 50, 50, detail)
    await vi.advanceTimersByTimeAsync(1000)
    expect(events().map((e) => [e.target, e.frustration])).toEqual([
      ['p#terms', undefined],
      ['p#terms', undefined],
      ['p#terms', undefined],
      ['button#b', ['rage', 'dead']],
      ['button#b', ['rage', 'dead']],
      ['button#b', ['rage', 'dead']],
    ])
  })

  it('does not count three double-clicks selecting three words within a second toward rage', async () => {
    selectionAsSpecified()
    const { events } = setup('<p id="terms">By ordering you accept the terms</p>')
    const terms = document.getElementById('terms')!
    for (const x of [10, 40, 70]) {
      getSelection()!.removeAllRanges()
      clickAt(terms, x, 10, 1)
      getSelection()!.selectAllChildren(terms)
      clickAt(terms, x, 10, 2)
      await vi.advanceTimersByTimeAsync(250)
    }
    await vi.advanceTimersByTimeAsync(1000)
    expect(events().map((e) => e.frustration)).toEqual(Array(6).fill(undefined))
  })

  it('counts a multi-click that selected nothing where it was clicked toward rage (an earlier selection elsewhere)', async () => {
    selectionAsSpecified()
    const { events } = setup('<p id="terms">Terms</p><img id="zoom" alt="Product photo">')
    getSelection()!.selectAllChildren(document.getElementById('terms')!)
    const image = document.getElementById('zoom')!
    for (const detail of [1, 2, 3]) clickAt(image, 50, 50, detail)
    await vi.advanceTimersByTimeAsync(1000)
    expect(events().map((e) => e.frustration)).toEqual([['rage'], ['rage'], ['rage']])
  })

  it('does not count clicks in a text field, a checkbox or a contenteditable toward rage; on a submit input it does', async () => {
    const { events } = setup('<input id="q"><input id="c" type="checkbox"><div id="e" contenteditable="true">Note</div><input id="s" type="submit">')
    for (const id of ['q', 'c', 'e', 's']) {
      for (const x of [10, 20, 30]) clickAt(document.getElementById(id)!, x, 10)
      await vi.advanceTimersByTimeAsync(1000)
    }
    expect(events().map((e) => [e.target, e.frustration])).toEqual([
      ...Array(3).fill(['input#q', undefined]),
      ...Array(3).fill(['input#c', undefined]),
      ...Array(3).fill(['div#e', undefined]),
      ...Array(3).fill(['input#s', ['rage', 'dead']]),
    ])
  })

  it('takes a focus change the page makes as a reaction, not the focus a mouse press moves (the next click\'s)', async () => {
    const { events } = setup('<button id="edit">Edit email</button><input id="email"><button id="dead">Apply</button><button id="next">Next</button>')
    const edit = document.getElementById('edit')!
    edit.addEventListener('click', () => document.getElementById('email')!.focus())
    press(edit)
    clickAt(edit)
    await vi.advanceTimersByTimeAsync(1000)
    const dead = document.getElementById('dead')!
    press(dead)
    clickAt(dead, 300, 300)
    // The next press moves the focus while the dead click waits.
    press(document.getElementById('next')!)
    await vi.advanceTimersByTimeAsync(1000)
    expect(events().map((e) => [e.name, e.frustration])).toEqual([
      ['Edit email', undefined],
      ['Apply', ['dead']],
    ])
  })

  it('takes a selection the page leaves as a reaction, not a click collapsing one', async () => {
    const { events } = setup('<pre id="code">npm install rumlet</pre><button id="select">Select command</button><button id="dead">Apply</button>')
    const code = document.getElementById('code')!
    document.getElementById('select')!.addEventListener('click', () => getSelection()!.selectAllChildren(code))
    clickAt(document.getElementById('select')!)
    await vi.advanceTimersByTimeAsync(1000)
    // The text is still selected: a click on a button that does nothing collapses it.
    clickAt(document.getElementById('dead')!, 300, 300)
    getSelection()!.collapseToStart()
    await vi.advanceTimersByTimeAsync(1000)
    expect(events().map((e) => [e.name, e.frustration])).toEqual([
      ['Select command', undefined],
      ['Apply', ['dead']],
    ])
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
