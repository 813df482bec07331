const isNative = (fn: unknown) => /\[native code\] \}$/.test(String(fn))

/**
 * `get(window)`, from a window whose functions are still the browser's own: this one, or when the
 * page (or another script) replaced or wrapped the first of them before rumlet loaded, a fresh
 * same-origin frame's, taken while the frame is in the document and removed at once (its
 * functions go on working, called on this window's objects). A function is taken as the
 * browser's own when its source text says `[native code]`; undefined where neither window's is
 * (outside a browser, where the DOM is written in JavaScript or missing, no frame is made).
 */
export function native<T extends unknown[]>(get: (window: typeof globalThis) => T): T | undefined {
  const own = get(globalThis)
  if (isNative(own[0])) return own
  if (typeof document !== 'object' || !isNative(document.createElement)) return
  const frame = document.createElement('iframe')
  try {
    frame.hidden = true
    document.documentElement.append(frame)
    const fresh = get(frame.contentWindow as unknown as typeof globalThis)
    if (isNative(fresh[0])) return fresh
  } catch {
  } finally {
    frame.remove()
  }
}
