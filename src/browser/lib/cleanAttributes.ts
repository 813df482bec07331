import type { Attributes } from '../../wire'
import { warn } from './warn'

/**
 * Keeps the flat part of a caller's attributes: string, number and boolean values. Anything
 * else (nested objects, functions, non-finite numbers) is left out with a debug warning.
 */
export function cleanAttributes(input: unknown): Attributes | undefined {
  if (input == null) return
  if (typeof input !== 'object') return void warn('attributes must be an object:', input)
  const out: Attributes = {}
  let any = false
  for (const key of Object.keys(input)) {
    const value = (input as Record<string, unknown>)[key]
    if (typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && isFinite(value))) {
      out[key] = value
      any = true
    } else warn(`attribute "${key}" dropped: not a string, number or boolean`)
  }
  return any ? out : undefined
}
