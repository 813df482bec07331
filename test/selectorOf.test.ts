// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { selectorOf } from '../src/browser/lib/selectorOf'

describe('selectorOf', () => {
  it('walks up to the nearest ancestor with an id', () => {
    document.body.innerHTML = '<main id="shop"><section class="hero big"><img class="banner"></section></main>'
    expect(selectorOf(document.querySelector('img'))).toBe('main#shop>section.hero.big>img.banner')
  })

  it('escapes ids and classes as CSS needs them (utility classes, ids starting with a digit)', () => {
    document.body.innerHTML = '<div id="1hero"><p class="md:flex w-1/2"><img></p></div>'
    // As CSS.escape writes them (happy-dom's querySelector cannot read `#\31 hero` back; browsers can).
    expect(selectorOf(document.querySelector('img'))).toBe('div#\\31 hero>p.md\\:flex.w-1\\/2>img')
  })

  it('stops at the element itself when it has an id', () => {
    document.body.innerHTML = '<div><button id="buy" class="primary">Buy</button></div>'
    expect(selectorOf(document.querySelector('button'))).toBe('button#buy')
  })

  it('does not need Array.from (Prototype.js replaces it with a function that ignores a map function)', () => {
    const from = Array.from
    Array.from = ((items: ArrayLike<unknown>) => Array.prototype.slice.call(items)) as typeof Array.from
    try {
      document.body.innerHTML = '<div id="cart"><button class="btn primary">Buy</button></div>'
      expect(selectorOf(document.querySelector('button'))).toBe('div#cart>button.btn.primary')
    } finally {
      Array.from = from
    }
  })

  it('ends at html when nothing has an id', () => {
    document.body.innerHTML = '<p><span>x</span></p>'
    expect(selectorOf(document.querySelector('span'))).toBe('html>body>p>span')
  })

  it('keeps to 100 characters by leaving out the farther ancestors', () => {
    document.body.innerHTML = `<div class="${'a'.repeat(60)}"><div class="${'b'.repeat(60)}"><i></i></div></div>`
    const selector = selectorOf(document.querySelector('i'))
    expect(selector).toBe(`div.${'b'.repeat(60)}>i`)
    expect(selector.length).toBeLessThanOrEqual(100)
  })

  it('is empty for no element or a text node', () => {
    expect(selectorOf(null)).toBe('')
    expect(selectorOf(document.createTextNode('x'))).toBe('')
  })
})
