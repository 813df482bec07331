import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// Server-side rendering imports the app's modules in Node, where there is no window: the ESM
// build must import cleanly and touch nothing there.
describe('dist/rumlet.mjs in Node', () => {
  it('imports without a window and exports the API', async () => {
    expect(existsSync('dist/rumlet.mjs'), 'run npm run build first').toBe(true)
    expect('window' in globalThis).toBe(false)
    const rum = await import('../dist/rumlet.mjs' as string)
    expect(typeof rum.init).toBe('function')
    expect(typeof rum.trackAction).toBe('function')
    expect(typeof rum.flush).toBe('function')
    expect('window' in globalThis).toBe(false)
  })
})

describe('dist/rumlet.attribution.mjs in Node', () => {
  it('imports without a window and exports the same API', async () => {
    expect(existsSync('dist/rumlet.attribution.mjs'), 'run npm run build first').toBe(true)
    const plain = await import('../dist/rumlet.mjs' as string)
    const rum = await import('../dist/rumlet.attribution.mjs' as string)
    expect(Object.keys(rum).sort()).toEqual(Object.keys(plain).sort())
    expect('window' in globalThis).toBe(false)
  })
})
