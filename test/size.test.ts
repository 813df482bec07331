import { readFileSync } from 'node:fs'
import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'

// Every byte of dist/rumlet.js is paid by every page view: each dist file has a gzip budget in
// package.json ("sizeBudgets"), raised only by a commit that says why.
const { sizeBudgets } = JSON.parse(readFileSync('package.json', 'utf8')) as { sizeBudgets: Record<string, number> }

describe('size budgets (gzip -9)', () => {
  it('budgets cover the script-tag build at 7,168 bytes or less', () => {
    expect(sizeBudgets['dist/rumlet.js']).toBeLessThanOrEqual(7168)
  })

  for (const [file, budget] of Object.entries(sizeBudgets)) {
    it(`${file} is within ${budget} bytes`, () => {
      const size = gzipSync(readFileSync(file), { level: 9 }).length
      expect(size).toBeLessThanOrEqual(budget)
    })
  }
})
