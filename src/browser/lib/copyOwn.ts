import type { Attributes } from '../../wire'
import { warn } from './warn'

/**
 * A copy of the attributes object a page passed (its own enumerable properties, values checked
 * later by `cleanAttributes`), to be spread; undefined for no object (a debug warning but for
 * null and undefined), and undefined with a debug warning when reading it throws (a getter or a
 * proxy of the page's): its event is then kept without them rather than lost.
 */
export function copyOwn(from: unknown): Attributes | undefined {
  if (from && typeof from === 'object')
    try {
      return { ...from }
    } catch (e) {
      warn('attributes dropped:', e)
    }
  else if (from != null) warn('attributes must be an object:', from)
}
