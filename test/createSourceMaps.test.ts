import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runInNewContext } from 'node:vm'
import { minify } from 'terser'
import { afterEach, describe, expect, it } from 'vitest'
import { createSourceMaps } from '../src/collector/enrich/createSourceMaps'
import { parseStack } from '../src/collector/enrich/parseStack'

// Real minified code with its real source map (terser), and the stack V8 prints when it throws.
const SOURCE = `function priceOf(item) {
  return item.price * item.quantity
}

function addToCart(cart, item) {
  cart.total += priceOf(item)
  return cart
}

addToCart({ total: 0 }, undefined)
`
const URL = 'https://shop.example/assets/app.min.js'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

/** Minifies SOURCE into DIR/<release>/assets/app.min.js(.map) and returns the stack it throws. */
async function buildAndThrow(release: string): Promise<string> {
  const result = await minify({ 'app.js': SOURCE }, { sourceMap: { filename: 'app.min.js' }, compress: false, mangle: { toplevel: true } })
  mkdirSync(join(dir, release, 'assets'), { recursive: true })
  writeFileSync(join(dir, release, 'assets', 'app.min.js.map'), result.map as string)
  try {
    runInNewContext(result.code!, {}, { filename: URL })
  } catch (e) {
    return (e as Error).stack!
  }
  throw new Error('the minified code did not throw')
}

describe('createSourceMaps', () => {
  it('resolves a minified frame to its original file, line, column and function', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rumlet-maps-'))
    const stack = await buildAndThrow('1.4.2')
    const frames = parseStack(stack)
    expect(frames[0].file).toBe(URL)
    expect(frames[0].line).toBe(1) // all on one line, minified
    const resolved = await createSourceMaps(dir)(frames, '1.4.2')
    // item.price threw in priceOf, called from addToCart, called at the top level.
    expect(resolved[0]).toMatchObject({ function: 'priceOf', file: 'app.js', line: 2, column: 15, minified: { file: URL, line: 1 } })
    expect(resolved[1]).toMatchObject({ function: 'addToCart', file: 'app.js', line: 6 })
    expect(resolved[2]).toMatchObject({ file: 'app.js', line: 10 })
  })

  it('keeps frames as they are without a map for the release, and for a release that would leave the folder', async () => {
    dir = mkdtempSync(join(tmpdir(), 'rumlet-maps-'))
    const frames = parseStack(await buildAndThrow('1.4.2'))
    const resolveFrames = createSourceMaps(dir)
    expect(await resolveFrames(frames, '1.4.3')).toEqual(frames)
    expect(await resolveFrames(frames, '..')).toEqual(frames)
    expect(await resolveFrames(frames, '../1.4.2')).toEqual(frames)
    expect(await resolveFrames(frames, undefined)).toEqual(frames)
  })
})
