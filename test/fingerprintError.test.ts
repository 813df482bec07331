import { describe, expect, it } from 'vitest'
import { fingerprintError, normaliseMessage, topAppFrame } from '../src/collector/enrich/fingerprintError'

const frame = (file: string, fn = 'f', line = 1) => ({ file, function: fn, line, column: 1 })

describe('normaliseMessage', () => {
  it('takes out numbers, quoted text, hex ids and URLs', () => {
    expect(normaliseMessage(`Cannot read properties of undefined (reading 'price')`)).toBe('Cannot read properties of undefined (reading <text>)')
    expect(normaliseMessage('timeout after 3012 ms on https://api.example/cart/42?x=1')).toBe('timeout after <n> ms on <url>')
    expect(normaliseMessage('order 9f86d081884c7d65 failed')).toBe('order <hex> failed')
  })
})

describe('topAppFrame', () => {
  it('skips library code, extensions and rumlet itself', () => {
    const frames = [frame('https://cdn.example/node_modules/react-dom/index.js'), frame('chrome-extension://abc/x.js'), frame('https://shop.example/rumlet.js'), frame('https://shop.example/app.js', 'buy')]
    expect(topAppFrame(frames)?.function).toBe('buy')
  })
})

describe('fingerprintError', () => {
  it('is the same for two occurrences whose message differs only in numbers, and whose frame moved lines', () => {
    expect(fingerprintError('TypeError', 'timeout after 3012 ms', [frame('https://a.example/app.js?v=1', 'load', 10)])).toBe(
      fingerprintError('TypeError', 'timeout after 3187 ms', [frame('https://b.example/app.js?v=2', 'load', 99)]),
    )
  })

  it('differs by type, message and top in-app function', () => {
    const fingerprint = fingerprintError('TypeError', 'boom', [frame('/app.js', 'load')])
    expect(fingerprintError('RangeError', 'boom', [frame('/app.js', 'load')])).not.toBe(fingerprint)
    expect(fingerprintError('TypeError', 'bang', [frame('/app.js', 'load')])).not.toBe(fingerprint)
    expect(fingerprintError('TypeError', 'boom', [frame('/app.js', 'save')])).not.toBe(fingerprint)
    expect(fingerprint).toMatch(/^[0-9a-f]{16}$/)
  })
})
