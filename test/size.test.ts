import { existsSync, readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

// Every byte of dist/rumlet.js is paid by every page view: each dist file has a gzip budget in
// package.json ("sizeBudgets"), raised only by a commit that says why.
const { sizeBudgets } = JSON.parse(readFileSync('package.json', 'utf8')) as { sizeBudgets: Record<string, number> }

describe('size budgets (gzip -9)', () => {
  for (const [file, budget] of Object.entries(sizeBudgets)) {
    it(`${file} is within ${budget} bytes`, () => {
      const size = gzipSync(readFileSync(file), { level: 9 }).length
      expect(size).toBeLessThanOrEqual(budget)
    })
  }
})

describe('dist/loader.js, the inline loader', () => {
  it('is at most 600 bytes as pasted (minified, not compressed)', () => {
    expect(existsSync('dist/loader.js'), 'run npm run build first').toBe(true)
    expect(readFileSync('dist/loader.js').length).toBeLessThanOrEqual(600)
  })

  it('is in the README exactly as built, ready to paste', () => {
    const loader = readFileSync('dist/loader.js', 'utf8').trim()
    expect(readFileSync('README.md', 'utf8')).toContain(loader)
  })
})

describe('the checkout demo', () => {
  it('inlines the loader exactly as built', () => {
    expect(readFileSync('demo/checkout.html', 'utf8')).toContain(readFileSync('dist/loader.js', 'utf8').trim())
  })
})
