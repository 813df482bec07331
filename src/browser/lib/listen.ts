/**
 * Adds `fn` as a listener of each of the space-separated event `types` on `target` (default:
 * `window`) and returns a function that removes them again: every capture module's `stop`.
 */
export function listen(
  types: string,
  fn: (event: never) => void,
  options?: boolean | AddEventListenerOptions,
  target: EventTarget = window,
): () => void {
  const names = types.split(' ')
  names.map((type) => target.addEventListener(type, fn as EventListener, options))
  return () => names.map((type) => target.removeEventListener(type, fn as EventListener, options))
}
