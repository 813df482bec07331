import { warn } from './warn'

/**
 * Wraps a function so that nothing it throws reaches the host page: every public function and
 * every listener passes through here once, at the boundary.
 */
export function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
  return (...args: A) => {
    try {
      return fn(...args)
    } catch (e) {
      warn('internal error', e)
    }
  }
}
