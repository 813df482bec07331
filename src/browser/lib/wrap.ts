/**
 * Replaces `target[name]` with `make(original, on)`, where the page lets rumlet. A method the page
 * (or another script) made read-only is left alone: that instrumentation is skipped and `skip`
 * hears of it by `label` (rumlet counts it as `not_instrumented`, and names it in debug mode), and
 * everything else runs. Returns the undo: it turns the wrapper off (`on()` becomes false,
 * so that it only calls through) and puts the original back, unless somebody wrapped rumlet's
 * version since — their wrapper still calls it.
 */
export function wrap<T extends object, K extends keyof T>(
  target: T,
  name: K,
  make: (original: T[K], on: () => boolean) => T[K],
  skip: (label: string) => void,
  label = String(name),
): () => void {
  const original = target[name]
  let on = true
  const wrapper = make(original, () => on)
  try {
    target[name] = wrapper
  } catch {}
  if (target[name] !== wrapper) skip(label)
  return () => {
    on = false
    try {
      if (target[name] === wrapper) target[name] = original
    } catch {}
  }
}
