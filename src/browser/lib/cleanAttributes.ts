import type { Attributes } from '../../wire'
import { warn } from './warn'

const MAX_KEYS = 50
const MAX_KEY = 64
const MAX_VALUE = 1024

/**
 * Flat attributes within limits: string, number and boolean values under keys of at most 64
 * characters, strings cut at 1,024 characters, the first 50 keys. Anything else is left out with
 * a debug warning.
 */
export function cleanAttributes(input: unknown): Attributes | undefined {
  // Not an object: the caller warned (see `record`).
  if (!input || typeof input !== 'object') return
  // A plain object keeps V8's fast properties (one without a prototype would not).
  const out: Attributes = {}
  let count = 0
  for (const key of Object.keys(input)) {
    let value = (input as Record<string, unknown>)[key]
    if (typeof value === 'string') value = value.slice(0, MAX_VALUE)
    else if (typeof value !== 'boolean' && !(typeof value === 'number' && isFinite(value))) {
      warn(`attribute "${key}" dropped: not a string, number or boolean`)
      continue
    }
    if (key.length > MAX_KEY) warn(`attribute "${key.slice(0, MAX_KEY)}…" dropped: key over ${MAX_KEY} characters`)
    else if (count >= MAX_KEYS) warn(`attribute "${key}" dropped: over ${MAX_KEYS} attributes`)
    else {
      count++
      // "__proto__" is a key like any other here: `=` would set the prototype.
      if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true })
      else out[key] = value as string | number | boolean
    }
  }
  return count ? out : undefined
}
