import { describe, expect, it } from 'vitest'
import { parseStack } from '../src/collector/enrich/parseStack'

// One stack as each browser family prints it, for the same two calls.
const CHROME = `TypeError: Cannot read properties of undefined (reading 'price')
    at addToCart (https://shop.example/assets/app.min.js:1:2045)
    at HTMLButtonElement.<anonymous> (https://shop.example/assets/app.min.js:1:3120)`
const FIREFOX = `addToCart@https://shop.example/assets/app.min.js:1:2045
@https://shop.example/assets/app.min.js:1:3120
`
const SAFARI = `addToCart@https://shop.example/assets/app.min.js:1:2045
global code@https://shop.example/assets/app.min.js:1:3120`

describe('parseStack', () => {
  it('reads a Chrome (V8) stack', () => {
    expect(parseStack(CHROME)).toEqual([
      { function: 'addToCart', file: 'https://shop.example/assets/app.min.js', line: 1, column: 2045 },
      { function: 'HTMLButtonElement.<anonymous>', file: 'https://shop.example/assets/app.min.js', line: 1, column: 3120 },
    ])
  })

  it('reads a Firefox stack, its anonymous frame without a function', () => {
    expect(parseStack(FIREFOX)).toEqual([
      { function: 'addToCart', file: 'https://shop.example/assets/app.min.js', line: 1, column: 2045 },
      { function: undefined, file: 'https://shop.example/assets/app.min.js', line: 1, column: 3120 },
    ])
  })

  it('reads a Safari stack', () => {
    expect(parseStack(SAFARI)).toEqual([
      { function: 'addToCart', file: 'https://shop.example/assets/app.min.js', line: 1, column: 2045 },
      { function: 'global code', file: 'https://shop.example/assets/app.min.js', line: 1, column: 3120 },
    ])
  })

  it('gives no frames for no stack or one it cannot read', () => {
    expect(parseStack(undefined)).toEqual([])
    expect(parseStack('just a message')).toEqual([])
  })
})
