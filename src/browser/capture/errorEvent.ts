import type { ErrorEvent } from '../../wire'
import { hashToUnit } from '../lib/hashToUnit'
import type { Captured } from '../types'

/** Stacks are kept raw and cut here: frames are parsed by the collector, not in the page. */
const MAX_STACK = 4096
const MAX_MESSAGE = 1024

/** Text for anything thrown or rejected: an object as JSON, never an exception of its own. */
export function describe(value: unknown): string {
  try {
    return (typeof value === 'string' ? value : JSON.stringify(value) ?? String(value)).slice(0, MAX_MESSAGE)
  } catch {
    // Circular objects, BigInts, objects without a prototype…
    return Object.prototype.toString.call(value)
  }
}

/**
 * An `error` event for anything a page may throw or reject with. Errors (also from other
 * realms: anything with a string `message`) keep their name, message and stack; other values are
 * described. The fingerprint (type, message and first stack frame) groups repeats.
 */
export function errorEvent(value: unknown, source: string): Captured<ErrorEvent> {
  const error = value as Error | null
  const isError = !!error && typeof error === 'object' && typeof error.message === 'string'
  const errorType = isError ? String(error.name || 'Error').slice(0, 256) : typeof value
  const message = isError ? error.message.slice(0, MAX_MESSAGE) : describe(value)
  const stack = isError && typeof error.stack === 'string' ? error.stack.slice(0, MAX_STACK) : undefined
  // V8 starts a stack with the name and message, which may hold a URL with a port: the first
  // frame is the first line after them with a line number.
  const at = stack ? stack.indexOf(error!.message) : -1
  const frame = stack ? stack.slice(at < 0 ? 0 : at + error!.message.length).split('\n').find((line) => /:\d+/.test(line)) || '' : ''
  return {
    type: 'error',
    message,
    errorType,
    stack,
    source,
    count: 1,
    fingerprint: (hashToUnit(errorType + message + frame) * 2 ** 32).toString(36),
  }
}
