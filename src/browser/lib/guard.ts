import { warn } from './warn'

/**
 * Wraps a function so that nothing it throws reaches the host page: every public function and
 * every listener passes through here once, at the boundary.
 */
export function guard<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R | undefined {
  return function (this: unknown) {
    try {
      // `arguments` rather than rest and spread: this runs on every trackAction.
      return fn.apply(this, arguments as unknown as A)
    } catch (e) {
      warn('internal error', e)
    }
  }
}
