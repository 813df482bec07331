import { describe, expect, it } from 'vitest'
import { createErrorInfo } from '../src/collector/enrich/createErrorInfo'
import { fingerprintError } from '../src/collector/enrich/fingerprintError'
import { parseStack, type Frame } from '../src/collector/enrich/parseStack'
import type { RumEvent } from '../src/wire'

const STACK = 'TypeError: x\n    at addToCart (https://shop.example/app.min.js:1:2045)\n    at HTMLButtonElement.<anonymous> (https://shop.example/app.min.js:1:3120)'
const error = (more: object = {}) =>
  ({ id: 'e1', type: 'error', time: 1, sessionId: 's', viewId: 'v', url: 'https://shop.example/', message: 'boom 12', errorType: 'TypeError', stack: STACK, source: 'error', count: 1, fingerprint: 'f', release: '1.0', ...more }) as RumEvent & { type: 'error' }

describe('createErrorInfo', () => {
  it('gives what parsing, resolving and fingerprinting give, resolving each distinct error once', async () => {
    const calls: string[] = []
    const resolve = async (frames: Frame[], release: string | undefined) => (calls.push(release ?? ''), frames.map((frame) => ({ ...frame, function: `${release}:${frame.function}` })))
    const errorInfo = createErrorInfo(resolve)
    const first = await errorInfo(error())
    const frames = parseStack(STACK, 'boom 12').map((frame) => ({ ...frame, function: `1.0:${frame.function}` }))
    expect(first).toEqual({ frames, fingerprint: fingerprintError('TypeError', 'boom 12', frames) })
    expect(await errorInfo(error({ id: 'e2' }))).toBe(first)
    // Each of what the result depends on makes another entry.
    await errorInfo(error({ release: '2.0' }))
    await errorInfo(error({ message: 'boom 13' }))
    await errorInfo(error({ errorType: 'RangeError' }))
    await errorInfo(error({ stack: undefined }))
    expect(calls).toEqual(['1.0', '2.0', '1.0', '1.0', '1.0'])
  })

  it('keeps no failed resolution, and at most `size` errors', async () => {
    let fail = true
    const errorInfo = createErrorInfo(async (frames) => {
      if (fail) throw new Error('map unreadable')
      return frames
    }, 2)
    await expect(errorInfo(error())).rejects.toThrow('map unreadable')
    fail = false
    const info = await errorInfo(error())
    await errorInfo(error({ message: 'a' }))
    await errorInfo(error({ message: 'b' }))
    expect(await errorInfo(error())).not.toBe(info)
  })
})
