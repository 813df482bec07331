import type { DropCounter } from './createDrops'
import { warn } from './warn'

/**
 * Replaces `target[name]` with `make(original, on)`, where the page lets rumlet. A method the page
 * (or another script) made read-only is left alone: that instrumentation is skipped, counted in
 * `drops` (`not_instrumented`: the events it would have seen are lost) and named in debug mode,
 * and everything else runs. Returns the undo: it turns the wrapper off (`on()` becomes false,
 * so that it only calls through) and puts the original back, unless somebody wrapped rumlet's
 * version since — their wrapper still calls it.
 */
export function wrap<T extends object, K extends keyof T>(
  target: T,
  name: K,
  make: (original: T[K], on: () => boolean) => T[K],
  drops: DropCounter,
): () => void {
  const original = target[name]
  let on = true
  const wrapper = make(original, () => on)
  try {
    target[name] = wrapper
  } catch {}
  if (target[name] !== wrapper) drops._count('not_instrumented'), warn(`${String(name)} is read-only: not instrumented`)
  return () => {
    on = false
    try {
      if (target[name] === wrapper) target[name] = original
    } catch {}
  }
}
