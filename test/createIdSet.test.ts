import { describe, expect, it } from 'vitest'
import { createIdSet } from '../src/collector/store/createIdSet'

describe('createIdSet', () => {
  it('says "maybe" for every id added, also after growing far past its first size', () => {
    const ids = createIdSet(16)
    for (let i = 0; i < 100_000; i++) ids.add(`e${i}`)
    expect(ids.size).toBe(100_000)
    let missing = 0
    for (let i = 0; i < 100_000; i++) if (!ids.mayHave(`e${i}`)) missing++
    expect(missing).toBe(0)
  })

  it('says "new" for ids never added (no fingerprint collision among 200,000 similar ids)', () => {
    const ids = createIdSet()
    for (let i = 0; i < 100_000; i++) ids.add(`e${i}`)
    let claimed = 0
    for (let i = 100_000; i < 300_000; i++) if (ids.mayHave(`e${i}`)) claimed++
    expect(claimed).toBe(0)
    expect(ids.mayHave('')).toBe(false)
  })

  it('counts an id added twice once, and forgets everything on clear', () => {
    const ids = createIdSet()
    ids.add('a')
    ids.add('a')
    ids.add('b')
    expect(ids.size).toBe(2)
    ids.clear()
    expect([ids.size, ids.mayHave('a'), ids.mayHave('b')]).toEqual([0, false, false])
  })
})
