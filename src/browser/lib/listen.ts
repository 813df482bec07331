import { native } from './native'

type Methods = [EventTarget['addEventListener'], EventTarget['removeEventListener']]

// The browser's own, also when the page wrapped them before rumlet loaded (a wrapper that drops
// the options would turn capture listeners into bubbling ones, and miss what does not bubble,
// such as a failed image load). Taken at the first listener; where none are, the target's.
let methods: Methods | undefined | 0

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
  if (methods === undefined) methods = native(({ EventTarget: { prototype } }): Methods => [prototype.addEventListener, prototype.removeEventListener]) || 0
  const [add, remove] = methods || [target.addEventListener, target.removeEventListener]
  const names = types.split(' ')
  names.map((type) => add.call(target, type, fn as EventListener, options))
  return () => names.map((type) => remove.call(target, type, fn as EventListener, options))
}
